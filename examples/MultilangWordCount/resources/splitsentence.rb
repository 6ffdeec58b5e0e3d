# Splits each sentence into words anchored on it, then acks it (a Storm::Bolt acks nothing by itself).
require "./storm"

class SplitSentenceBolt < Storm::Bolt
  def process(tup)
    tup.values[0].split(" ").each { |word| emit([word], anchor: tup) }
    ack(tup)
  end
end

SplitSentenceBolt.new.run
