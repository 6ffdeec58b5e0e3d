# Ruby test spout: emits "sentence <n>" with integer ids up to conf test.sentences, direct on "direct" for
# n == 1, logs task ids, acks and fails.
require "./storm"

class SentenceSpout < Storm::Spout
  def open(conf, context)
    @next = 0
    @limit = (conf["test.sentences"] || 3).to_i
  end

  def nextTuple
    return if @next >= @limit
    n = @next
    @next += 1
    if n == 1
      emit(["direct #{n}"], stream: "direct", id: n, direct_task: 8)
    else
      ids = emit(["sentence #{n}"], id: n)
      log("task ids #{ids.inspect}")
    end
  end

  def ack(id)
    log("acked #{id.inspect}")
  end

  def fail(id)
    log("failed #{id.inspect}")
  end
end

SentenceSpout.new.run
