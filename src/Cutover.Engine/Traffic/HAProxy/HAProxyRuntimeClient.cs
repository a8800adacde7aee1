using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cutover.Engine.Traffic.HAProxy;

/// <summary>
/// Sends one line to HAProxy's runtime API (<c>tcp://host:port</c> or <c>unix:///path</c>) on one
/// connection and returns everything HAProxy answers before it closes the connection. Several commands
/// separated by <c>;</c> run in order on that one connection.
/// </summary>
internal sealed class HAProxyRuntimeClient
{
    private readonly Uri _endpoint;
    private readonly TimeSpan _timeout;

    public HAProxyRuntimeClient(Uri endpoint, TimeSpan timeout)
    {
        if (endpoint.Scheme is not ("tcp" or "unix"))
            throw new CutoverException(CutoverErrorIds.PlanInvalid, CutoverErrorKind.InvalidArgument,
                $"Traffic.HAProxy.RuntimeApi must be tcp://host:port or unix:///path (got {endpoint}).", endpoint);
        _endpoint = endpoint;
        _timeout = timeout;
    }

    public async Task<string> ExecuteAsync(string commandLine, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            using var socket = _endpoint.Scheme == "unix"
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(SocketType.Stream, ProtocolType.Tcp);
            EndPoint target = _endpoint.Scheme == "unix"
                ? new UnixDomainSocketEndPoint(_endpoint.AbsolutePath)
                : IPAddress.TryParse(_endpoint.Host, out var ip) ? new IPEndPoint(ip, _endpoint.Port) : new DnsEndPoint(_endpoint.Host, _endpoint.Port);
            await socket.ConnectAsync(target, deadline.Token).ConfigureAwait(false);
            await socket.SendAsync(Encoding.ASCII.GetBytes(commandLine + "\n"), SocketFlags.None, deadline.Token).ConfigureAwait(false);
            var received = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token).ConfigureAwait(false)) > 0)
                received.Write(buffer, 0, read);
            return Encoding.UTF8.GetString(received.ToArray());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable($"no complete answer within {_timeout.TotalSeconds:0.#}s", null);
        }
        catch (SocketException e)
        {
            throw Unreachable(e.Message, e);
        }
    }

    private CutoverException Unreachable(string problem, Exception? inner) =>
        new(CutoverErrorIds.TrafficProviderUnreachable, CutoverErrorKind.ConnectionError,
            $"HAProxy runtime API {_endpoint}: {problem}.", _endpoint,
            "Check that HAProxy runs and that its stats socket listens at Traffic.HAProxy.RuntimeApi with level admin.",
            isTransient: true, innerException: inner);
}
