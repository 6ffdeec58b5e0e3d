# A reliable spout: every sentence carries a message id, is kept until acked, and is emitted again when it fails.
import os
import time

import storm

SENTENCES = [
    "the cow jumped over the moon",
    "an apple a day keeps the doctor away",
    "four score and seven years ago",
    "snow white and the seven dwarfs",
    "i am at two with nature",
]


class SentenceSpout(storm.Spout):
    def initialize(self, conf, context):
        self.rounds = int(os.environ.get("ROUNDS", "0"))
        self.next_id = 0
        self.pending = {}
        self.replay = []

    def nextTuple(self):
        if self.replay:
            msg_id = self.replay.pop()
        elif self.rounds == 0 or self.next_id < self.rounds * len(SENTENCES):
            msg_id = self.next_id
            self.next_id += 1
            self.pending[msg_id] = SENTENCES[msg_id % len(SENTENCES)]
        else:
            time.sleep(0.01)   # the corpus is done: idle without spinning
            return
        storm.emit([self.pending[msg_id]], id=msg_id)

    def ack(self, msg_id):
        self.pending.pop(msg_id, None)

    def fail(self, msg_id):
        if msg_id in self.pending:
            self.replay.append(msg_id)


SentenceSpout().run()
