using Cutover.Engine.Watch;
using Cutover.Engine.Watch.Triggers;

namespace Cutover.Engine.Tests.Watch;

public sealed class TriggerEvaluationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static readonly TriggersPlan Triggers = new()
    {
        ErrorRatio = new SustainedCondition { Above = 0.10, ForSec = 30 },
        P95Ms = new SustainedCondition { Above = 2000, ForSec = 30 },
        ErrorBudget = 4,
        RelativeP95 = 1.5,
    };

    private static readonly CutoverPlan Plan = WatchPlans.Create(Triggers, new ThresholdsPlan { MinRequestCount = 20 });

    private static WatchTick Tick(int second, double? errorRatio = 0.0, double? requests = 1000, double? p95 = 50, AlertReading? alerts = null)
    {
        var time = T0.AddSeconds(second);
        MetricSample S(double? v) => v is { } x ? MetricSample.Known("q", x, time) : MetricSample.Unknown("q", "unreachable", time);
        var reading = new EnvironmentReading
        {
            Environment = CutoverEnvironment.Blue,
            RequestRate = S(10), RequestCount = S(requests), ErrorRatio = S(errorRatio), P95Ms = S(p95),
            CpuRatio = S(0.1), MemoryRatio = S(0.1), QueueDepth = S(0),
            Health = new JudgedValue(200, HealthStatus.Pass, "ok"), Database = new JudgedValue(1, HealthStatus.Pass, "ok"),
            ReplicationLagSec = S(0),
        };
        return new WatchTick(time, [SampleJudge.Judge(Plan, reading)], alerts ?? new AlertReading([], null));
    }

    private static List<(int Second, FiredTrigger Fired)> Run(ITriggerEvaluator trigger, params WatchTick[] ticks) =>
        ticks.SelectMany(t => trigger.Evaluate(t).Select(f => ((int)(t.Time - T0).TotalSeconds, f))).ToList();

    [Fact]
    public void Error_ratio_fires_exactly_when_the_breach_is_ForSec_old_and_not_one_sample_before()
    {
        var trigger = new ErrorRatioTrigger(Triggers);
        var ticks = Enumerable.Range(0, 8).Select(i => Tick(i * 5, errorRatio: 0.2)).ToArray(); // 0,5,...,35 s

        var fired = Run(trigger, ticks);

        var (second, f) = Assert.Single(fired);
        Assert.Equal(30, second);
        Assert.Equal(T0, f.Since);
        Assert.Equal(T0.AddSeconds(30), f.FiredAt);
        Assert.Equal(CutoverEnvironment.Blue, f.Environment);
        Assert.False(f.FromUnknown);
        Assert.Contains("0.2", f.Observed);
    }

    [Fact]
    public void At_29_999_seconds_it_does_not_fire()
    {
        var trigger = new ErrorRatioTrigger(Triggers);
        var ticks = new[] { Tick(0, 0.2), Tick(15, 0.2) }.Append(new WatchTick(T0.AddSeconds(29.999), Tick(0, 0.2).Environments, new([], null)));

        Assert.Empty(Run(trigger, ticks.ToArray()));
    }

    [Fact]
    public void A_blip_shorter_than_the_window_never_fires_and_a_passing_sample_restarts_the_window()
    {
        var trigger = new ErrorRatioTrigger(Triggers);

        var fired = Run(trigger, Tick(0, 0.5), Tick(10, 0.5), Tick(20, 0.5), Tick(25, 0.01), Tick(30, 0.5), Tick(40, 0.5), Tick(55, 0.5), Tick(60, 0.5));

        var (second, f) = Assert.Single(fired);
        Assert.Equal(60, second);
        Assert.Equal(T0.AddSeconds(30), f.Since);
    }

    [Fact]
    public void A_value_at_the_threshold_is_not_a_breach()
    {
        Assert.Empty(Run(new ErrorRatioTrigger(Triggers), Tick(0, 0.10), Tick(30, 0.10), Tick(60, 0.10)));
    }

    [Fact]
    public void Unknown_values_spend_the_error_budget_then_fire_and_never_pass()
    {
        var trigger = new ErrorRatioTrigger(Triggers);

        var fired = Run(trigger, Tick(0, null), Tick(5, null), Tick(10, null), Tick(15, null), Tick(20, null));

        var (second, f) = Assert.Single(fired);
        Assert.Equal(15, second); // the 4th consecutive Unknown with ErrorBudget 4
        Assert.True(f.FromUnknown);
        Assert.Equal(T0, f.Since);
        Assert.Contains("never passes", f.Reason);
    }

    [Fact]
    public void A_known_value_resets_the_error_budget()
    {
        var fired = Run(new ErrorRatioTrigger(Triggers), Tick(0, null), Tick(5, null), Tick(10, null), Tick(15, 0.0), Tick(20, null), Tick(25, null), Tick(30, null));

        Assert.Empty(fired);
    }

    [Fact]
    public void Unknown_between_breaches_does_not_restart_the_window()
    {
        var fired = Run(new ErrorRatioTrigger(Triggers), Tick(0, 0.3), Tick(10, null), Tick(20, 0.3), Tick(30, 0.3));

        var (second, f) = Assert.Single(fired);
        Assert.Equal(30, second);
        Assert.Equal(T0, f.Since);
    }

    [Fact]
    public void Too_few_requests_make_the_ratio_Unknown_which_counts_toward_the_budget()
    {
        var tick = Tick(0, errorRatio: 0.9, requests: 19);
        Assert.Equal(HealthStatus.Unknown, tick.Environments[0].ErrorRatio.Status);
        Assert.Contains("MinRequestCount 20", tick.Environments[0].ErrorRatio.Reason);

        var fired = Run(new ErrorRatioTrigger(Triggers), Tick(0, 0.9, 19), Tick(5, 0.9, 19), Tick(10, 0.9, 19), Tick(15, 0.9, 19));
        Assert.True(Assert.Single(fired).Fired.FromUnknown);
    }

    [Fact]
    public void Exactly_MinRequestCount_requests_are_judged()
    {
        Assert.Equal(HealthStatus.Fail, Tick(0, 0.9, 20).Environments[0].ErrorRatio.Status);
    }

    [Fact]
    public void P95_fires_after_its_window()
    {
        var fired = Run(new P95LatencyTrigger(Triggers), Tick(0, p95: 2500), Tick(10, p95: 2500), Tick(20, p95: 2500), Tick(30, p95: 2600));

        Assert.Equal(30, Assert.Single(fired).Second);
    }

    [Fact]
    public void The_relative_guard_fires_above_factor_times_baseline_even_below_the_absolute_limit()
    {
        var relative = new RelativeP95Trigger(Triggers, 1.5, 100);

        var fired = Run(relative, Tick(0, p95: 151), Tick(15, p95: 151), Tick(30, p95: 151));
        Assert.Equal(30, Assert.Single(fired).Second);
        Assert.Empty(Run(new RelativeP95Trigger(Triggers, 1.5, 100), Tick(0, p95: 150), Tick(30, p95: 150)));
        Assert.Empty(Run(new P95LatencyTrigger(Triggers), Tick(0, p95: 151), Tick(30, p95: 151)));
    }

    [Fact]
    public void The_relative_guard_is_off_without_a_known_baseline_and_says_so()
    {
        var host = new WatchHost();
        var set = TriggerSet.ForPlan(Plan, null, host);

        Assert.DoesNotContain(set, t => t.Kind == CutoverTriggerKind.RelativeP95);
        Assert.Contains(host.Warnings, w => w.Contains("RelativeP95"));
    }

    [Fact]
    public void A_firing_critical_alert_named_in_the_plan_fires_at_once()
    {
        var trigger = new AlertTrigger(Triggers);

        var fired = Run(trigger, Tick(0), Tick(5, alerts: new AlertReading(["HighErrorRate{env=blue}"], null)));

        var (second, f) = Assert.Single(fired);
        Assert.Equal(5, second);
        Assert.Equal(CutoverTriggerKind.Alert, f.Kind);
        Assert.Contains("HighErrorRate", f.Reason);
    }

    [Fact]
    public void Unreadable_alerts_fire_after_the_error_budget()
    {
        var unknown = new AlertReading([], "Prometheus unreachable");
        var fired = Run(new AlertTrigger(Triggers), Tick(0, alerts: unknown), Tick(5, alerts: unknown), Tick(10, alerts: unknown), Tick(15, alerts: unknown));

        var (second, f) = Assert.Single(fired);
        Assert.Equal(15, second);
        Assert.True(f.FromUnknown);
    }

    [Fact]
    public void After_firing_the_window_starts_over()
    {
        var ticks = Enumerable.Range(0, 14).Select(i => Tick(i * 5, 0.5)).ToArray(); // 0..65 s

        var fired = Run(new ErrorRatioTrigger(Triggers), ticks);

        Assert.Equal([30, 65], fired.Select(f => f.Second)); // the next window begins with the sample after the firing one
    }
}
