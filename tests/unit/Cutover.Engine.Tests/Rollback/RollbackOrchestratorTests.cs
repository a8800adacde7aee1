using Cutover.Engine.Notifications;
using Cutover.Engine.Rollback;
using Cutover.Engine.Tests.Traffic;
using Cutover.Engine.Tests.Watch;

namespace Cutover.Engine.Tests.Rollback;

public sealed class RollbackOrchestratorTests : IDisposable
{
    private readonly EventLog _log = new();
    private readonly FakeNotifier _pagerDuty;
    private readonly FakeNotifier _slack;
    private readonly FakeVerifier _verifier;
    private readonly ListJournal _journal = new();
    private readonly WatchHost _host = new();
    private readonly string _state = Directory.CreateTempSubdirectory("rollback-test").FullName;
    private readonly CutoverPlan _plan;

    public RollbackOrchestratorTests()
    {
        _pagerDuty = new FakeNotifier(NotificationChannel.PagerDuty, _log);
        _slack = new FakeNotifier(NotificationChannel.Slack, _log);
        _verifier = new FakeVerifier(_log);
        _plan = WatchPlans.Create(statePath: _state);
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private RollbackOrchestrator Create(ITrafficRouter router, ICutoverLock? cutoverLock = null) => new(_plan, cutoverLock ?? new FakeLock(_log), router,
        new NotificationDispatcher([_pagerDuty, _slack], new Dictionary<NotificationChannel, string> { [NotificationChannel.Statuspage] = "not configured" }, TimeProvider.System),
        _verifier, _journal, TimeProvider.System);

    private static RollbackOptions Options(TimeSpan? notificationTimeout = null) => new()
    {
        Reason = "ErrorRatio on Blue", RunId = "20261128T100000Z-abcdef", TrafficTimeout = TimeSpan.FromSeconds(5),
        NotificationTimeout = notificationTimeout ?? TimeSpan.FromSeconds(10), LockWait = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task Traffic_moves_to_green_and_is_verified_then_notifications_are_awaited_then_completion_is_sent()
    {
        var router = new LoggingRouter(new FakeTrafficRouter(TimeProvider.System, 50), _log);

        var result = await Create(router).RunAsync(Options(), _host, CancellationToken.None);

        Assert.True(result.Success);
        Assert.False(result.NoOp);
        Assert.Equal(0, result.Traffic!.Blue);
        Assert.Equal(100, result.Traffic.Green);
        var events = _log.List;
        Assert.True(events.IndexOf("apply 0") < events.IndexOf("verify green"));
        Assert.True(events.IndexOf("send PagerDuty RollbackCompleted") > events.IndexOf("verify errors"));
        Assert.Equal("unlock rollback 20261128T100000Z-abcdef", events[^1]);
        Assert.Equal(["Lock", "ReadTraffic", "ShiftTraffic", "NotifyRollbackStarted", "VerifyProvider", "VerifyGreenHealth", "VerifyErrorRatio", "NotifyRollbackCompleted"],
            result.Steps.Select(s => s.Name));
        Assert.Equal(result.Steps.Select(s => s.Name), _journal.Steps.Select(s => s.Name));
        Assert.Equal(6, result.Notifications.Count); // 3 channels x (started, completed), Statuspage skipped
        Assert.Single(result.Notifications.Select(n => n.RunId).Distinct());
        Assert.Empty(_host.Errors);
    }

    [Fact]
    public async Task A_hanging_notifier_does_not_delay_the_shift()
    {
        _pagerDuty.Hang = true;
        var router = new LoggingRouter(new FakeTrafficRouter(TimeProvider.System, 100), _log);

        var result = await Create(router).RunAsync(Options(TimeSpan.FromSeconds(3)), _host, CancellationToken.None);

        var events = _log.List;
        Assert.Contains("send PagerDuty RollbackStarted", events);
        Assert.True(events.IndexOf("apply 0") < events.IndexOf("gave up PagerDuty RollbackStarted"),
            "the shift waited for the hanging notifier: " + string.Join(", ", events));
        Assert.DoesNotContain("sent PagerDuty RollbackStarted", events);
        Assert.True(result.TimeToTrafficVerified < result.Duration);
        Assert.Equal(RollbackStepOutcome.Failed, result.Steps.Single(s => s.Name == "NotifyRollbackStarted").Outcome);
        Assert.True(result.Success); // the rollback itself is verified; the failed channel is its own error
        Assert.Contains(_host.Errors, e => e.ErrorId == CutoverErrorIds.NotificationFailed);
    }

    [Fact]
    public async Task Traffic_already_on_green_is_a_verified_no_op_that_pages_nobody()
    {
        var router = new LoggingRouter(new FakeTrafficRouter(TimeProvider.System, 0), _log);

        var result = await Create(router).RunAsync(Options(), _host, CancellationToken.None);

        Assert.True(result.Success);
        Assert.True(result.NoOp);
        Assert.DoesNotContain(_log.List, e => e.StartsWith("apply") || e.StartsWith("send"));
        Assert.Contains("verify green", _log.List);
        Assert.Equal(RollbackStepOutcome.Skipped, result.Steps.Single(s => s.Name == "NotifyRollbackCompleted").Outcome);
    }

    [Fact]
    public async Task Unknown_error_ratio_is_not_success_and_writes_RollbackVerificationFailed()
    {
        _verifier.ErrorRatio = RollbackStepOutcome.Unknown;

        var result = await Create(new LoggingRouter(new FakeTrafficRouter(TimeProvider.System, 50), _log)).RunAsync(Options(), _host, CancellationToken.None);

        Assert.False(result.Success);
        Assert.Equal(0, result.Traffic!.Blue);
        Assert.Contains(_host.Errors, e => e.ErrorId == CutoverErrorIds.RollbackVerificationFailed);
        Assert.DoesNotContain("send PagerDuty RollbackCompleted", _log.List);
    }

    [Fact]
    public async Task A_shift_that_cannot_be_done_throws_after_the_notifications_finish()
    {
        var fake = new FakeTrafficRouter(TimeProvider.System, 50) { Refusal = new CutoverException(CutoverErrorIds.TrafficRefusedUnhealthyTargets, CutoverErrorKind.InvalidOperation, "green has no healthy server") };

        var e = await Assert.ThrowsAsync<CutoverException>(() => Create(new LoggingRouter(fake, _log)).RunAsync(Options(), _host, CancellationToken.None));

        Assert.Equal(CutoverErrorIds.TrafficRefusedUnhealthyTargets, e.ErrorId);
        Assert.Contains(_journal.Steps, s => s.Name == "ShiftTraffic" && s.Outcome == RollbackStepOutcome.Failed);
        Assert.Equal("unlock rollback 20261128T100000Z-abcdef", _log.List[^1]);
    }

    [Fact]
    public async Task Two_concurrent_rollbacks_run_one_after_the_other_and_the_second_is_a_no_op()
    {
        var router = new LoggingRouter(new FakeTrafficRouter(TimeProvider.System, 50), _log);
        var shared = new FakeLock(_log);
        var options = Options();
        var longWait = new RollbackOptions { Reason = options.Reason, RunId = options.RunId, LockWait = TimeSpan.FromSeconds(10) };

        var results = await Task.WhenAll(Create(router, shared).RunAsync(longWait, _host, CancellationToken.None),
            Create(router, shared).RunAsync(longWait, _host, CancellationToken.None));

        var locks = _log.List.Where(e => e.StartsWith("lock") || e.StartsWith("unlock")).ToList();
        Assert.Equal(["lock", "unlock", "lock", "unlock"], locks.Select(l => l.Split(' ')[0]));
        Assert.Single(results, r => r.NoOp);
        Assert.All(results, r => Assert.True(r.Success));
    }

    /// <summary>Wraps the traffic test router and logs applies into the shared event log.</summary>
    private sealed class LoggingRouter(FakeTrafficRouter inner, EventLog log) : ITrafficRouter
    {
        public TrafficProviderKind Provider => inner.Provider;
        public Task<CutoverTrafficState> GetStateAsync(CancellationToken cancellationToken) { lock (inner) return inner.GetStateAsync(cancellationToken); }
        public Task EnsureCanApplyAsync(int bluePercent, CancellationToken cancellationToken) => inner.EnsureCanApplyAsync(bluePercent, cancellationToken);

        public Task ApplyAsync(int bluePercent, ICutoverHost host, CancellationToken cancellationToken)
        {
            log.Add($"apply {bluePercent}");
            lock (inner) return inner.ApplyAsync(bluePercent, host, cancellationToken);
        }
    }
}
