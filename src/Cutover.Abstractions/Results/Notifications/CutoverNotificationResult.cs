namespace Cutover;

/// <summary>What one channel did with one event.</summary>
public sealed class CutoverNotificationResult
{
    public required NotificationChannel Channel { get; init; }
    public required CutoverNotificationEvent Event { get; init; }
    public required NotificationStatus Status { get; init; }

    /// <summary>Requests made (0 when skipped).</summary>
    public required int Attempts { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>What happened, or why it failed or was skipped. Never holds a secret or a webhook URL.</summary>
    public required string Detail { get; init; }

    public required string RunId { get; init; }

    /// <summary>The plan's name.</summary>
    public string? Plan { get; init; }

    public override string ToString() => $"{Channel} {Event}: {Status} ({Detail})";
}
