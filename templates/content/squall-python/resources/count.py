# Counts words. A BasicBolt anchors its emits to the input and acks it afterwards; the fields grouping sends
# each word to one task, so each task's counts are exact for its words.
import collections

import storm


class WordCountBolt(storm.BasicBolt):
    def initialize(self, conf, context):
        self.counts = collections.Counter()

    def process(self, tup):
        word = tup.values[0]
        self.counts[word] += 1
        storm.emit([word, self.counts[word]])


WordCountBolt().run()
