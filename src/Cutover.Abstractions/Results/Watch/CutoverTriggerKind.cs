namespace Cutover;

/// <summary>The rollback triggers of the procedure.</summary>
public enum CutoverTriggerKind
{
    ErrorRatio,
    P95Latency,

    /// <summary>P95 above Triggers.RelativeP95 × the baseline's P95.</summary>
    RelativeP95,
    DatabaseUnreachable,
    HealthDown,
    MemoryExhaustion,
    CpuSaturation,

    /// <summary>A firing Prometheus alert named in Triggers.Alerts with severity=critical.</summary>
    Alert,
}
