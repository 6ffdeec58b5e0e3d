using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Squall.Connectors.RabbitMQ;

/// <summary>
/// Consumes a RabbitMQ queue with manual acknowledgement: each delivery becomes a spout tuple whose message id
/// carries the delivery tag. When the tuple tree completes the delivery is acked (<c>basic.ack</c>); when it
/// fails it is rejected with requeue (<c>basic.nack</c>), or without requeue, hence dead-lettered, after
/// <see cref="RabbitMqSpoutOptions.MaxFailures"/> failures. The broker pushes at most the prefetch count of unacked
/// deliveries, tied to <c>topology.max.spout.pending</c>. If the connection or channel is lost, the spout
/// reconnects with back-off on a new channel and ignores acks for the old one: the broker has requeued those
/// deliveries already, so nothing is lost and nothing is acked twice (what is redelivered is processed again:
/// at least once).
/// </summary>
public sealed class RabbitMqSpout : BaseRichSpout, IDisposable
{
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(30);
    private readonly RabbitMqSpoutOptions _options;
    private readonly ConcurrentQueue<Delivery> _inbox = new();
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private SpoutOutputCollector? _collector;
    private IConnection? _connection;
    private IChannel? _channel;
    private ushort _prefetch;
    private long _generation;
    private volatile bool _lost;
    private TimeSpan _delay;
    private DateTimeOffset _nextAttempt;
    private string _name = "squall-spout";

    public RabbitMqSpout(RabbitMqSpoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _delay = options.ReconnectDelay;
    }

    /// <summary>Consumes <paramref name="queue"/> at <paramref name="uri"/> with the default settings.</summary>
    public RabbitMqSpout(string uri, string queue)
        : this(new RabbitMqSpoutOptions { Uri = uri, Queue = queue })
    {
    }

    /// <summary>How many times the spout (re)connected; 1 after a clean start.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        declarer.Declare(_options.OutputFields);
    }

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(conf);
        ArgumentNullException.ThrowIfNull(context);
        _collector = collector;
        _name = $"squall:{context.ThisComponentId}:{context.ThisTaskId}";
        var pending = conf.MaxSpoutPending;
        _prefetch = _options.Prefetch ?? (ushort)Math.Clamp(pending ?? 100, 1, ushort.MaxValue);
        Connect();   // a wrong address or queue fails the start, with the broker's reason
    }

    public override void NextTuple()
    {
        if (_lost && !TryReconnect())
        {
            return;
        }

        while (_inbox.TryDequeue(out var delivery))
        {
            if (delivery.Generation != _generation)
            {
                continue;   // delivered on a channel that is gone: the broker requeued it
            }

            if (delivery.Values is null)
            {
                Reject(delivery.DeliveryTag, requeue: false);   // the scheme could not read it: never loop on a poison message
                continue;
            }

            _collector!.Emit(delivery.Values.Value, new RabbitMessageId(delivery.Generation, delivery.DeliveryTag, delivery.Key));
            return;
        }
    }

    public override void Ack(object messageId)
    {
        if (messageId is not RabbitMessageId id || id.Generation != _generation || _lost)
        {
            return;
        }

        _failures.Remove(id.Key);
        Run(() => _channel!.BasicAckAsync(id.DeliveryTag, multiple: false));
    }

    public override void Fail(object messageId)
    {
        if (messageId is not RabbitMessageId id || id.Generation != _generation || _lost)
        {
            return;
        }

        var failures = _options.MaxFailures > 0 ? _failures[id.Key] = _failures.GetValueOrDefault(id.Key) + 1 : 0;
        var deadLetter = _options.MaxFailures > 0 && failures >= _options.MaxFailures;
        if (deadLetter)
        {
            _failures.Remove(id.Key);
        }

        Reject(id.DeliveryTag, requeue: !deadLetter);
    }

    public override void Close() => Disconnect();

    public void Dispose() => Disconnect();

    private void Reject(ulong deliveryTag, bool requeue) =>
        Run(() => _channel!.BasicNackAsync(deliveryTag, multiple: false, requeue));

    private void Run(Func<ValueTask> operation)
    {
        try
        {
            operation().AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
        {
            _lost = true;   // the broker requeues this channel's unacked deliveries; reconnect on the next call
        }
    }

    private bool TryReconnect()
    {
        var now = _options.Time.GetUtcNow();
        if (now < _nextAttempt)
        {
            return false;
        }

        Disconnect();
        try
        {
            Connect();
            _delay = _options.ReconnectDelay;
            return true;
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException or AlreadyClosedException or TimeoutException)
        {
            _nextAttempt = now + _delay;
            _delay = TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, MaxReconnectDelay.Ticks));
            _collector!.ReportError(new IOException($"RabbitMQ spout {_name}: reconnecting to {_options.Queue} failed ({e.Message}); next try in {_delay.TotalSeconds:0.#} s.", e));
            return false;
        }
    }

    private void Connect()
    {
        var generation = Interlocked.Increment(ref _generation);
        _connection = RabbitConnections.ConnectAsync(_options.Uri, _name).GetAwaiter().GetResult();
        _channel = _connection.CreateChannelAsync().GetAwaiter().GetResult();
        if (_options.DeclareQueue)
        {
            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (_options.DeadLetterExchange is { } exchange)
            {
                arguments["x-dead-letter-exchange"] = exchange;
            }

            if (_options.DeadLetterRoutingKey is { } key)
            {
                arguments["x-dead-letter-routing-key"] = key;
            }

            _channel.QueueDeclareAsync(_options.Queue, durable: true, exclusive: false, autoDelete: false, arguments).GetAwaiter().GetResult();
        }

        _channel.BasicQosAsync(0, _prefetch, global: false).GetAwaiter().GetResult();
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            _inbox.Enqueue(Read(generation, delivery));
            return Task.CompletedTask;
        };
        _connection.ConnectionShutdownAsync += (_, _) => Lost(generation);
        _channel.ChannelShutdownAsync += (_, _) => Lost(generation);
        _channel.BasicConsumeAsync(_options.Queue, autoAck: false, consumer).GetAwaiter().GetResult();
        _lost = false;
    }

    private Task Lost(long generation)
    {
        if (generation == Interlocked.Read(ref _generation))
        {
            _lost = true;
        }

        return Task.CompletedTask;
    }

    private Delivery Read(long generation, BasicDeliverEventArgs delivery)
    {
        var body = delivery.Body.ToArray();   // the client reuses its buffer after this handler
        var key = _options.MaxFailures == 0 ? string.Empty
            : delivery.BasicProperties.MessageId is { Length: > 0 } id ? "id:" + id
            : "body:" + Convert.ToHexString(SHA256.HashData(body));
        Values? values;
        try
        {
            values = _options.Scheme is { } scheme ? scheme(body, delivery.BasicProperties) : new Values(Encoding.UTF8.GetString(body));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or DecoderFallbackException)
        {
            values = null;
        }

        return new Delivery(generation, delivery.DeliveryTag, key, values);
    }

    private void Disconnect()
    {
        RabbitConnections.CloseQuietly(_channel, _connection);
        _channel = null;
        _connection = null;
    }
}
