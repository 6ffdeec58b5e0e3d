# A slow source, as every storm-starter spout is: each next takes 100 ms (then emits sentence n with id n,
# n < conf test.sentences). Logs "failed <n>" for every fail and "all <n> acked" once each was acked.
import time

import storm


class SlowSpout(storm.Spout):
    def initialize(self, conf, context):
        self.limit = int(conf.get("test.sentences", 10))
        self.next = 0
        self.acked = set()

    def nextTuple(self):
        time.sleep(0.1)
        if self.next < self.limit:
            storm.emit(["sentence %d" % self.next], id=self.next)
            self.next += 1

    def ack(self, id):
        self.acked.add(id)
        if len(self.acked) == self.limit:
            storm.log("all %d acked" % self.limit)

    def fail(self, id):
        storm.log("failed %s" % id)


SlowSpout().run()
