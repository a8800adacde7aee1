namespace Cutover.Engine.Notifications;

/// <summary>
/// Sends one event to every channel in parallel. Each channel has its own deadline and bounded retries
/// for transient failures, so a hanging endpoint holds nobody beyond its timeout. A failing channel is a
/// non-terminating <see cref="CutoverErrorIds.NotificationFailed"/> error and a Failed result; the
/// returned task never faults.
/// </summary>
public sealed class NotificationDispatcher
{
    private readonly IReadOnlyList<INotifier> _notifiers;
    private readonly IReadOnlyDictionary<NotificationChannel, string> _unavailable;
    private readonly TimeProvider _time;

    /// <param name="notifiers">The configured channels.</param>
    /// <param name="unavailable">Channels that cannot send, with why (not configured in the plan); they are reported Skipped.</param>
    /// <param name="time">The clock for deadlines and retry delays.</param>
    public NotificationDispatcher(IReadOnlyList<INotifier> notifiers, IReadOnlyDictionary<NotificationChannel, string> unavailable, TimeProvider time)
    {
        _notifiers = notifiers;
        _unavailable = unavailable;
        _time = time;
    }

    public IReadOnlyList<INotifier> Notifiers => _notifiers;

    public IReadOnlyDictionary<NotificationChannel, string> Unavailable => _unavailable;

    /// <summary>
    /// Starts every channel at once and returns at once: the caller may keep the task and await it later
    /// (a rollback shifts traffic meanwhile). Results come in channel order (PagerDuty, Slack, Statuspage).
    /// </summary>
    public Task<IReadOnlyList<CutoverNotificationResult>> SendAsync(CutoverNotification notification, NotificationOptions options,
        ICutoverHost host, CancellationToken cancellationToken)
    {
        options.Validate();
        var sends = _notifiers
            .Select(n => (n.Channel, Task: Task.Run(() => SendOneAsync(n, notification, options, host, cancellationToken), CancellationToken.None)))
            .Concat(_unavailable.Select(u => (u.Key, Task: Task.FromResult(Skipped(u.Key, notification, u.Value)))))
            .OrderBy(s => s.Item1)
            .Select(s => s.Task)
            .ToArray();
        return CollectAsync(sends);
    }

    private static async Task<IReadOnlyList<CutoverNotificationResult>> CollectAsync(Task<CutoverNotificationResult>[] sends) =>
        await Task.WhenAll(sends).ConfigureAwait(false);

    private async Task<CutoverNotificationResult> SendOneAsync(INotifier notifier, CutoverNotification notification,
        NotificationOptions options, ICutoverHost host, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        // the source owns its timer (a discarded ITimer may be collected before it fires)
        using var expiry = new CancellationTokenSource(options.Timeout, _time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        var delay = options.RetryDelay;
        var attempts = 0;
        string failure;
        while (true)
        {
            attempts++;
            try
            {
                var detail = await notifier.SendAsync(notification, deadline.Token).ConfigureAwait(false);
                if (detail is null)
                    return Skipped(notifier.Channel, notification, $"{notifier.Channel} does nothing on {notification.Event}");
                host.WriteVerbose($"{notifier.Channel}: {notification.Event} sent ({detail}), attempt {attempts}.");
                return Result(notifier.Channel, notification, NotificationStatus.Sent, attempts, started, detail);
            }
            catch (CutoverException e) when (e.IsTransient && attempts < options.MaxAttempts && !deadline.IsCancellationRequested)
            {
                host.WriteVerbose($"{notifier.Channel}: attempt {attempts} failed ({e.Message}); retrying in {delay.TotalMilliseconds:0} ms.");
                try
                {
                    await Task.Delay(delay, _time, deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    failure = TimedOut(options, cancellationToken, $"after {attempts} attempt(s), the last: {e.Message}");
                    break;
                }
                delay *= 2;
            }
            catch (CutoverException e)
            {
                failure = attempts > 1 ? $"{e.Message} (after {attempts} attempts)" : e.Message;
                break;
            }
            catch (OperationCanceledException)
            {
                failure = TimedOut(options, cancellationToken, $"attempt {attempts} had no answer");
                break;
            }
            catch (Exception e)
            {
                // A notifier bug or a local I/O problem must not fault the task a rollback keeps.
                failure = $"unexpected {e.GetType().Name}: {e.Message}";
                break;
            }
        }
        var error = new CutoverException(CutoverErrorIds.NotificationFailed, CutoverErrorKind.ConnectionError,
            $"{notifier.Channel}: the {notification.Event} notification was not delivered: {failure}", notifier.Channel,
            $"Check the {notifier.Channel} settings of the plan with Test-CutoverNotification, and tell people by another way meanwhile.");
        host.WriteError(error);
        return Result(notifier.Channel, notification, NotificationStatus.Failed, attempts, started, failure);
    }

    private static string TimedOut(NotificationOptions options, CancellationToken caller, string what) =>
        caller.IsCancellationRequested
            ? $"stopped by the caller ({what})"
            : $"no success within the {options.Timeout.TotalSeconds:0.#} s timeout ({what})";

    private CutoverNotificationResult Result(NotificationChannel channel, CutoverNotification notification, NotificationStatus status,
        int attempts, long started, string detail) => new()
    {
        Channel = channel,
        Event = notification.Event,
        Status = status,
        Attempts = attempts,
        Duration = _time.GetElapsedTime(started),
        Detail = SecretRedactor.Global.Redact(detail),
        RunId = notification.RunId,
        Plan = notification.Plan,
    };

    private static CutoverNotificationResult Skipped(NotificationChannel channel, CutoverNotification notification, string why) => new()
    {
        Channel = channel,
        Event = notification.Event,
        Status = NotificationStatus.Skipped,
        Attempts = 0,
        Duration = TimeSpan.Zero,
        Detail = why,
        RunId = notification.RunId,
        Plan = notification.Plan,
    };
}
