namespace Cutover.Engine.Watch.Triggers;

/// <summary>The procedure's triggers for a plan, in the order they are reported when several fire together.</summary>
public static class TriggerSet
{
    public static IReadOnlyList<ITriggerEvaluator> ForPlan(CutoverPlan plan, CutoverBaseline? baseline, ICutoverHost host)
    {
        var triggers = plan.Triggers;
        var set = new List<ITriggerEvaluator>
        {
            new HealthDownTrigger(triggers),
            new DatabaseUnreachableTrigger(triggers),
            new ErrorRatioTrigger(triggers),
            new P95LatencyTrigger(triggers),
            new MemoryExhaustionTrigger(triggers),
            new CpuSaturationTrigger(triggers),
        };
        if (triggers.RelativeP95 is { } factor)
        {
            if (baseline?.P95Ms.Value is { } p95 && p95 > 0)
                set.Add(new RelativeP95Trigger(triggers, factor, p95));
            else
                host.WriteWarning(baseline is null
                    ? $"Triggers.RelativeP95 is {factor} but no -Baseline was given: the relative P95 guard is off."
                    : $"Triggers.RelativeP95 is {factor} but the baseline's P95 is Unknown ({baseline.P95Ms.UnknownReason}): the relative P95 guard is off.");
        }
        if (triggers.Alerts.Count > 0)
            set.Add(new AlertTrigger(triggers));
        return set;
    }
}
