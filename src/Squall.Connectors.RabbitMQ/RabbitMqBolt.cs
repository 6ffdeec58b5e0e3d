using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Squall.Connectors.RabbitMQ;

/// <summary>
/// Publishes one message per tuple on a channel with publisher confirms, and acks each input only once the
/// broker confirmed its message (a nack, a returned or a lost publish fails the input, so the spout replays it).
/// Publishes are pipelined: up to <see cref="RabbitMqBoltOptions.MaxInFlight"/> await their confirms at once;
/// finished ones are acked on the next tuple or tick, on the executor thread (collectors are single-threaded).
/// </summary>
public sealed class RabbitMqBolt : BaseRichBolt, IDisposable
{
    private readonly RabbitMqBoltOptions _options;
    private readonly Queue<(Task Confirm, Tuple Input)> _inFlight = new();
    private OutputCollector? _collector;
    private IConnection? _connection;
    private IChannel? _channel;
    private BasicProperties _properties = new();
    private string _name = "squall-bolt";
    private int _bodyIndex;
    private int _routingIndex = -1;
    private bool _resolved;

    public RabbitMqBolt(RabbitMqBoltOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Publishes to <paramref name="queue"/> (declared durable) through the default exchange.</summary>
    public RabbitMqBolt(string uri, string queue)
        : this(new RabbitMqBoltOptions { Uri = uri, RoutingKey = queue, DeclareQueue = queue })
    {
    }

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override IReadOnlyDictionary<string, object?>? GetComponentConfiguration() =>
        new Dictionary<string, object?> { [Config.TopologyTickTupleFreqSecs] = _options.ConfirmIntervalSecs };

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(context);
        _collector = collector;
        _name = $"squall:{context.ThisComponentId}:{context.ThisTaskId}";
        _properties = new BasicProperties { DeliveryMode = _options.Persistent ? DeliveryModes.Persistent : DeliveryModes.Transient };
        Connect();
    }

    public override void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.IsTick)
        {
            Collect(all: true);
            return;
        }

        if (_channel is not { IsOpen: true })
        {
            Collect(all: true);   // fails what the dead channel can no longer confirm
            try
            {
                Connect();
            }
            catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException)
            {
                _collector!.Fail(input, $"RabbitMQ unreachable: {e.Message}");
                return;
            }
        }

        _inFlight.Enqueue((Publish(input), input));
        Collect(all: _inFlight.Count >= _options.MaxInFlight);
    }

    public override void Cleanup()
    {
        Collect(all: true);
        Disconnect();
    }

    public void Dispose() => Disconnect();

    private Task Publish(Tuple input)
    {
        if (!_resolved)
        {
            // Field names resolve to indices once: every input of this bolt comes with the same fields.
            _bodyIndex = _options.BodyField is { } field ? input.Fields.FieldIndex(field) : 0;
            _routingIndex = _options.RoutingKeyField is { } routing ? input.Fields.FieldIndex(routing) : -1;
            _resolved = true;
        }

        var body = _options.Format?.Invoke(input) ?? Body(input.GetValue(_bodyIndex));
        var key = _routingIndex >= 0 ? input.GetString(_routingIndex) ?? string.Empty : _options.RoutingKey;
        try
        {
            // With confirmation tracking the returned task completes when the broker confirms (or fails on a nack).
            return _channel!.BasicPublishAsync(_options.Exchange, key, mandatory: true, _properties, body).AsTask();
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
        {
            return Task.FromException(e);
        }
    }

    private static ReadOnlyMemory<byte> Body(object? value) => value switch
    {
        byte[] bytes => bytes,
        null => ReadOnlyMemory<byte>.Empty,
        _ => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
    };

    /// <summary>Acks inputs whose publish was confirmed and fails the rest; waits for every one when <paramref name="all"/>, else only for the oldest ones already done.</summary>
    private void Collect(bool all)
    {
        while (_inFlight.TryPeek(out var head) && (all || head.Confirm.IsCompleted))
        {
            _inFlight.Dequeue();
            try
            {
                head.Confirm.GetAwaiter().GetResult();
                _collector!.Ack(head.Input);
            }
            catch (Exception e) when (e is PublishException or AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                _collector!.Fail(head.Input, $"RabbitMQ did not confirm the publish: {e.Message}");
            }
        }
    }

    private void Connect()
    {
        Disconnect();
        _connection = RabbitConnections.ConnectAsync(_options.Uri, _name).GetAwaiter().GetResult();
        _channel = _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true))
            .GetAwaiter().GetResult();
        if (_options.DeclareQueue is { } queue)
        {
            _channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false).GetAwaiter().GetResult();
        }
    }

    private void Disconnect()
    {
        RabbitConnections.CloseQuietly(_channel, _connection);
        _channel = null;
        _connection = null;
    }
}
