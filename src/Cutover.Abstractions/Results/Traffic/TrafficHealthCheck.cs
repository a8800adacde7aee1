namespace Cutover;

/// <summary>
/// How the traffic provider itself checks one side's targets (an ALB target group's health check), so that a
/// pre-flight check can compare it with what the procedure expects (HTTP, /health, the app port, 2/3, 30 s, 5 s).
/// </summary>
public sealed class TrafficHealthCheck
{
    public required CutoverEnvironment Environment { get; init; }

    /// <summary>The target group (or equivalent) the check belongs to.</summary>
    public required string Target { get; init; }

    public required bool Enabled { get; init; }
    public string? Protocol { get; init; }
    public string? Path { get; init; }

    /// <summary>The port probed: a number, or <c>traffic-port</c> (the port each target receives traffic on).</summary>
    public string? Port { get; init; }

    /// <summary>The port the target group sends traffic to, which <c>traffic-port</c> means.</summary>
    public int? TrafficPort { get; init; }

    public int? HealthyThreshold { get; init; }
    public int? UnhealthyThreshold { get; init; }
    public int? IntervalSec { get; init; }
    public int? TimeoutSec { get; init; }

    /// <summary>The success codes, e.g. <c>200</c> or <c>200-299</c>.</summary>
    public string? Matcher { get; init; }

    public override string ToString() =>
        $"{Environment}: {Protocol} {Path} port {Port} healthy {HealthyThreshold} unhealthy {UnhealthyThreshold} every {IntervalSec}s timeout {TimeoutSec}s";
}
