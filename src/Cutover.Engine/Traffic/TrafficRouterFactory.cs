using Cutover.Engine.Traffic.AwsAlb;
using Cutover.Engine.Traffic.Dns;
using Cutover.Engine.Traffic.HAProxy;

namespace Cutover.Engine.Traffic;

/// <summary>Creates the traffic router for a plan's provider; the one place providers are registered.</summary>
public static class TrafficRouterFactory
{
    /// <param name="aws">A command's -ProfileName/-Region; given for a plan not routed by an ALB, an error.</param>
    public static ITrafficRouter Create(CutoverPlan plan, ISecretResolver secrets, TimeProvider time, AwsAlbOverrides? aws = null)
    {
        var overrides = (aws ?? AwsAlbOverrides.None).For(plan);
        return plan.Traffic.Provider switch
        {
            TrafficProviderKind.HAProxy => new HAProxyRouter(plan, time),
            TrafficProviderKind.Dns => new DnsRouter(plan, secrets, time),
            TrafficProviderKind.AwsAlb => CreateAwsAlb(plan, overrides, time),
            _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Traffic.Provider, "unknown traffic provider"),
        };
    }

    /// <summary>The AWS ALB provider: the plan's profile and region unless overridden; credentials are resolved on the first call.</summary>
    private static ITrafficRouter CreateAwsAlb(CutoverPlan plan, AwsAlbOverrides aws, TimeProvider time) =>
        new AwsAlbRouter(plan.Traffic.AwsAlb!, new DeferredElbV2Client(AwsAlbConnection.For(plan.Traffic.AwsAlb!, aws.ProfileName, aws.Region), time), time, plan);
}
