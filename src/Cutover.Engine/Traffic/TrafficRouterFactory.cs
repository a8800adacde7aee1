using Cutover.Engine.Traffic.Dns;
using Cutover.Engine.Traffic.HAProxy;

namespace Cutover.Engine.Traffic;

/// <summary>Creates the traffic router for a plan's provider; the one place providers are registered.</summary>
public static class TrafficRouterFactory
{
    public static ITrafficRouter Create(CutoverPlan plan, ISecretResolver secrets, TimeProvider time) =>
        plan.Traffic.Provider switch
        {
            TrafficProviderKind.HAProxy => new HAProxyRouter(plan, time),
            TrafficProviderKind.Dns => new DnsRouter(plan, secrets, time),
            TrafficProviderKind.AwsAlb => CreateAwsAlb(plan, secrets, time),
            _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Traffic.Provider, "unknown traffic provider"),
        };

    /// <summary>The AWS ALB provider registers here (AwsAlb/).</summary>
    private static ITrafficRouter CreateAwsAlb(CutoverPlan plan, ISecretResolver secrets, TimeProvider time) =>
        throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.NotImplemented,
            "The AWS ALB traffic provider is not available in this build.", plan.Traffic.TargetKey,
            "Use a plan with Traffic.HAProxy or Traffic.Dns.");
}
