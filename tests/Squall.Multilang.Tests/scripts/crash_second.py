# Processes its first tuple, raises on its second (storm.py reports the traceback and exits 0).
import os

import storm


class CrashOnSecond(storm.Bolt):
    def initialize(self, conf, context):
        self.count = 0

    def process(self, tup):
        self.count += 1
        if self.count == 2:
            raise ValueError("crash on tuple 2 in pid %d" % os.getpid())
        storm.emit([os.getpid()], stream="report", anchors=[tup])
        storm.ack(tup)


CrashOnSecond().run()
