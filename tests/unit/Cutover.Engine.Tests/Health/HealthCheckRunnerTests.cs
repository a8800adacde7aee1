using Cutover.Engine.Health;
using Cutover.Engine.Tests.Fakes;
using Cutover.Engine.Tests.Plans;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Engine.Tests.Health;

public sealed class HealthCheckRunnerTests
{
    private sealed class FakeCheck(HealthCheckKind kind, Func<CancellationToken, Task<HealthObservation>> run, bool configured = true) : IHealthCheck
    {
        public HealthCheckKind Kind => kind;
        public bool IsShared => false;
        public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) => configured;
        public Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken) => run(cancellationToken);
    }

    private sealed class NoSecrets : ISecretResolver
    {
        public string Resolve(SecretReference reference, string field) => throw new CutoverException(CutoverErrorIds.SecretUnresolved, CutoverErrorKind.InvalidArgument, $"{field}: not set");
    }

    private static readonly CutoverPlan Plan = PlanTrees.Read(PlanTrees.Valid()).Plan!;

    private static Task<HealthObservation> Pass(CancellationToken _) => Task.FromResult(new HealthObservation(HealthStatus.Pass, "fine"));

    [Fact]
    public async Task The_report_is_ready_only_when_nothing_fails_or_is_unknown()
    {
        var host = new RecordingHost();
        var runner = new HealthCheckRunner(Plan, new NoSecrets(), new FakeTimeProvider(),
            [new FakeCheck(HealthCheckKind.App, Pass), new FakeCheck(HealthCheckKind.Redis, _ => Task.FromResult(new HealthObservation(HealthStatus.Warn, "meh")))]);

        var report = await runner.RunAsync(new HealthRunOptions(), host, CancellationToken.None);

        Assert.True(report.Ready);
        Assert.Equal(4, report.Total);
        Assert.Equal(2, report.Warned);
        Assert.Equal(4, host.Objects.Count);
    }

    [Fact]
    public async Task A_check_that_throws_is_unknown_and_the_report_not_ready()
    {
        var runner = new HealthCheckRunner(Plan, new NoSecrets(), new FakeTimeProvider(),
            [new FakeCheck(HealthCheckKind.App, Pass), new FakeCheck(HealthCheckKind.Database, _ => throw new InvalidOperationException("boom"))]);

        var report = await runner.RunAsync(new HealthRunOptions { Environments = [CutoverEnvironment.Blue] }, new RecordingHost(), CancellationToken.None);

        var database = Assert.Single(report.Results, r => r.Check == HealthCheckKind.Database);
        Assert.Equal(HealthStatus.Unknown, database.Status);
        Assert.Contains("boom", database.Message);
        Assert.False(report.Ready);
    }

    [Fact]
    public async Task A_check_that_hangs_is_unknown_when_its_own_timeout_passes()
    {
        var time = new FakeTimeProvider();
        var runner = new HealthCheckRunner(Plan, new NoSecrets(), time,
            [new FakeCheck(HealthCheckKind.Api, async ct => { await Task.Delay(Timeout.Infinite, ct); return new(HealthStatus.Pass, "never"); })]);

        var run = runner.RunAsync(new HealthRunOptions { Environments = [CutoverEnvironment.Blue], TimeoutSec = 5 }, new RecordingHost(), CancellationToken.None);
        for (var i = 0; i < 100 && !run.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
        var report = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HealthStatus.Unknown, Assert.Single(report.Results).Status);
        Assert.Contains("within 5s", report.Results[0].Message);
    }

    [Fact]
    public async Task An_unconfigured_check_is_skipped_unless_named_then_unknown()
    {
        IHealthCheck[] checks = [new FakeCheck(HealthCheckKind.Replication, Pass, configured: false), new FakeCheck(HealthCheckKind.App, Pass)];

        var all = await new HealthCheckRunner(Plan, new NoSecrets(), new FakeTimeProvider(), checks)
            .RunAsync(new HealthRunOptions { Environments = [CutoverEnvironment.Green] }, new RecordingHost(), CancellationToken.None);
        var named = await new HealthCheckRunner(Plan, new NoSecrets(), new FakeTimeProvider(), checks)
            .RunAsync(new HealthRunOptions { Environments = [CutoverEnvironment.Green], Checks = [HealthCheckKind.Replication] }, new RecordingHost(), CancellationToken.None);

        Assert.Equal(HealthCheckKind.App, Assert.Single(all.Results).Check);
        var replication = Assert.Single(named.Results);
        Assert.Equal(HealthStatus.Unknown, replication.Status);
        Assert.Contains("not configured", replication.Message);
    }

    [Fact]
    public void An_empty_report_is_not_ready()
    {
        Assert.False(new CutoverHealthReport { Plan = "p", Results = [], StartedAt = DateTimeOffset.UnixEpoch, Duration = TimeSpan.Zero }.Ready);
    }

    private sealed class DisposableCheck : IHealthCheck, IAsyncDisposable
    {
        public int Disposed { get; private set; }
        public HealthCheckKind Kind => HealthCheckKind.Database;
        public bool IsShared => false;
        public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) => true;
        public Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken) =>
            Disposed == 0 ? Pass(cancellationToken) : throw new ObjectDisposedException("check");
        public ValueTask DisposeAsync() { Disposed++; return ValueTask.CompletedTask; }
    }

    [Fact]
    public async Task Checks_that_hold_connections_for_the_run_are_disposed_when_it_ends()
    {
        var check = new DisposableCheck();

        var report = await new HealthCheckRunner(Plan, new NoSecrets(), new FakeTimeProvider(), [check]).RunAsync(new HealthRunOptions(), new RecordingHost(), CancellationToken.None);

        Assert.True(report.Ready);
        Assert.Equal(1, check.Disposed);
    }
}
