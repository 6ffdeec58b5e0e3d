# storm-starter style: module-level storm.emit from a BasicBolt (anchored and acked by the adapter).
import storm


class SplitSentenceBolt(storm.BasicBolt):
    def process(self, tup):
        words = tup.values[0].split(" ")
        for word in words:
            storm.emit([word])


SplitSentenceBolt().run()
