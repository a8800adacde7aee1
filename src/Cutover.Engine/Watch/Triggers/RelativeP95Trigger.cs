namespace Cutover.Engine.Watch.Triggers;

/// <summary>
/// P95 above Triggers.RelativeP95 × the baseline's P95 for Triggers.P95Ms.ForSec. Only created when the
/// plan sets the factor and the baseline's P95 is known.
/// </summary>
public sealed class RelativeP95Trigger(TriggersPlan triggers, double factor, double baselineP95Ms)
    : EnvironmentValueTrigger(TimeSpan.FromSeconds(triggers.P95Ms.ForSec), triggers.ErrorBudget)
{
    private readonly double _limit = factor * baselineP95Ms;

    public override CutoverTriggerKind Kind => CutoverTriggerKind.RelativeP95;

    public override string Condition =>
        $"P95 ms > {SampleJudge.F(factor)} x baseline {SampleJudge.F(baselineP95Ms)} (= {SampleJudge.F(_limit)}) for {triggers.P95Ms.ForSec}s";

    protected override JudgedValue Select(WatchObservation observation) =>
        observation.P95Ms.Value is not { } p95 ? observation.P95Ms
        : p95 > _limit ? new JudgedValue(p95, HealthStatus.Fail, $"P95 {SampleJudge.F(p95)} ms > {SampleJudge.F(_limit)} ms")
        : new JudgedValue(p95, HealthStatus.Pass, $"P95 {SampleJudge.F(p95)} ms <= {SampleJudge.F(_limit)} ms");
}
