namespace Cutover;

/// <summary>Where traffic goes now, as the provider itself reports it.</summary>
public sealed class CutoverTrafficState
{
    public required TrafficProviderKind Provider { get; init; }

    /// <summary>Percentage of new requests going to blue.</summary>
    public required int Blue { get; init; }

    /// <summary>Percentage of new requests going to green.</summary>
    public required int Green { get; init; }

    /// <summary>The provider's own values, e.g. "blue=128 green=128" or "A 127.0.0.20 ttl 60".</summary>
    public required string Raw { get; init; }

    public IReadOnlyList<TrafficTargetDetail> Targets { get; init; } = [];

    /// <summary>Things that may not do what you think (sticky sessions, a drained server).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The provider's health checks of each side (ALB target groups), when the provider has them.</summary>
    public IReadOnlyList<TrafficHealthCheck> HealthChecks { get; init; } = [];

    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>The plan this state was read with, so the object pipes into the next command by property name.</summary>
    public CutoverPlan? Plan { get; init; }

    public override string ToString() => $"{Provider}: blue {Blue}% / green {Green}%";
}

/// <summary>One target behind the provider: an HAProxy server, an ALB target, a DNS nameserver's answer.</summary>
public sealed class TrafficTargetDetail
{
    public required CutoverEnvironment? Environment { get; init; }
    public required string Target { get; init; }
    public required string State { get; init; }
    public string? Detail { get; init; }
    public int? Weight { get; init; }
}
