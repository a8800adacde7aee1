namespace Cutover.Engine.Watch.Triggers;

/// <summary>Error ratio above Triggers.ErrorRatio.Above for Triggers.ErrorRatio.ForSec (judged only with enough requests).</summary>
public sealed class ErrorRatioTrigger(TriggersPlan triggers)
    : EnvironmentValueTrigger(TimeSpan.FromSeconds(triggers.ErrorRatio.ForSec), triggers.ErrorBudget)
{
    public override CutoverTriggerKind Kind => CutoverTriggerKind.ErrorRatio;
    public override string Condition => $"error ratio {triggers.ErrorRatio}";
    protected override JudgedValue Select(WatchObservation observation) => observation.ErrorRatio;
}
