using Cutover.Engine.Notifications;
using Cutover.Engine.Traffic;

namespace Cutover.Engine.Rollback;

/// <summary>
/// Rolls back to green: takes the lock for the traffic target, starts the RollbackStarted notifications
/// without awaiting them, moves traffic to green 100% and verifies it, only then awaits the notifications,
/// verifies green (health, version, provider state, error ratio) and sends RollbackCompleted when verified.
/// Traffic already on green is a verified no-op. A shift that cannot be done throws; a failed
/// verification is in the result (Success false) and a <see cref="CutoverErrorIds.RollbackVerificationFailed"/> error.
/// </summary>
public sealed class RollbackOrchestrator
{
    private readonly CutoverPlan _plan;
    private readonly ICutoverLock _lock;
    private readonly ITrafficRouter _router;
    private readonly NotificationDispatcher _notifications;
    private readonly IRollbackVerifier _verifier;
    private readonly IRollbackJournal? _journal;
    private readonly TimeProvider _time;

    public RollbackOrchestrator(CutoverPlan plan, ICutoverLock cutoverLock, ITrafficRouter router, NotificationDispatcher notifications,
        IRollbackVerifier verifier, IRollbackJournal? journal, TimeProvider time)
    {
        _plan = plan;
        _lock = cutoverLock;
        _router = router;
        _notifications = notifications;
        _verifier = verifier;
        _journal = journal;
        _time = time;
    }

    public async Task<CutoverRollbackResult> RunAsync(RollbackOptions options, ICutoverHost host, CancellationToken cancellationToken)
    {
        options.Validate();
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var steps = new List<CutoverRollbackStep>();
        var notifications = new List<CutoverNotificationResult>();
        var notificationOptions = new NotificationOptions { Timeout = options.NotificationTimeout };

        var lockStarted = _time.GetTimestamp();
        host.WriteVerbose($"Taking the lock on {_plan.Traffic.TargetKey} (waiting up to {options.LockWait.TotalSeconds:0.#}s for another holder).");
        await using var handle = await _lock.AcquireAsync($"rollback {options.RunId}", options.LockWait, cancellationToken).ConfigureAwait(false);
        Record(steps, host, "Lock", RollbackStepOutcome.Succeeded, lockStarted, $"held {_plan.Traffic.TargetKey} ({_lock.Backend})");

        var readStarted = _time.GetTimestamp();
        var before = await _router.GetStateAsync(cancellationToken).ConfigureAwait(false);
        var noOp = TrafficSwitcher.Matches(before, 0);
        Record(steps, host, "ReadTraffic", RollbackStepOutcome.Succeeded, readStarted, $"{before} ({before.Raw})");

        Task<IReadOnlyList<CutoverNotificationResult>>? startedNotices = null;
        if (noOp)
            Record(steps, host, "NotifyRollbackStarted", RollbackStepOutcome.Skipped, _time.GetTimestamp(),
                "traffic already 100% on green: a verified no-op, nobody is paged again");
        else
            startedNotices = _notifications.SendAsync(Notification(CutoverNotificationEvent.RollbackStarted, options, before.Blue), notificationOptions, host, cancellationToken);

        CutoverTrafficState after;
        var shiftStarted = _time.GetTimestamp();
        try
        {
            after = await new TrafficSwitcher(_router, _time).SwitchAsync(0, options.TrafficTimeout, host, cancellationToken).ConfigureAwait(false);
        }
        catch (CutoverException e)
        {
            Record(steps, host, "ShiftTraffic", RollbackStepOutcome.Failed, shiftStarted, e.Message);
            if (startedNotices is not null)
                notifications.AddRange(await startedNotices.ConfigureAwait(false));
            throw;
        }
        var trafficVerified = _time.GetElapsedTime(started);
        Record(steps, host, "ShiftTraffic", RollbackStepOutcome.Succeeded, shiftStarted,
            noOp ? $"already {after} ({after.Raw}); nothing moved" : $"from {before} to {after} ({after.Raw}), verified by read-back");

        if (startedNotices is not null)
        {
            var noticeWait = _time.GetTimestamp();
            var sent = await startedNotices.ConfigureAwait(false);
            notifications.AddRange(sent);
            Record(steps, host, "NotifyRollbackStarted", Outcome(sent), noticeWait, Describe(sent));
        }

        var checks = new List<RollbackCheck>();
        var verifyStarted = _time.GetTimestamp();
        var provider = await _router.GetStateAsync(cancellationToken).ConfigureAwait(false);
        var providerCheck = TrafficSwitcher.Matches(provider, 0)
            ? new RollbackCheck("VerifyProvider", RollbackStepOutcome.Succeeded, $"{provider} ({provider.Raw})")
            : new RollbackCheck("VerifyProvider", RollbackStepOutcome.Failed, $"the provider now shows {provider} ({provider.Raw})");
        Record(steps, host, providerCheck.Name, providerCheck.Outcome, verifyStarted, providerCheck.Detail);
        checks.Add(providerCheck);
        foreach (var check in new[] { _verifier.CheckGreenAsync, _verifier.CheckErrorRatioAsync })
        {
            var checkStarted = _time.GetTimestamp();
            var outcome = await check(cancellationToken).ConfigureAwait(false);
            Record(steps, host, outcome.Name, outcome.Outcome, checkStarted, outcome.Detail);
            checks.Add(outcome);
        }
        var verified = checks.All(c => c.Outcome == RollbackStepOutcome.Succeeded);

        var completeStarted = _time.GetTimestamp();
        if (verified && !noOp)
        {
            var sent = await _notifications.SendAsync(Notification(CutoverNotificationEvent.RollbackCompleted, options, provider.Blue),
                notificationOptions, host, cancellationToken).ConfigureAwait(false);
            notifications.AddRange(sent);
            Record(steps, host, "NotifyRollbackCompleted", Outcome(sent), completeStarted, Describe(sent));
        }
        else
        {
            Record(steps, host, "NotifyRollbackCompleted", RollbackStepOutcome.Skipped, completeStarted,
                verified ? "a no-op: the first rollback already resolved the incident" : "verification did not pass: the incident stays open");
        }

        var result = new CutoverRollbackResult
        {
            Plan = _plan.Name,
            RunId = options.RunId,
            Reason = options.Reason,
            Success = verified,
            NoOp = noOp,
            Steps = steps,
            Traffic = provider,
            TimeToTrafficVerified = trafficVerified,
            Notifications = notifications,
            StartedAt = startedAt,
            Duration = _time.GetElapsedTime(started),
        };
        _journal?.RecordResult(result);
        if (!verified)
            host.WriteError(new CutoverException(CutoverErrorIds.RollbackVerificationFailed, CutoverErrorKind.InvalidData,
                $"Traffic is on green, but the rollback is not verified: {string.Join("; ", checks.Where(c => c.Outcome != RollbackStepOutcome.Succeeded).Select(c => $"{c.Name} {c.Outcome}: {c.Detail}"))}.",
                _plan.Name, "Check green now (Test-CutoverHealth -Environment Green) and page the on-call owner; Invoke-CutoverRollback again re-verifies."));
        host.WriteInformation($"Rollback of {_plan.Name} (run {options.RunId}): {(verified ? "verified" : "NOT verified")}{(noOp ? ", a no-op" : "")}; {provider}.",
            "Audit", "Rollback");
        return result;
    }

    private CutoverNotification Notification(CutoverNotificationEvent notificationEvent, RollbackOptions options, int bluePercent) =>
        NotificationFactory.CreateNotification(_plan, notificationEvent, options.RunId, options.Reason, _time, bluePercent);

    private void Record(List<CutoverRollbackStep> steps, ICutoverHost host, string name, RollbackStepOutcome outcome, long started, string detail)
    {
        var step = new CutoverRollbackStep { Name = name, Outcome = outcome, Duration = _time.GetElapsedTime(started), Detail = SecretRedactor.Global.Redact(detail) };
        steps.Add(step);
        _journal?.RecordStep(step);
        host.WriteVerbose($"Rollback step {name}: {outcome} ({step.Duration.TotalMilliseconds:0} ms) - {step.Detail}");
    }

    private static RollbackStepOutcome Outcome(IReadOnlyList<CutoverNotificationResult> sent) =>
        sent.Any(s => s.Status == NotificationStatus.Failed) ? RollbackStepOutcome.Failed : RollbackStepOutcome.Succeeded;

    private static string Describe(IReadOnlyList<CutoverNotificationResult> sent) =>
        string.Join("; ", sent.Select(s => $"{s.Channel} {s.Status}: {s.Detail}"));
}
