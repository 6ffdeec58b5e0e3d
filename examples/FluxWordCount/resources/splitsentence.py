# Splits each sentence into words. A BasicBolt anchors its emits to the input and acks it afterwards.
import storm


class SplitSentenceBolt(storm.BasicBolt):
    def process(self, tup):
        for word in tup.values[0].split():
            storm.emit([word])


SplitSentenceBolt().run()
