namespace Cutover;

/// <summary>Whether one channel can deliver, checked without notifying anyone.</summary>
public sealed class CutoverNotificationReadiness
{
    public required NotificationChannel Channel { get; init; }
    public required ReadinessStatus Status { get; init; }

    /// <summary>Why: what was checked and what was found.</summary>
    public required string Reason { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>The plan's name.</summary>
    public string? Plan { get; init; }

    public override string ToString() => $"{Channel}: {Status} ({Reason})";
}
