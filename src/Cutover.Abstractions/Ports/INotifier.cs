namespace Cutover;

/// <summary>
/// One notification channel (PagerDuty, Slack, Statuspage). A notifier makes one delivery attempt per
/// call; the engine's dispatcher runs channels in parallel and owns timeouts and retries.
/// </summary>
public interface INotifier
{
    NotificationChannel Channel { get; }

    /// <summary>
    /// Delivers the event once. Returns a short description of what was done, or null when this channel
    /// does nothing for this event (the result is then Skipped). Throws a <see cref="CutoverException"/>
    /// whose <see cref="CutoverException.IsTransient"/> says whether another attempt can help. Messages
    /// never contain secrets or webhook URLs.
    /// </summary>
    Task<string?> SendAsync(CutoverNotification notification, CancellationToken cancellationToken);

    /// <summary>Checks that the channel could deliver, without creating any event, message or incident.</summary>
    Task<CutoverNotificationReadiness> TestAsync(CancellationToken cancellationToken);
}
