namespace Cutover;

/// <summary>What one check decided, before the runner stamps environment, duration and time on it.</summary>
public sealed record HealthObservation(HealthStatus Status, string Message, string? Observed = null, string? Expected = null, string? Target = null)
{
    public static HealthObservation Unknown(string message, string? target = null, string? expected = null) =>
        new(HealthStatus.Unknown, message, null, expected, target);
}
