namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>
/// The ELBv2 operations Cutover uses, in the terms of the AWS API (2015-12-01). <see cref="ElbV2QueryClient"/>
/// implements it over AWSSDK.Core's credentials and SigV4 signer; an adapter over the official
/// AWSSDK.ElasticLoadBalancingV2 client could replace it without touching the router.
/// Failures are <see cref="AwsServiceException"/>s (the service's error code) or <see cref="CutoverException"/>s.
/// </summary>
public interface IElasticLoadBalancingV2
{
    Task<IReadOnlyList<ElbRule>> DescribeRulesAsync(IReadOnlyList<string> ruleArns, CancellationToken cancellationToken);

    /// <summary>Replaces the rule's whole action list with <paramref name="actions"/>; conditions are left as they are.</summary>
    Task<ElbRule> ModifyRuleActionsAsync(string ruleArn, IReadOnlyList<ElbAction> actions, CancellationToken cancellationToken);

    Task<IReadOnlyList<ElbTargetHealthDescription>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken);

    Task<IReadOnlyList<ElbTargetGroup>> DescribeTargetGroupsAsync(IReadOnlyList<string> targetGroupArns, CancellationToken cancellationToken);

    Task<IReadOnlyList<ElbAttribute>> DescribeTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken);

    Task<IReadOnlyList<ElbAttribute>> ModifyTargetGroupAttributesAsync(string targetGroupArn, IReadOnlyList<ElbAttribute> attributes,
        CancellationToken cancellationToken);
}
