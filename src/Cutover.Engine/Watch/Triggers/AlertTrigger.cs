namespace Cutover.Engine.Watch.Triggers;

/// <summary>
/// A firing Prometheus alert named in Triggers.Alerts with label severity=critical fires at once (the
/// alert's own rule already holds it for its duration), as CodeDeploy's alarm-based rollback does.
/// Alerts that cannot be read spend the error budget.
/// </summary>
public sealed class AlertTrigger(TriggersPlan triggers) : ITriggerEvaluator
{
    private readonly SustainedBreach _unknown = new(TimeSpan.Zero, triggers.ErrorBudget);

    public CutoverTriggerKind Kind => CutoverTriggerKind.Alert;
    public string Condition => $"a critical alert firing of: {string.Join(", ", triggers.Alerts)}";

    public IReadOnlyList<FiredTrigger> Evaluate(WatchTick tick)
    {
        var alerts = tick.Alerts;
        if (!alerts.IsKnown)
        {
            if (_unknown.Observe(tick.Time, HealthStatus.Unknown, "Unknown") is not { } outcome)
                return [];
            return [new FiredTrigger(Kind, $"{Condition} (Unknown for {triggers.ErrorBudget} consecutive samples)", null, outcome.Observed,
                outcome.Since, tick.Time, FromUnknown: true,
                $"Alert: alerts unreadable for {triggers.ErrorBudget} consecutive samples ({alerts.UnknownReason}); an unreadable value never passes")];
        }
        _unknown.Observe(tick.Time, HealthStatus.Pass, "read");
        if (alerts.Firing.Count == 0)
            return [];
        var names = string.Join(", ", alerts.Firing);
        return [new FiredTrigger(Kind, Condition, null, $"firing: {names}", tick.Time, tick.Time, FromUnknown: false,
            $"Alert: critical alert(s) firing: {names}")];
    }
}
