# Speaks the protocol itself, the way pystorm's TicklessBatchingBolt works: the main thread only reads and
# batches tuples (answering heartbeats), a background thread emits and acks each batch later, at times that
# have nothing to do with what the host last sent. A batch holding "boom" raises: as pystorm does, the bolt
# sends an error, then an extra sync, fails the batch's tuples, and (env EXIT_ON_EXCEPTION=1) exits with 1.
import json
import os
import sys
import threading
import time
import traceback

out_lock = threading.Lock()
batch_lock = threading.Lock()
batch = []


def read_message():
    lines = []
    while True:
        line = sys.stdin.readline()
        if not line:
            os._exit(2)
        if line == "end\n":
            return json.loads("".join(lines))
        lines.append(line)


def send(msg):
    with out_lock:
        sys.stdout.write(json.dumps(msg) + "\nend\n")
        sys.stdout.flush()


def process_batch(tuples):
    for tup in tuples:
        if tup["tuple"][0] == "boom":
            raise ValueError("boom in a batch")
    for tup in tuples:
        for word in tup["tuple"][0].split():
            send({"command": "emit", "anchors": [tup["id"]], "tuple": [word], "need_task_ids": False})
        send({"command": "ack", "id": tup["id"]})


def batcher():
    global batch
    while True:
        time.sleep(0.2)
        with batch_lock:
            tuples, batch = batch, []
        if not tuples:
            continue
        try:
            process_batch(tuples)
        except Exception:
            send({"command": "log", "msg": traceback.format_exc(), "level": 4})
            send({"command": "error", "msg": traceback.format_exc()})
            send({"command": "sync"})
            for tup in tuples:
                send({"command": "fail", "id": tup["id"]})
            if os.environ.get("EXIT_ON_EXCEPTION") == "1":
                os._exit(1)


setup = read_message()
pid = os.getpid()
open(os.path.join(setup["pidDir"], str(pid)), "w").close()
send({"pid": pid})
threading.Thread(target=batcher, daemon=True).start()
while True:
    msg = read_message()
    if msg.get("stream") == "__heartbeat":
        send({"command": "sync"})
    else:
        with batch_lock:
            batch.append(msg)
