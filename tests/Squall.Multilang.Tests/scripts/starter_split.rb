# storm-starter style Ruby bolt: splits a sentence into words anchored on it, then acks it.
require "./storm"

class SplitSentenceBolt < Storm::Bolt
  def process(tup)
    tup.values[0].split(" ").each do |word|
      emit([word], anchor: tup)
    end
    ack(tup)
  end
end

SplitSentenceBolt.new.run
