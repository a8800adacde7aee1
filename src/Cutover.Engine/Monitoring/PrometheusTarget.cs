namespace Cutover.Engine.Monitoring;

/// <summary>One active scrape target as Prometheus reports it.</summary>
public sealed record PrometheusTarget(string Job, string Instance, string Health, string ScrapeUrl, string? LastError);

/// <summary>The active targets, or why they could not be read.</summary>
public sealed record PrometheusTargets(IReadOnlyList<PrometheusTarget> Active, string? UnknownReason)
{
    public bool IsKnown => UnknownReason is null;
    public int Up => Active.Count(t => t.Health == "up");
}
