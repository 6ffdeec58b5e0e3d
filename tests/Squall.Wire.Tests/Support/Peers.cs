using System.Net;
using System.Net.Sockets;
using System.Text;
using Squall.Wire.Transport;

namespace Squall.Wire.Tests.Support;

/// <summary>Builds servers and connections with test settings: one topology, one secret, fast backoff.</summary>
internal static class Peers
{
    public const string Topology = "wordcount-1";
    public const byte Batch = FrameType.FirstApplication;

    public static readonly byte[] Secret = Encoding.UTF8.GetBytes("s3cret-of-wordcount");

    public static WireServer StartServer(IFrameHandler handler, int port = 0, int maxFrameSize = 1 << 20)
    {
        var server = new WireServer(
            new WireServerOptions { TopologyId = Topology, Secret = Secret, Port = port, MaxFrameSize = maxFrameSize },
            handler);
        server.Start();
        return server;
    }

    /// <summary>
    /// Starts a server on a port below the OS ephemeral range (32768+ here), for tests that restart on
    /// the same port: an ephemeral port freed by one server can be taken meanwhile by the local end of
    /// another test's outgoing connection, and then the restart cannot bind it.
    /// </summary>
    public static WireServer StartServerOnFixedPort(IFrameHandler handler)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return StartServer(handler, Random.Shared.Next(20_000, 30_000));
            }
            catch (SocketException) when (attempt < 100)
            {
                // Taken by someone else; try another.
            }
        }
    }

    public static PeerConnection Connect(int port, string name = "good", string topology = Topology, byte[]? secret = null, int capacity = 1024) =>
        new(new PeerConnectionOptions
        {
            Host = "127.0.0.1",
            Port = port,
            TopologyId = topology,
            Secret = secret ?? Secret,
            PeerName = name,
            SendQueueCapacity = capacity,
            InitialReconnectDelay = TimeSpan.FromMilliseconds(20),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        });

    public static async Task<PeerConnection> ConnectedAsync(int port, string name = "good")
    {
        var connection = Connect(port, name);
        var connected = Await.EventAsync<EventArgs>(h => connection.Connected += h, h => connection.Connected -= h);
        connection.Start();
        await connected;
        return connection;
    }

    public static OutboundFrame Frame(int i) => new(Batch, Encoding.UTF8.GetBytes($"frame-{i}"), i);

    /// <summary>A port that nothing listens on (bound, read, released).</summary>
    public static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
