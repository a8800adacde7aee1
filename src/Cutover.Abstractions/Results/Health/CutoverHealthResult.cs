namespace Cutover;

/// <summary>One health check of one environment (or of shared infrastructure, where Environment is null).</summary>
public sealed class CutoverHealthResult
{
    /// <summary>The environment checked; null for a check of shared infrastructure (LoadBalancer, Monitoring).</summary>
    public CutoverEnvironment? Environment { get; init; }

    public required HealthCheckKind Check { get; init; }
    public required HealthStatus Status { get; init; }

    /// <summary>What was measured, as text ("200, version 2.1.0", "lag 0.02s (replay_lag)").</summary>
    public string? Observed { get; init; }

    /// <summary>What would pass ("200, version 2.1.0", "&lt; 1s").</summary>
    public string? Expected { get; init; }

    /// <summary>Why the status is what it is.</summary>
    public required string Message { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>What was checked: a URL, host:port, a queue.</summary>
    public string? Target { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The plan's name.</summary>
    public string? Plan { get; init; }

    public override string ToString() => $"{Environment?.ToString() ?? "Shared"}/{Check}: {Status} - {Message}";
}
