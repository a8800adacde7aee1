using Cutover.Engine.Traffic.AwsAlb;
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

    /// <summary>The AWS ALB provider: the plan's profile and region; credentials are resolved on the first call.</summary>
    private static ITrafficRouter CreateAwsAlb(CutoverPlan plan, ISecretResolver secrets, TimeProvider time) =>
        new AwsAlbRouter(plan.Traffic.AwsAlb!, new DeferredElbV2Client(AwsAlbConnection.For(plan.Traffic.AwsAlb!), time), time, plan);
}
