using System.Net;
using System.Net.Sockets;

namespace Squall.ZooKeeper.Tests.Infrastructure;

/// <summary>
/// A loopback TCP relay that a test can cut to partition a client from its server: <see cref="Cut"/>
/// drops every relayed connection and refuses new ones until <see cref="Restore"/>.
/// </summary>
internal sealed class TcpProxy : LoopbackListener
{
    private readonly int _targetPort;
    private volatile bool _cut;

    public TcpProxy(int targetPort)
    {
        _targetPort = targetPort;
        Listen();
    }

    public void Cut()
    {
        _cut = true;
        DropConnections();
    }

    public void Restore() => _cut = false;

    protected override async Task OnAcceptedAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, Stopping);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            client.Dispose();
            server.Dispose();
            return;
        }

        if (TryTrack(() => _cut, client, server))
        {
            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    break;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }

        from.Dispose();
        to.Dispose();
    }
}
