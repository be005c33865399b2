using System.Net;
using System.Net.Sockets;

namespace Shigan.SystemTests;

/// <summary>
/// An HTTP client whose connections come from a loopback address of its own (127.0.0.2, 127.0.0.3…): Linux answers
/// the whole 127/8 block, so one machine can play several citizens behind the proxy.
/// </summary>
internal static class ClientAddress
{
    public static HttpClient From(string address, Uri baseAddress) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
