namespace Cutover.Engine.Notifications;

/// <summary>Checks every channel in parallel, each within its timeout, without notifying anyone.</summary>
public sealed class NotificationReadinessChecker
{
    private readonly NotificationDispatcher _channels;
    private readonly TimeProvider _time;

    public NotificationReadinessChecker(NotificationDispatcher channels, TimeProvider time)
    {
        _channels = channels;
        _time = time;
    }

    public async Task<IReadOnlyList<CutoverNotificationReadiness>> CheckAsync(string plan, TimeSpan timeout, ICutoverHost host,
        CancellationToken cancellationToken)
    {
        var checks = _channels.Notifiers.Select(n => Task.Run(async () =>
        {
            // the source owns its timer (a discarded ITimer may be collected before it fires)
            using var expiry = new CancellationTokenSource(timeout, _time);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
            var result = await n.TestAsync(deadline.Token).ConfigureAwait(false);
            host.WriteVerbose($"{n.Channel}: {result.Status} ({result.Reason})");
            return result;
        }, CancellationToken.None));
        var configured = await Task.WhenAll(checks).ConfigureAwait(false);
        var missing = _channels.Unavailable.Select(u => new CutoverNotificationReadiness
        {
            Channel = u.Key,
            Status = ReadinessStatus.Fail,
            Reason = u.Value,
            Duration = TimeSpan.Zero,
        });
        return configured.Concat(missing)
            .Select(r => new CutoverNotificationReadiness { Channel = r.Channel, Status = r.Status, Reason = r.Reason, Duration = r.Duration, Plan = plan })
            .OrderBy(r => r.Channel)
            .ToArray();
    }
}
