namespace Cutover;

/// <summary>The connection draining (deregistration delay) of one side's ALB target group.</summary>
public sealed class CutoverConnectionDraining
{
    public required CutoverEnvironment Environment { get; init; }
    public required string TargetGroupArn { get; init; }

    /// <summary><c>deregistration_delay.timeout_seconds</c>: how long a deregistered target keeps its in-flight requests.</summary>
    public required int DelaySec { get; init; }

    /// <summary><c>deregistration_delay.connection_termination.enabled</c>: connections are closed when the delay ends.</summary>
    public required bool ConnectionTermination { get; init; }

    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>The plan this was read with, so the object pipes into the next command by property name.</summary>
    public CutoverPlan? Plan { get; init; }

    public override string ToString() => $"{Environment}: delay {DelaySec}s, termination {(ConnectionTermination ? "on" : "off")}";
}
