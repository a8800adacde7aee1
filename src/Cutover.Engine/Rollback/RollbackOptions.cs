namespace Cutover.Engine.Rollback;

/// <summary>How a rollback runs. Cmdlet parameters map one to one onto these.</summary>
public sealed class RollbackOptions
{
    public required string Reason { get; init; }
    public required string RunId { get; init; }

    /// <summary>The most the traffic shift and its read-back may take. Default 30 s.</summary>
    public TimeSpan TrafficTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for another holder of the lock. Default 60 s.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Each notification channel's own budget. Default 10 s.</summary>
    public TimeSpan NotificationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws an <see cref="ArgumentException"/> naming every bad field.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Reason))
            problems.Add("Reason must say why");
        if (string.IsNullOrWhiteSpace(RunId))
            problems.Add("RunId is required");
        if (TrafficTimeout <= TimeSpan.Zero || TrafficTimeout > TimeSpan.FromHours(1))
            problems.Add($"TrafficTimeout must be between 0 and 1 hour (was {TrafficTimeout})");
        if (LockWait < TimeSpan.Zero || LockWait > TimeSpan.FromHours(1))
            problems.Add($"LockWait must be between 0 and 1 hour (was {LockWait})");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid rollback options: " + string.Join("; ", problems));
    }
}
