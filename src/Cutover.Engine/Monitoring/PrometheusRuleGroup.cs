namespace Cutover.Engine.Monitoring;

/// <summary>One loaded rule group with its rule count.</summary>
public sealed record PrometheusRuleGroup(string Name, string File, int Rules, int AlertingRules);

/// <summary>The loaded rule groups, or why they could not be read.</summary>
public sealed record PrometheusRuleGroups(IReadOnlyList<PrometheusRuleGroup> Groups, string? UnknownReason)
{
    public bool IsKnown => UnknownReason is null;
}
