# Emits words for ever. Each carries a message id, so Squall tracks it and calls ack or fail; a failed word is emitted again.
import itertools

import storm

WORDS = ["storm", "squall", "gale", "breeze", "tempest", "zephyr"]


class WordSpout(storm.Spout):
    def initialize(self, conf, context):
        self.ids = itertools.count()
        self.failed = []

    def nextTuple(self):
        msg_id = self.failed.pop() if self.failed else next(self.ids)
        storm.emit([WORDS[msg_id % len(WORDS)]], id=msg_id)

    def fail(self, msg_id):
        self.failed.append(msg_id)


WordSpout().run()
