namespace Cutover.Engine.Watch.Triggers;

/// <summary>CPU above Triggers.CpuRatio.Above of the limit for Triggers.CpuRatio.ForSec.</summary>
public sealed class CpuSaturationTrigger(TriggersPlan triggers)
    : EnvironmentValueTrigger(TimeSpan.FromSeconds(triggers.CpuRatio.ForSec), triggers.ErrorBudget)
{
    public override CutoverTriggerKind Kind => CutoverTriggerKind.CpuSaturation;
    public override string Condition => $"CPU ratio {triggers.CpuRatio}";
    protected override JudgedValue Select(WatchObservation observation) => observation.CpuRatio;
}
