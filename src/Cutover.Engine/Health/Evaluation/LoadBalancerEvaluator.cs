namespace Cutover.Engine.Health.Evaluation;

/// <summary>One server line of HAProxy's <c>show servers state</c>: op state (2 = running), admin state bits, current weight.</summary>
public sealed record HAProxyServerState(string Backend, string Server, string Address, int OperationalState, int AdminState, int Weight);

/// <summary>Decides the LoadBalancer check: the provider answers and knows both targets.</summary>
public static class LoadBalancerEvaluator
{
    public static HealthObservation Evaluate(IReadOnlyList<HAProxyServerState> servers, HAProxyPlan plan, string target)
    {
        var expected = $"backend {plan.Backend} has servers {plan.BlueServer} and {plan.GreenServer}";
        var observed = servers.Count == 0 ? $"backend {plan.Backend}: no servers"
            : string.Join(", ", servers.Select(s => $"{s.Server} {Describe(s)} weight {s.Weight}"));
        var missing = new[] { plan.BlueServer, plan.GreenServer }.Where(name => servers.All(s => s.Server != name)).ToList();
        if (missing.Count > 0)
            return new(HealthStatus.Fail, $"backend {plan.Backend} has no server {string.Join(" or ", missing)}", observed, expected, target);
        var notRunning = servers.Where(s => s.Server == plan.BlueServer || s.Server == plan.GreenServer)
            .Where(s => s.OperationalState != 2 || s.AdminState != 0).Select(s => $"{s.Server} is {Describe(s)}").ToList();
        return notRunning.Count > 0
            ? new(HealthStatus.Warn, string.Join("; ", notRunning), observed, expected, target)
            : new(HealthStatus.Pass, $"HAProxy knows {plan.BlueServer} and {plan.GreenServer}, both running", observed, expected, target);
    }

    private static string Describe(HAProxyServerState s)
    {
        var op = s.OperationalState switch { 0 => "stopped", 1 => "starting", 2 => "running", 3 => "stopping", _ => $"op-state {s.OperationalState}" };
        return s.AdminState == 0 ? op : $"{op}, admin-state {s.AdminState} (maintenance or drain)";
    }
}
