namespace Cutover.Engine.Health;

/// <summary>What Test-CutoverHealth runs; the cmdlet's parameters map one to one.</summary>
public sealed class HealthRunOptions
{
    public const int DefaultTimeoutSec = 10;

    /// <summary>Environments to check; default both.</summary>
    public IReadOnlyList<CutoverEnvironment> Environments { get; init; } = [CutoverEnvironment.Blue, CutoverEnvironment.Green];

    /// <summary>Checks asked for by name; null runs every configured check. A named check whose subject is not configured is Unknown.</summary>
    public IReadOnlyList<HealthCheckKind>? Checks { get; init; }

    /// <summary>Each check's own timeout.</summary>
    public int TimeoutSec { get; init; } = DefaultTimeoutSec;

    /// <summary>Write each result through the host as it completes.</summary>
    public bool StreamResults { get; init; } = true;
}
