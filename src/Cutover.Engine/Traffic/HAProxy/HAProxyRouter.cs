namespace Cutover.Engine.Traffic.HAProxy;

/// <summary>
/// Traffic through an HAProxy backend with a blue and a green server, over the runtime API: weights set
/// in one connection with the receiving side raised first, state read with <c>show servers state</c>.
/// </summary>
internal sealed class HAProxyRouter : ITrafficRouter
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(5);

    private readonly CutoverPlan _plan;
    private readonly HAProxyPlan _haproxy;
    private readonly HAProxyRuntimeClient _client;
    private readonly TimeProvider _time;

    public HAProxyRouter(CutoverPlan plan, TimeProvider time)
    {
        _plan = plan;
        _haproxy = plan.Traffic.HAProxy ?? throw new ArgumentException("the plan's traffic provider is not HAProxy", nameof(plan));
        _client = new HAProxyRuntimeClient(_haproxy.RuntimeApi, CommandTimeout);
        _time = time;
    }

    public TrafficProviderKind Provider => TrafficProviderKind.HAProxy;

    public async Task<CutoverTrafficState> GetStateAsync(CancellationToken cancellationToken)
    {
        var (blue, green) = await ReadServersAsync(cancellationToken).ConfigureAwait(false);
        var percent = HAProxyWeights.BluePercent(blue.EffectiveWeight, green.EffectiveWeight);
        var warnings = new List<string>();
        if (percent is null)
            warnings.Add($"No server of backend {_haproxy.Backend} receives traffic: blue is {blue.Describe()} with weight {blue.UserWeight}, green is {green.Describe()} with weight {green.UserWeight}.");
        foreach (var server in new[] { blue, green }.Where(s => s.UserWeight > 0 && s.EffectiveWeight == 0))
            warnings.Add($"{_haproxy.Backend}/{server.Server} has weight {server.UserWeight} but is {server.Describe()}, so it receives no new requests.");
        return new CutoverTrafficState
        {
            Provider = Provider,
            Blue = percent ?? 0,
            Green = percent is null ? 0 : 100 - percent.Value,
            Raw = $"blue={blue.UserWeight} ({blue.Describe()}) green={green.UserWeight} ({green.Describe()})",
            Targets = [Detail(CutoverEnvironment.Blue, blue), Detail(CutoverEnvironment.Green, green)],
            Warnings = warnings,
            ObservedAt = _time.GetUtcNow(),
            Plan = _plan,
        };
    }

    public async Task EnsureCanApplyAsync(int bluePercent, CancellationToken cancellationToken)
    {
        var (blue, green) = await ReadServersAsync(cancellationToken).ConfigureAwait(false);
        var (blueWeight, greenWeight) = HAProxyWeights.FromPercent(bluePercent);
        foreach (var (server, weight) in new[] { (blue, blueWeight), (green, greenWeight) })
        {
            if (weight == 0)
                continue;
            var drainedButFixable = server.IsDraining && _haproxy.DrainOnZero;
            if (!server.IsUp || server.IsInMaintenance || (server.IsDraining && !drainedButFixable))
                throw new CutoverException(CutoverErrorIds.TrafficRefusedUnhealthyTargets, CutoverErrorKind.InvalidOperation,
                    $"Refusing to send traffic to {_haproxy.Backend}/{server.Server}: it is {server.Describe()}.",
                    $"{_haproxy.Backend}/{server.Server}",
                    server.IsDraining ? "Set the server ready (set server … state ready) or enable DrainOnZero in the plan." : "Bring the server up (health checks passing, out of maintenance) first.");
        }
    }

    public async Task ApplyAsync(int bluePercent, ICutoverHost host, CancellationToken cancellationToken)
    {
        var (blue, green) = await ReadServersAsync(cancellationToken).ConfigureAwait(false);
        var commands = HAProxyWeights.Commands(_haproxy, blue.UserWeight, green.UserWeight, bluePercent, _haproxy.DrainOnZero);
        var line = string.Join("; ", commands);
        host.WriteDebug($"HAProxy runtime API {_haproxy.RuntimeApi} <- {line}");
        var answer = await _client.ExecuteAsync(line, cancellationToken).ConfigureAwait(false);
        host.WriteDebug($"HAProxy runtime API -> {(answer.Trim().Length == 0 ? "(empty: accepted)" : answer.Trim())}");
        if (answer.Trim().Length > 0)
            throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.InvalidOperation,
                $"HAProxy refused '{line}': {answer.Trim()}", _haproxy.Backend,
                "Check Traffic.HAProxy.Backend, BlueServer and GreenServer against the HAProxy configuration.");
    }

    private async Task<(HAProxyServerState Blue, HAProxyServerState Green)> ReadServersAsync(CancellationToken cancellationToken)
    {
        var text = await _client.ExecuteAsync($"show servers state {_haproxy.Backend}", cancellationToken).ConfigureAwait(false);
        var servers = HAProxyServerStateParser.Parse(text, _haproxy.Backend);
        return (Find(servers, _haproxy.BlueServer), Find(servers, _haproxy.GreenServer));
    }

    private HAProxyServerState Find(IReadOnlyList<HAProxyServerState> servers, string name) =>
        servers.FirstOrDefault(s => s.Server == name && s.Backend == _haproxy.Backend)
        ?? throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.ObjectNotFound,
            $"HAProxy backend {_haproxy.Backend} has no server '{name}' (it has: {string.Join(", ", servers.Select(s => s.Server))}).",
            $"{_haproxy.Backend}/{name}", "Check BlueServer and GreenServer in Traffic.HAProxy.");

    private TrafficTargetDetail Detail(CutoverEnvironment environment, HAProxyServerState server) => new()
    {
        Environment = environment,
        Target = $"{_haproxy.Backend}/{server.Server}",
        State = server.Describe(),
        Detail = $"{server.Address} uweight {server.UserWeight} iweight {server.InitialWeight}",
        Weight = server.UserWeight,
    };
}
