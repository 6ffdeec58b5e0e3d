# Squall's multilang adapter for Ruby (standard library only).
#
# It speaks Apache Storm's multilang protocol (JSON) and offers the API of Storm's storm.rb, so existing
# scripts run unchanged:
#
#   require "./storm"
#
#   class SplitSentenceBolt < Storm::Bolt
#     def process(tup)
#       tup.values[0].split(" ").each { |word| emit([word], anchor: tup) }
#       ack(tup)
#     end
#   end
#
#   SplitSentenceBolt.new.run
#
# Bolts implement prepare(conf, context) and process(tuple), and ack or fail every input themselves (as in
# Storm, Bolt never acks on its own). Spouts implement open(conf, context), nextTuple, ack(id), fail(id),
# activate and deactivate. emit(values, stream:, anchor:/anchors: (bolts), id: (spouts), direct_task:)
# returns the task ids the tuple went to (nothing for a direct emit). Also: reportError, log (plus
# logTrace .. logError), rpcMetrics, sync.
#
# One difference from storm.rb, on purpose: `puts`/`print` go to stderr (the host logs it) instead of
# corrupting the protocol on stdout.

require "json"

module Storm
  # The protocol stream; user output is sent to stderr so it can never break a message.
  PROTOCOL_OUT = STDOUT.dup
  $stdout = STDERR

  module Protocol
    class << self
      attr_accessor :mode
    end

    # Task-id arrays and commands share the pipe: what arrives while waiting for the other is kept.
    PENDING_TASK_IDS = []
    PENDING_COMMANDS = []

    def read_message
      lines = []
      loop do
        line = STDIN.gets
        raise EOFError, "the host closed stdin" if line.nil?
        line = line.chomp
        break if line == "end"
        lines << line
      end
      JSON.parse(lines.join("\n"))
    end

    def read_task_ids
      return PENDING_TASK_IDS.shift unless PENDING_TASK_IDS.empty?
      loop do
        msg = read_message
        return msg if msg.is_a?(Array)
        PENDING_COMMANDS << msg
      end
    end

    def read_command
      return PENDING_COMMANDS.shift unless PENDING_COMMANDS.empty?
      loop do
        msg = read_message
        return msg unless msg.is_a?(Array)
        PENDING_TASK_IDS << msg
      end
    end

    def send_msg_to_parent(msg)
      PROTOCOL_OUT.write(JSON.generate(msg) + "\nend\n")
      PROTOCOL_OUT.flush
    end

    def sync
      send_msg_to_parent("command" => "sync")
    end

    def send_pid(heartbeat_dir)
      pid = Process.pid
      send_msg_to_parent("pid" => pid)
      File.open(File.join(heartbeat_dir, pid.to_s), "w") {}
    end

    def handshake
      setup = read_message
      send_pid(setup["pidDir"])
      [setup["conf"], setup["context"]]
    end

    def emit(tuple, args = {})
      direct = args[:direct_task]
      message = { "command" => "emit", "tuple" => tuple }
      message["stream"] = args[:stream] if args[:stream]
      message["task"] = direct if direct
      if Storm::Protocol.mode == :bolt
        anchors = args[:anchors] || args[:anchor] || []
        anchors = [anchors] unless anchors.is_a?(Array)
        message["anchors"] = anchors.map { |a| a.respond_to?(:id) ? a.id : a }
      else
        message["id"] = args[:id] unless args[:id].nil?
      end
      send_msg_to_parent(message)
      direct ? nil : read_task_ids
    end

    def emit_direct(task, tuple, args = {})
      emit(tuple, args.merge(direct_task: task))
    end

    def ack(tuple)
      send_msg_to_parent("command" => "ack", "id" => tuple.id)
    end

    def fail(tuple)
      send_msg_to_parent("command" => "fail", "id" => tuple.id)
    end

    def reportError(msg)
      send_msg_to_parent("command" => "error", "msg" => msg.to_s)
    end

    def log(msg, level = 2)
      send_msg_to_parent("command" => "log", "msg" => msg.to_s, "level" => level)
    end

    def logTrace(msg) log(msg, 0) end
    def logDebug(msg) log(msg, 1) end
    def logInfo(msg) log(msg, 2) end
    def logWarn(msg) log(msg, 3) end
    def logError(msg) log(msg, 4) end

    def rpcMetrics(name, params)
      send_msg_to_parent("command" => "metrics", "name" => name, "params" => params)
    end
  end

  class Tuple
    attr_accessor :id, :component, :stream, :task, :values

    def initialize(id, component, stream, task, values)
      @id = id
      @component = component
      @stream = stream
      @task = task
      @values = values
    end

    def self.from_hash(hash)
      new(*hash.values_at("id", "comp", "stream", "task", "tuple"))
    end

    def is_heartbeat
      task == -1 && stream == "__heartbeat"
    end

    def is_tick
      task == -1 && stream == "__tick"
    end
  end

  class Bolt
    include Storm::Protocol

    def prepare(conf, context); end

    def process(tuple); end

    def run
      Storm::Protocol.mode = :bolt
      prepare(*handshake)
      loop do
        tuple = Tuple.from_hash(read_command)
        tuple.is_heartbeat ? sync : process(tuple)
      end
    rescue EOFError
      # The host is gone or shutting down.
    rescue Exception => e
      reportError("Exception in bolt: #{e.message} - #{e.backtrace.join("\n")}")
    end
  end

  class Spout
    include Storm::Protocol

    def open(conf, context); end

    def activate; end

    def deactivate; end

    def nextTuple; end

    def ack(id); end

    def fail(id); end

    def run
      Storm::Protocol.mode = :spout
      open(*handshake)
      loop do
        msg = read_command
        case msg["command"]
        when "next" then nextTuple
        when "ack" then ack(msg["id"])
        when "fail" then fail(msg["id"])
        when "activate" then activate
        when "deactivate" then deactivate
        end
        sync
      end
    rescue EOFError
      # The host is gone or shutting down.
    rescue Exception => e
      reportError("Exception in spout: #{e.message} - #{e.backtrace.join("\n")}")
    end
  end
end
