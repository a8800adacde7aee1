using System.Net;
using System.Net.Sockets;
using System.Text;
using FakeElb.Haproxy;

namespace FakeElb.Tests;

/// <summary>The runtime API client against a one-shot TCP listener on 127.0.0.1 that behaves like HAProxy's non-interactive mode.</summary>
public sealed class HaproxyRuntimeClientTests
{
    [Fact]
    public async Task SendsOneLineAndReturnsTheReply()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var received = Task.Run(async () =>
        {
            using var connection = await listener.AcceptTcpClientAsync();
            using var reader = new StreamReader(connection.GetStream(), Encoding.ASCII);
            var line = await reader.ReadLineAsync();
            await connection.GetStream().WriteAsync("\n\n"u8.ToArray());
            return line;
        });

        var reply = new HaproxyRuntimeClient($"tcp://127.0.0.1:{port}").Execute("set weight be_app/blue 1; set weight be_app/green 255");

        Assert.Equal("set weight be_app/blue 1; set weight be_app/green 255", await received.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(string.IsNullOrWhiteSpace(reply));
    }

    [Fact]
    public void AClosedPortIsUnavailable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Assert.Throws<HaproxyUnavailableException>(() => new HaproxyRuntimeClient($"tcp://127.0.0.1:{port}").Execute("show info"));
    }
}
