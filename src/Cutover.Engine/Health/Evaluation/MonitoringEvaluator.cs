using Cutover.Engine.Monitoring;

namespace Cutover.Engine.Health.Evaluation;

/// <summary>Decides the Monitoring check: enough active targets and rule groups, Grafana healthy when configured.</summary>
public static class MonitoringEvaluator
{
    /// <param name="grafana">null when Grafana is not configured; otherwise its health ("ok") or the reason it is not.</param>
    public static HealthObservation Evaluate(PrometheusTargets targets, PrometheusRuleGroups rules, string? grafana, int minTargets, int minRuleGroups, string target)
    {
        var expected = $">= {minTargets} active target(s), >= {minRuleGroups} rule group(s)" + (grafana is null ? "" : ", Grafana ok");
        if (!targets.IsKnown)
            return HealthObservation.Unknown($"targets unknown: {targets.UnknownReason}", target, expected);
        if (!rules.IsKnown)
            return HealthObservation.Unknown($"rule groups unknown: {rules.UnknownReason}", target, expected);
        var observed = $"{targets.Active.Count} active target(s) ({targets.Up} up), {rules.Groups.Count} rule group(s)" + (grafana is null ? "" : $", Grafana {grafana}");
        var problems = new List<string>();
        if (targets.Active.Count < minTargets)
            problems.Add($"{targets.Active.Count} active target(s), fewer than {minTargets}");
        if (rules.Groups.Count < minRuleGroups)
            problems.Add($"{rules.Groups.Count} rule group(s), fewer than {minRuleGroups}");
        if (grafana is not null && grafana != "ok")
            problems.Add($"Grafana: {grafana}");
        if (problems.Count > 0)
            return new(HealthStatus.Fail, string.Join("; ", problems), observed, expected, target);
        var down = targets.Active.Where(t => t.Health != "up").Select(t => $"{t.Job}/{t.Instance} is {t.Health}").ToList();
        return down.Count > 0
            ? new(HealthStatus.Warn, string.Join("; ", down), observed, expected, target)
            : new(HealthStatus.Pass, observed, observed, expected, target);
    }
}
