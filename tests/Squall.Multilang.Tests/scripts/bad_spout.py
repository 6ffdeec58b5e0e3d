# A spout that misbehaves on its second "next", as conf["test.mode"] says: hang, exit, or ack (not a spout command).
import os
import sys
import time

import storm


class BadSpout(storm.Spout):
    def initialize(self, conf, context):
        self.mode = conf.get("test.mode")
        self.n = 0

    def activate(self):
        storm.log("activated %d" % os.getpid())

    def nextTuple(self):
        self.n += 1
        if self.n == 1:
            storm.emit(["pid %d" % os.getpid()], id=self.n)
            return
        if self.mode == "hang":
            time.sleep(120)
        elif self.mode == "exit":
            sys.stderr.write("spout giving up\n")
            sys.stderr.flush()
            os._exit(4)
        elif self.mode == "ack":
            storm.sendMsgToParent({"command": "ack", "id": "1"})


BadSpout().run()
