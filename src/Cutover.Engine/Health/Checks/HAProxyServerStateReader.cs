using System.Net;
using System.Net.Sockets;
using System.Text;
using Cutover.Engine.Health.Evaluation;
using Cutover.Engine.Http;

namespace Cutover.Engine.Health.Checks;

/// <summary>
/// Reads <c>show servers state &lt;backend&gt;</c> from the HAProxy runtime API (tcp:// or unix://). A read-only
/// probe for the LoadBalancer check; changing weights is the traffic routers' job.
/// </summary>
internal sealed class HAProxyServerStateReader(HAProxyPlan plan, TimeSpan timeout, TimeProvider time)
{
    public async Task<IReadOnlyList<HAProxyServerState>> ReadAsync(CancellationToken cancellationToken)
    {
        using var deadline = SharedHttpClients.Deadline(timeout, cancellationToken, time);
        var api = plan.RuntimeApi;
        using var socket = api.Scheme == "unix"
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        EndPoint endpoint = api.Scheme == "unix" ? new UnixDomainSocketEndPoint(api.AbsolutePath) : new DnsEndPoint(api.Host, api.Port);
        await socket.ConnectAsync(endpoint, deadline.Token).ConfigureAwait(false);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"show servers state {plan.Backend}\n"), deadline.Token).ConfigureAwait(false);
        var text = new StringBuilder();
        var buffer = new byte[8192];
        for (var i = 0; i < 1024; i++)
        {
            var read = await socket.ReceiveAsync(buffer, deadline.Token).ConfigureAwait(false);
            if (read == 0)
                break;
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return Parse(text.ToString());
    }

    /// <summary>Columns after be_id: be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight ...</summary>
    internal static IReadOnlyList<HAProxyServerState> Parse(string output)
    {
        var servers = new List<HAProxyServerState>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith('#') || f.Length < 8 || !int.TryParse(f[0], out _))
                continue;
            if (int.TryParse(f[5], out var op) && int.TryParse(f[6], out var admin) && int.TryParse(f[7], out var weight))
                servers.Add(new HAProxyServerState(f[1], f[3], f[4], op, admin, weight));
        }
        if (servers.Count == 0 && output.Contains("Can't find backend", StringComparison.OrdinalIgnoreCase))
            return [];
        return servers;
    }
}
