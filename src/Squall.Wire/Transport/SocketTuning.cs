using System.Net.Sockets;

namespace Squall.Wire.Transport;

/// <summary>Socket settings shared by both ends of a worker link.</summary>
internal static class SocketTuning
{
    public static Socket Apply(Socket socket)
    {
        // Frames are already batched; Nagle would only add latency to the last frame of a batch.
        socket.NoDelay = true;

        // A peer that vanishes without a FIN or RST (power loss, partition) is noticed in about 20 s
        // instead of never, so its frames are handed back and its resources freed.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 10);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 3);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
        return socket;
    }
}
