using Cutover.Engine.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Engine.Tests.Notifications;

public sealed class NotificationDispatcherTests
{
    private sealed class ScriptedNotifier(NotificationChannel channel, Func<int, CancellationToken, Task<string?>> attempt) : INotifier
    {
        public int Calls;
        public NotificationChannel Channel => channel;
        public Task<string?> SendAsync(CutoverNotification notification, CancellationToken cancellationToken) =>
            attempt(Interlocked.Increment(ref Calls), cancellationToken);
        public Task<CutoverNotificationReadiness> TestAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static CutoverException Transient() => new(CutoverErrorIds.NotificationFailed, CutoverErrorKind.ConnectionError, "answered 503", isTransient: true);

    [Fact]
    public async Task Retries_transient_failures_up_to_the_bound_then_reports_a_failure_per_channel()
    {
        var time = new FakeTimeProvider();
        var failing = new ScriptedNotifier(NotificationChannel.Slack, (_, _) => throw Transient());
        var fine = new ScriptedNotifier(NotificationChannel.PagerDuty, (_, _) => Task.FromResult<string?>("ok"));
        var host = new ListHost();
        var dispatcher = new NotificationDispatcher([failing, fine], new Dictionary<NotificationChannel, string> { [NotificationChannel.Statuspage] = "not configured" }, time);
        var task = dispatcher.SendAsync(Sample.Event(CutoverNotificationEvent.RollbackStarted), new NotificationOptions { Timeout = TimeSpan.FromMinutes(1), MaxAttempts = 3, RetryDelay = TimeSpan.FromSeconds(1) }, host, CancellationToken.None);
        for (var i = 0; i < 50 && !task.IsCompleted; i++)
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromSeconds(1));
        }
        var results = await task;
        Assert.Equal([NotificationChannel.PagerDuty, NotificationChannel.Slack, NotificationChannel.Statuspage], results.Select(r => r.Channel));
        Assert.Equal(NotificationStatus.Sent, results[0].Status);
        Assert.Equal(NotificationStatus.Failed, results[1].Status);
        Assert.Equal(3, results[1].Attempts);
        Assert.Equal(3, failing.Calls);
        Assert.Equal(NotificationStatus.Skipped, results[2].Status);
        var error = Assert.Single(host.Errors);
        Assert.Equal(CutoverErrorIds.NotificationFailed, error.ErrorId);
        Assert.Equal(NotificationChannel.Slack, error.Target);
    }

    [Fact]
    public async Task Does_not_retry_a_permanent_failure()
    {
        var notifier = new ScriptedNotifier(NotificationChannel.Slack, (_, _) =>
            throw new CutoverException(CutoverErrorIds.NotificationFailed, CutoverErrorKind.ProtocolError, "answered 400"));
        var results = await new NotificationDispatcher([notifier], new Dictionary<NotificationChannel, string>(), new FakeTimeProvider())
            .SendAsync(Sample.Event(CutoverNotificationEvent.Started), new NotificationOptions(), new ListHost(), CancellationToken.None);
        Assert.Equal(1, notifier.Calls);
        Assert.Equal(NotificationStatus.Failed, results[0].Status);
    }

    [Fact]
    public async Task A_hanging_channel_ends_at_its_timeout_and_the_caller_is_never_held_at_start()
    {
        var time = new FakeTimeProvider();
        var hanging = new ScriptedNotifier(NotificationChannel.Statuspage, async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return "never";
        });
        var blockingStart = new ScriptedNotifier(NotificationChannel.Slack, (_, _) =>
        {
            Thread.Sleep(300); // synchronous work inside a notifier must not run on the caller's thread
            return Task.FromResult<string?>("ok");
        });
        var started = DateTime.UtcNow;
        var task = new NotificationDispatcher([hanging, blockingStart], new Dictionary<NotificationChannel, string>(), time)
            .SendAsync(Sample.Event(CutoverNotificationEvent.RollbackStarted), new NotificationOptions { Timeout = TimeSpan.FromSeconds(5) }, new ListHost(), CancellationToken.None);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMilliseconds(250), "SendAsync must return before any channel's work");
        for (var i = 0; i < 200 && !task.IsCompleted; i++)
        {
            await Task.Delay(20);
            time.Advance(TimeSpan.FromSeconds(1));
        }
        var results = await task.WaitAsync(TimeSpan.FromSeconds(10));
        var statuspage = results.Single(r => r.Channel == NotificationChannel.Statuspage);
        Assert.Equal(NotificationStatus.Failed, statuspage.Status);
        Assert.Contains("timeout", statuspage.Detail);
        Assert.Equal(NotificationStatus.Sent, results.Single(r => r.Channel == NotificationChannel.Slack).Status);
    }

    [Fact]
    public void Dedup_key_depends_only_on_plan_and_run()
    {
        Assert.Equal(DedupKey.For("p", "r1"), DedupKey.For("p", "r1"));
        Assert.NotEqual(DedupKey.For("p", "r1"), DedupKey.For("p", "r2"));
        Assert.True(DedupKey.For(new string('x', 300), "r").Length <= 255);
    }
}
