namespace Cutover.Engine.Notifications;

/// <summary>How hard each channel tries. Every channel gets its own budget; none can hold another up.</summary>
public sealed class NotificationOptions
{
    /// <summary>The most one channel may take, retries included. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per channel, the first included; only transient failures are retried. Default 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait before the first retry; doubled for each next one. Default 500 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Throws an <see cref="ArgumentException"/> naming every bad field.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
            problems.Add($"Timeout must be between 0 and 10 minutes (was {Timeout})");
        if (MaxAttempts is < 1 or > 10)
            problems.Add($"MaxAttempts must be 1..10 (was {MaxAttempts})");
        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
            problems.Add($"RetryDelay must be between 0 and 1 minute (was {RetryDelay})");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid notification options: " + string.Join("; ", problems));
    }
}
