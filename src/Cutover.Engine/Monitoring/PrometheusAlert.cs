namespace Cutover.Engine.Monitoring;

/// <summary>One pending or firing alert.</summary>
public sealed record PrometheusAlert(string Name, string State, string? Severity, IReadOnlyDictionary<string, string> Labels, DateTimeOffset? ActiveAt);

/// <summary>The current alerts, or why they could not be read.</summary>
public sealed record PrometheusAlerts(IReadOnlyList<PrometheusAlert> Alerts, string? UnknownReason)
{
    public bool IsKnown => UnknownReason is null;
}
