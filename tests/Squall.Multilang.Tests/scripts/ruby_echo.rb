# Ruby test bolt: "cmd:ids <word>" emits the word and reports its task ids, "cmd:fail" fails, "cmd:context"
# reports conf and context, "cmd:puts" prints (which must not break the protocol); anything else is echoed.
require "./storm"

class EchoBolt < Storm::Bolt
  def prepare(conf, context)
    @conf = conf
    @context = context
  end

  def process(tup)
    value = tup.values[0]
    case value
    when /\Acmd:ids (.*)\z/
      ids = emit([$1], anchor: tup)
      emit([ids], stream: "report", anchor: tup)
      ack(tup)
    when "cmd:fail"
      fail(tup)
    when "cmd:context"
      emit([JSON.generate("conf" => @conf, "context" => @context)], stream: "report", anchor: tup)
      ack(tup)
    when "cmd:puts"
      puts "user output goes to stderr"
      log("after puts", 3)
      emit(["still speaking the protocol"], stream: "report", anchor: tup)
      ack(tup)
    else
      emit([value], stream: "report", anchor: tup)
      ack(tup)
    end
  end
end

EchoBolt.new.run
