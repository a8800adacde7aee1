namespace Cutover.Engine.Traffic;

/// <summary>Names a traffic target and a change to it for confirmation prompts and -WhatIf.</summary>
public static class TrafficChangeDescription
{
    /// <summary>e.g. "haproxy be_app", "dns app.example.test", "alb arn:…".</summary>
    public static string Target(TrafficPlan traffic) => traffic.Provider switch
    {
        TrafficProviderKind.HAProxy => $"haproxy {traffic.HAProxy!.Backend}",
        TrafficProviderKind.AwsAlb => $"alb {traffic.AwsAlb!.ListenerRuleArn}",
        _ => $"dns {traffic.Dns!.Record}",
    };

    /// <summary>e.g. "haproxy be_app: blue 0% → 50%".</summary>
    public static string Change(TrafficPlan traffic, CutoverTrafficState current, int bluePercent) =>
        TrafficSwitcher.Matches(current, bluePercent)
            ? $"{Target(traffic)}: blue {bluePercent}% (no change)"
            : $"{Target(traffic)}: blue {current.Blue}% → {bluePercent}%";
}
