# A Python spout: emits from initialize, then one tuple per "next" (string ids), a direct emit, logs acks/fails.
import storm


class PySpout(storm.Spout):
    def initialize(self, conf, context):
        self.n = 0
        storm.emit(["early bird"], id="early")

    def nextTuple(self):
        self.n += 1
        if self.n == 1:
            ids = storm.emit(["first"], id="id-1")
            storm.log("task ids %s" % ids)
        elif self.n == 2:
            storm.emitDirect(8, ["direct"], stream="direct", id="id-2")
        elif self.n == 3:
            storm.emit(["unreliable"])

    def ack(self, id):
        storm.log("acked %r" % (id,))

    def fail(self, id):
        storm.log("failed %r" % (id,))


PySpout().run()
