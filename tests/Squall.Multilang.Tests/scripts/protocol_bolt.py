# Test bolt driven by its input: "cmd:<name> <arg>" runs a protocol scenario, anything else is echoed.
import json
import os
import subprocess
import sys
import time

import storm


class ProtocolBolt(storm.Bolt):
    def initialize(self, conf, context):
        self.conf = conf
        self.context = context
        if conf.get("test.emit.on.init"):
            ids = storm.emit(["hello from initialize"])
            storm.log("init emit went to %s" % ids)

    def process(self, tup):
        if tup.is_tick_tuple():
            storm.emit(["tick %s %s %s" % (tup.values[0], tup.component, tup.task)], stream="report", anchors=[tup])
            storm.ack(tup)
            return
        value = tup.values[0]
        if not (isinstance(value, str) and value.startswith("cmd:")):
            storm.emit([value], stream="report", anchors=[tup])
            storm.ack(tup)
            return
        cmd, _, arg = value[4:].partition(" ")
        if cmd == "ids":
            ids = storm.emit([arg], anchors=[tup])
            storm.emit([ids], stream="report", anchors=[tup])
            storm.ack(tup)
        elif cmd == "direct":
            storm.emitDirect(int(arg), ["to " + arg], stream="direct", anchors=[tup])
            storm.ack(tup)
        elif cmd == "fail":
            storm.fail(tup)
        elif cmd == "log":
            for level in range(5):
                storm.log("level %d" % level, level)
            storm.sendMsgToParent({"command": "log", "msg": "no level"})
            storm.ack(tup)
        elif cmd == "error":
            storm.reportError(arg)
            storm.ack(tup)
        elif cmd == "metric":
            storm.rpcMetrics("my-count", None)
            storm.rpcMetrics("my-count", 5)
            storm.ack(tup)
        elif cmd == "context":
            storm.emit([json.dumps({"conf": self.conf, "context": self.context})], stream="report", anchors=[tup])
            storm.ack(tup)
        elif cmd == "pid":
            storm.emit([os.getpid()], stream="report", anchors=[tup])
            storm.ack(tup)
        elif cmd == "spawn":
            child = subprocess.Popen(["sleep", "60"])
            storm.emit([child.pid], stream="report", anchors=[tup])
            storm.ack(tup)
        elif cmd == "garbage":
            os.write(1, b"this is not json\n")
            storm.emit(["after garbage"], anchors=[tup])
        elif cmd == "hang":
            time.sleep(120)
        elif cmd == "exit":
            sys.stderr.write("exiting with status %s on purpose\n" % arg)
            sys.stderr.flush()
            os._exit(int(arg))
        elif cmd == "unknown-anchor":
            storm.sendMsgToParent({"command": "emit", "anchors": ["12345"], "tuple": ["x"]})
        elif cmd == "async-after":
            storm.ack(tup)
        else:
            raise ValueError("unknown test command " + cmd)


ProtocolBolt().run()
