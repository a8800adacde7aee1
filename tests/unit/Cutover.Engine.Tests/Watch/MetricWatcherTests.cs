using Cutover.Engine.Watch;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Engine.Tests.Watch;

public sealed class MetricWatcherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
    private readonly WatchHost _host = new();

    /// <summary>Advances the clock one interval each time the watcher has taken its next sample, until it ends.</summary>
    private Task<T> Drive<T>(Func<Task<T>> run, FakeWatchSource source, TimeSpan interval, int environments = 1) =>
        Drive(run, source, _ => interval, environments);

    /// <summary>Advances the clock by <paramref name="stepAfter"/>(sample) each time the watcher has taken that sample, until it ends.</summary>
    private async Task<T> Drive<T>(Func<Task<T>> run, FakeWatchSource source, Func<int, TimeSpan> stepAfter, int environments = 1)
    {
        var task = Task.Run(run);
        var wall = System.Diagnostics.Stopwatch.StartNew();
        for (var sample = 1; sample < 100_000 && !task.IsCompleted; sample++)
        {
            while (source.Reads < sample * environments && !task.IsCompleted)
            {
                if (wall.Elapsed > TimeSpan.FromSeconds(60))
                    throw new TimeoutException($"stuck before sample {sample}: {source.Reads} read(s), clock {_time.GetUtcNow():HH:mm:ss}, watcher {task.Status}");
                await Task.Delay(1);
            }
            if (task.IsCompleted)
                break;
            _time.Advance(stepAfter(sample));
        }
        return await task;
    }

    [Fact]
    public async Task A_clean_30_minute_watch_takes_one_sample_per_interval_and_fires_nothing()
    {
        var source = new FakeWatchSource(_time);
        var watcher = new MetricWatcher(WatchPlans.Create(), source, _time);
        var options = new WatchOptions { Duration = TimeSpan.FromMinutes(30), Interval = TimeSpan.FromSeconds(10) };

        var fired = await Drive(() => watcher.RunAsync(options, _host, null, CancellationToken.None), source, options.Interval);

        Assert.Empty(fired);
        var samples = _host.Objects.OfType<CutoverMetricSample>().ToList();
        Assert.Equal(181, samples.Count);
        Assert.Equal(TimeSpan.FromMinutes(30), samples[^1].Elapsed);
        Assert.All(samples, s => Assert.Equal(HealthStatus.Pass, s.Verdict));
        Assert.True(_host.Progress.Last().Completed);
    }

    [Fact]
    public async Task A_sustained_breach_ends_the_watch_with_a_trigger_carrying_the_plan_and_a_reason()
    {
        var source = new FakeWatchSource(_time);
        var plan = WatchPlans.Create(new TriggersPlan { ErrorRatio = new SustainedCondition { Above = 0.1, ForSec = 30 } });
        source.OnRead = n => source.ErrorRatio = n >= 10 ? 0.2 : 0.0; // breach from the 10th sample (90 s)
        var hits = new List<CutoverTrigger>();
        var options = new WatchOptions { Duration = TimeSpan.FromMinutes(30), Interval = TimeSpan.FromSeconds(5), RunId = "20261128T100000Z-abcdef" };

        var fired = await Drive(() => new MetricWatcher(plan, source, _time).RunAsync(options, _host, (t, _) => { hits.Add(t); return Task.CompletedTask; },
            CancellationToken.None), source, options.Interval);

        var trigger = Assert.Single(fired);
        Assert.Same(trigger, Assert.Single(hits));
        Assert.Equal(CutoverTriggerKind.ErrorRatio, trigger.Name);
        Assert.Same(plan, trigger.Plan);
        Assert.Equal("20261128T100000Z-abcdef", trigger.RunId);
        Assert.Equal(TimeSpan.FromSeconds(45), trigger.Since - _time.Start);
        Assert.Equal(TimeSpan.FromSeconds(75), trigger.FiredAt - _time.Start);
        Assert.Equal(16, _host.Objects.OfType<CutoverMetricSample>().Count());
        Assert.Equal(trigger, _host.Objects.Last());
    }

    [Fact]
    public async Task With_Continue_the_watch_goes_on_after_a_trigger()
    {
        var source = new FakeWatchSource(_time) { HealthUp = false };
        var plan = WatchPlans.Create(new TriggersPlan { HealthDownSec = 10 });
        var options = new WatchOptions { Duration = TimeSpan.FromSeconds(60), Interval = TimeSpan.FromSeconds(5), Continue = true };

        var fired = await Drive(() => new MetricWatcher(plan, source, _time).RunAsync(options, _host, null, CancellationToken.None), source, options.Interval);

        Assert.Equal(13, _host.Objects.OfType<CutoverMetricSample>().Count());
        Assert.All(fired, f => Assert.Equal(CutoverTriggerKind.HealthDown, f.Name));
        Assert.True(fired.Count >= 4);
    }

    [Fact]
    public async Task Samples_of_both_environments_are_emitted_flat_with_statuses_and_reasons()
    {
        var source = new FakeWatchSource(_time) { ErrorRatio = null };
        var options = new WatchOptions
        {
            Environments = [CutoverEnvironment.Blue, CutoverEnvironment.Green], Duration = TimeSpan.FromSeconds(10), Interval = TimeSpan.FromSeconds(5),
        };

        await Drive(() => new MetricWatcher(WatchPlans.Create(), source, _time).RunAsync(options, _host, null, CancellationToken.None), source, options.Interval, 2);

        var samples = _host.Objects.OfType<CutoverMetricSample>().ToList();
        Assert.Equal(6, samples.Count);
        Assert.Equal([CutoverEnvironment.Blue, CutoverEnvironment.Green], samples.Take(2).Select(s => s.Environment));
        Assert.All(samples, s => Assert.Equal(HealthStatus.Unknown, s.ErrorRatioStatus));
        Assert.All(samples, s => Assert.Equal(HealthStatus.Unknown, s.Verdict));
        Assert.All(samples, s => Assert.Contains("ErrorRatio: error ratio unreadable", s.Reasons));
    }

    [Fact]
    public async Task The_last_sample_is_taken_exactly_at_the_end_when_the_duration_is_not_a_whole_number_of_intervals()
    {
        var source = new FakeWatchSource(_time);
        var options = new WatchOptions { Duration = TimeSpan.FromSeconds(10), Interval = TimeSpan.FromSeconds(3) };
        TimeSpan[] steps = [TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)];

        await Drive(() => new MetricWatcher(WatchPlans.Create(), source, _time).RunAsync(options, _host, null, CancellationToken.None),
            source, sample => sample <= steps.Length ? steps[sample - 1] : TimeSpan.FromSeconds(1));

        var elapsed = _host.Objects.OfType<CutoverMetricSample>().Select(s => s.Elapsed.TotalSeconds);
        Assert.Equal([0, 3, 6, 9, 10], elapsed);
    }

    [Fact]
    public async Task A_sample_that_overruns_its_interval_makes_the_next_due_at_once_and_skips_the_missed_boundaries()
    {
        var source = new FakeWatchSource(_time);
        source.OnRead = n => { if (n == 2) _time.Advance(TimeSpan.FromSeconds(12)); }; // the second read takes 12 s
        var options = new WatchOptions { Duration = TimeSpan.FromSeconds(30), Interval = TimeSpan.FromSeconds(5) };
        TimeSpan[] steps = [TimeSpan.FromSeconds(5), TimeSpan.Zero, TimeSpan.FromSeconds(3)];

        await Drive(() => new MetricWatcher(WatchPlans.Create(), source, _time).RunAsync(options, _host, null, CancellationToken.None),
            source, sample => sample <= steps.Length ? steps[sample - 1] : TimeSpan.FromSeconds(5));

        var elapsed = _host.Objects.OfType<CutoverMetricSample>().Select(s => s.Elapsed.TotalSeconds);
        Assert.Equal([0, 5, 17, 20, 25, 30], elapsed);
    }
}
