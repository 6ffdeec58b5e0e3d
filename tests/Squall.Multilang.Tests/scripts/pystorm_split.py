# pystorm style: instance methods self.emit / self.ack / self.log; task ids only when asked for.
import storm


class WordSplitter(storm.Bolt):
    def initialize(self, conf, ctx):
        self.name = ctx["componentid"]

    def process(self, tup):
        words = tup.values[0].split(" ")
        for word in words[:-1]:
            self.emit([word], anchors=[tup])
        ids = self.emit([words[-1]], anchors=[tup], need_task_ids=True)
        self.log("%s: last word went to %s" % (self.name, ids), level="info")
        self.ack(tup)


WordSplitter().run()
