# Splits sentences like splitsentence.py, but the first child to see its third sentence dies (exit 9),
# once per marker directory (conf test.marker.dir), so the topology has to replay and carry on.
import os

import storm


class CrashOnceSplit(storm.BasicBolt):
    def initialize(self, conf, context):
        self.seen = 0
        self.marker = os.path.join(conf["test.marker.dir"], "crashed")

    def claim_crash(self):
        # Both split tasks may reach their third sentence at once: O_EXCL lets exactly one of them crash.
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            return True
        except FileExistsError:
            return False

    def process(self, tup):
        self.seen += 1
        if self.seen == 3 and self.claim_crash():
            os._exit(9)
        for word in tup.values[0].split():
            storm.emit([word])


CrashOnceSplit().run()
