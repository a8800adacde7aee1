namespace Cutover.Engine.Health.Evaluation;

/// <summary>Decides the Database check once SELECT now() ran: warn above the plan's MaxConnections.</summary>
public static class DatabaseEvaluator
{
    public static HealthObservation Evaluate(DateTimeOffset serverTime, long activeConnections, int maxConnections, string target)
    {
        var observed = $"now() {serverTime:u}, {activeConnections} connection(s)";
        var expected = $"connects, <= {maxConnections} connection(s)";
        return activeConnections > maxConnections
            ? new(HealthStatus.Warn, $"{activeConnections} connections, above MaxConnections {maxConnections}", observed, expected, target)
            : new(HealthStatus.Pass, $"connected, {activeConnections} connection(s)", observed, expected, target);
    }
}
