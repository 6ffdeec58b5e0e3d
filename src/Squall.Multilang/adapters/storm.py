"""Squall's multilang adapter for Python 3 (standard library only).

It speaks Apache Storm's multilang protocol and offers the API of Storm's storm.py, so existing
scripts run unchanged: subclass Bolt, BasicBolt or Spout, override initialize/process or
nextTuple/ack/fail, and call run(). Module functions: emit, emitDirect, ack, fail, sync, log
(plus logTrace..logError), reportError, rpcMetrics.

Components written against pystorm's instance API run too: inside a Bolt, self.emit(values, stream=None,
anchors=None, direct_task=None, need_task_ids=False), self.ack(tup), self.fail(tup), self.log(msg, level)
(level a number or a name: "debug", "info", "warning", ...); inside a Spout, self.emit(values, tup_id=None,
stream=None, direct_task=None, need_task_ids=False). As in pystorm, these ask for task ids only when
need_task_ids=True (then they return them); the module-level storm.emit always does, as Storm's storm.py.

Differences from storm.py, each on purpose:
* print() goes to stderr (the host logs it) instead of corrupting the protocol on stdout.
* run(serializer="msgpack") (or SQUALL_MULTILANG_SERIALIZER=msgpack) speaks msgpack, matching a
  topology configured with topology.multilang.serializer=msgpack; a small codec is built in.
"""

import json
import os
import struct
import sys
import traceback
from collections import deque

_out = sys.stdout.buffer
_in = sys.stdin.buffer
# User prints must never reach the protocol stream.
sys.stdout = sys.stderr

MODE = None
ANCHOR_TUPLE = None
_serializer = None
pending_commands = deque()
pending_taskids = deque()


# ---------------------------------------------------------------- wire formats

class _Json(object):
    def read(self):
        lines = []
        while True:
            line = _in.readline()
            if not line:
                raise EOFError("the host closed stdin")
            line = line.rstrip(b"\r\n")
            if line == b"end":
                break
            lines.append(line)
        return json.loads(b"\n".join(lines).decode("utf-8"))

    def write(self, msg):
        _out.write(json.dumps(msg, ensure_ascii=False).encode("utf-8") + b"\nend\n")
        _out.flush()


class _MsgPack(object):
    def read(self):
        return _unpack(_read_exactly)

    def write(self, msg):
        _out.write(_pack(msg))
        _out.flush()


def _read_exactly(n):
    data = _in.read(n)
    if data is None or len(data) < n:
        raise EOFError("the host closed stdin")
    return data


def _pack(obj):
    if obj is None:
        return b"\xc0"
    if obj is True:
        return b"\xc3"
    if obj is False:
        return b"\xc2"
    if isinstance(obj, int):
        if 0 <= obj < 0x80:
            return struct.pack("B", obj)
        if -32 <= obj < 0:
            return struct.pack("b", obj)
        if 0 <= obj <= 0xFFFFFFFFFFFFFFFF:
            return b"\xcf" + struct.pack(">Q", obj)
        return b"\xd3" + struct.pack(">q", obj)
    if isinstance(obj, float):
        return b"\xcb" + struct.pack(">d", obj)
    if isinstance(obj, str):
        data = obj.encode("utf-8")
        return _head(len(data), 0xA0, 31, b"\xd9", b"\xda", b"\xdb") + data
    if isinstance(obj, (bytes, bytearray)):
        return _head(len(obj), None, -1, b"\xc4", b"\xc5", b"\xc6") + bytes(obj)
    if isinstance(obj, (list, tuple)):
        return _head(len(obj), 0x90, 15, None, b"\xdc", b"\xdd") + b"".join(_pack(x) for x in obj)
    if isinstance(obj, dict):
        body = b"".join(_pack(k) + _pack(v) for k, v in obj.items())
        return _head(len(obj), 0x80, 15, None, b"\xde", b"\xdf") + body
    return _pack(str(obj))


def _head(n, fix, fixmax, c8, c16, c32):
    if fix is not None and n <= fixmax:
        return struct.pack("B", fix | n)
    if c8 is not None and n <= 0xFF:
        return c8 + struct.pack("B", n)
    if n <= 0xFFFF:
        return c16 + struct.pack(">H", n)
    return c32 + struct.pack(">I", n)


_FIXED = {
    0xcc: ">B", 0xcd: ">H", 0xce: ">I", 0xcf: ">Q",
    0xd0: ">b", 0xd1: ">h", 0xd2: ">i", 0xd3: ">q",
    0xca: ">f", 0xcb: ">d",
}


def _unpack(read):
    code = read(1)[0]
    if code <= 0x7F:
        return code
    if code >= 0xE0:
        return code - 0x100
    if 0x80 <= code <= 0x8F:
        return _unpack_map(read, code & 0x0F)
    if 0x90 <= code <= 0x9F:
        return [_unpack(read) for _ in range(code & 0x0F)]
    if 0xA0 <= code <= 0xBF:
        return read(code & 0x1F).decode("utf-8")
    if code == 0xC0:
        return None
    if code in (0xC2, 0xC3):
        return code == 0xC3
    if code in _FIXED:
        fmt = _FIXED[code]
        return struct.unpack(fmt, read(struct.calcsize(fmt)))[0]
    sizes = {0xc4: 1, 0xc5: 2, 0xc6: 4, 0xd9: 1, 0xda: 2, 0xdb: 4,
             0xdc: 2, 0xdd: 4, 0xde: 2, 0xdf: 4, 0xc7: 1, 0xc8: 2, 0xc9: 4}
    fixext = {0xd4: 1, 0xd5: 2, 0xd6: 4, 0xd7: 8, 0xd8: 16}
    if code in fixext:
        read(1)
        return read(fixext[code])
    if code not in sizes:
        raise ValueError("not a msgpack type: 0x%02x" % code)
    n = int.from_bytes(read(sizes[code]), "big")
    if code in (0xc4, 0xc5, 0xc6):
        return read(n)
    if code in (0xd9, 0xda, 0xdb):
        return read(n).decode("utf-8")
    if code in (0xdc, 0xdd):
        return [_unpack(read) for _ in range(n)]
    if code in (0xde, 0xdf):
        return _unpack_map(read, n)
    read(1)
    return read(n)


def _unpack_map(read, n):
    result = {}
    for _ in range(n):
        key = _unpack(read)
        result[key] = _unpack(read)
    return result


def _select_serializer(name):
    global _serializer
    name = name or os.environ.get("SQUALL_MULTILANG_SERIALIZER", "json")
    _serializer = _MsgPack() if name == "msgpack" else _Json()


# ---------------------------------------------------------------- protocol

def readMsg():
    return _serializer.read()


def sendMsgToParent(msg):
    _serializer.write(msg)


def readTaskIds():
    """Task-id arrays and commands share the pipe: commands read while waiting are kept for later."""
    if pending_taskids:
        return pending_taskids.popleft()
    msg = readMsg()
    while not isinstance(msg, list):
        pending_commands.append(msg)
        msg = readMsg()
    return msg


def readCommand():
    if pending_commands:
        return pending_commands.popleft()
    msg = readMsg()
    while isinstance(msg, list):
        pending_taskids.append(msg)
        msg = readMsg()
    return msg


def readTuple():
    cmd = readCommand()
    return Tuple(cmd["id"], cmd["comp"], cmd["stream"], cmd["task"], cmd["tuple"])


def sync():
    sendMsgToParent({"command": "sync"})


def sendpid(heartbeatdir):
    pid = os.getpid()
    sendMsgToParent({"pid": pid})
    open(os.path.join(heartbeatdir, str(pid)), "w").close()


def emit(*args, **kwargs):
    __emit(*args, **kwargs)
    return readTaskIds()


def emitDirect(task, *args, **kwargs):
    kwargs["directTask"] = task
    __emit(*args, **kwargs)


def __emit(*args, **kwargs):
    if MODE == Bolt:
        emitBolt(*args, **kwargs)
    elif MODE == Spout:
        emitSpout(*args, **kwargs)


def emitBolt(tup, stream=None, anchors=[], directTask=None, needTaskIds=True):
    if ANCHOR_TUPLE is not None:
        anchors = [ANCHOR_TUPLE]
    m = {"command": "emit", "anchors": [a.id if isinstance(a, Tuple) else a for a in anchors], "tuple": tup}
    if stream is not None:
        m["stream"] = stream
    if directTask is not None:
        m["task"] = directTask
    if not needTaskIds:
        m["need_task_ids"] = False
    sendMsgToParent(m)


def emitSpout(tup, stream=None, id=None, directTask=None, needTaskIds=True):
    m = {"command": "emit", "tuple": tup}
    if id is not None:
        m["id"] = id
    if stream is not None:
        m["stream"] = stream
    if directTask is not None:
        m["task"] = directTask
    if not needTaskIds:
        m["need_task_ids"] = False
    sendMsgToParent(m)


_LEVEL_NAMES = {"trace": 0, "debug": 1, "info": 2, "warn": 3, "warning": 3, "error": 4, "critical": 4}


def _level(level):
    if level is None:
        return 2
    if isinstance(level, str):
        return _LEVEL_NAMES.get(level.lower(), 2)
    return level


def _emit_pystorm_style(emitter, values, need_task_ids, **kwargs):
    """pystorm's self.emit: asks for (and waits for) task ids only when need_task_ids, except direct emits."""
    direct = kwargs.get("directTask")
    emitter(values, needTaskIds=need_task_ids and direct is None, **kwargs)
    if direct is not None:
        return [direct]
    return readTaskIds() if need_task_ids else None


class _Component(object):
    """The instance methods pystorm components use, on top of this module's functions."""

    def ack(self, tup):
        ack(tup)

    def fail(self, tup):
        fail(tup)

    def log(self, message, level=None):
        log(message, _level(level))

    def reportError(self, message):
        reportError(message)


def ack(tup):
    sendMsgToParent({"command": "ack", "id": tup.id})


def fail(tup):
    sendMsgToParent({"command": "fail", "id": tup.id})


def reportError(msg):
    sendMsgToParent({"command": "error", "msg": msg})


def log(msg, level=2):
    sendMsgToParent({"command": "log", "msg": msg, "level": level})


def logTrace(msg):
    log(msg, 0)


def logDebug(msg):
    log(msg, 1)


def logInfo(msg):
    log(msg, 2)


def logWarn(msg):
    log(msg, 3)


def logError(msg):
    log(msg, 4)


def rpcMetrics(name, params):
    sendMsgToParent({"command": "metrics", "name": name, "params": params})


def initComponent():
    setupInfo = readMsg()
    sendpid(setupInfo["pidDir"])
    return [setupInfo["conf"], setupInfo["context"]]


class Tuple(object):
    def __init__(self, id, component, stream, task, values):
        self.id = id
        self.component = component
        self.stream = stream
        self.task = task
        self.values = values

    def __repr__(self):
        return "<%s%s>" % (self.__class__.__name__, "".join(" %s=%r" % (k, self.__dict__[k]) for k in sorted(self.__dict__)))

    def is_heartbeat_tuple(self):
        return self.task == -1 and self.stream == "__heartbeat"

    def is_tick_tuple(self):
        return self.component == "__system" and self.stream == "__tick"


def _report_crash():
    try:
        reportError(traceback.format_exc())
    except Exception:
        pass


def _start(mode, serializer):
    global MODE
    MODE = mode
    _select_serializer(serializer)
    return initComponent()


def _run_bolt(component, serializer, handle):
    """The bolt loop: heartbeats are answered here, every other tuple goes to handle."""
    conf, context = _start(Bolt, serializer)
    try:
        component.initialize(conf, context)
        while True:
            tup = readTuple()
            if tup.is_heartbeat_tuple():
                sync()
            else:
                handle(tup)
    except Exception:
        _report_crash()


class Bolt(_Component):
    """Acks nothing by itself: call ack(tup) or fail(tup) for every input."""

    def emit(self, tup, stream=None, anchors=None, direct_task=None, need_task_ids=False):
        return _emit_pystorm_style(emitBolt, tup, need_task_ids, stream=stream, anchors=anchors or [], directTask=direct_task)

    def initialize(self, stormconf, context):
        pass

    def process(self, tuple):
        pass

    def run(self, serializer=None):
        _run_bolt(self, serializer, self.process)


class BasicBolt(Bolt):
    """Anchors emits to the current input and acks it after process (fails it if process raises)."""

    def run(self, serializer=None):
        _run_bolt(self, serializer, self._process_and_ack)

    def _process_and_ack(self, tup):
        global ANCHOR_TUPLE
        ANCHOR_TUPLE = tup
        try:
            self.process(tup)
            ack(tup)
        except Exception:
            reportError(traceback.format_exc())
            fail(tup)
        finally:
            ANCHOR_TUPLE = None


class Spout(_Component):
    def emit(self, tup, tup_id=None, stream=None, direct_task=None, need_task_ids=False):
        return _emit_pystorm_style(emitSpout, tup, need_task_ids, stream=stream, id=tup_id, directTask=direct_task)

    def initialize(self, conf, context):
        pass

    def activate(self):
        pass

    def deactivate(self):
        pass

    def ack(self, id):
        pass

    def fail(self, id):
        pass

    def nextTuple(self):
        pass

    def run(self, serializer=None):
        conf, context = _start(Spout, serializer)
        try:
            self.initialize(conf, context)
            while True:
                msg = readCommand()
                command = msg["command"]
                if command == "next":
                    self.nextTuple()
                elif command == "ack":
                    self.ack(msg["id"])
                elif command == "fail":
                    self.fail(msg["id"])
                elif command == "activate":
                    self.activate()
                elif command == "deactivate":
                    self.deactivate()
                sync()
        except Exception:
            _report_crash()
