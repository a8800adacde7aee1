namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>
/// Opens the connection (resolves the credentials) on the first call and reuses it, so a router can be created
/// synchronously and without I/O. A failed opening is not cached: the next call tries again.
/// </summary>
public sealed class DeferredElbV2Client(AwsAlbConnection connection, TimeProvider time) : IElasticLoadBalancingV2
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IElasticLoadBalancingV2? _client;

    private async Task<IElasticLoadBalancingV2> ClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { } ready)
            return ready;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _client ??= await connection.OpenAsync(time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<ElbRule>> DescribeRulesAsync(IReadOnlyList<string> ruleArns, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken).ConfigureAwait(false)).DescribeRulesAsync(ruleArns, cancellationToken).ConfigureAwait(false);

    public async Task<ElbRule> ModifyRuleActionsAsync(string ruleArn, IReadOnlyList<ElbAction> actions, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken).ConfigureAwait(false)).ModifyRuleActionsAsync(ruleArn, actions, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ElbTargetHealthDescription>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken).ConfigureAwait(false)).DescribeTargetHealthAsync(targetGroupArn, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ElbTargetGroup>> DescribeTargetGroupsAsync(IReadOnlyList<string> targetGroupArns, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken).ConfigureAwait(false)).DescribeTargetGroupsAsync(targetGroupArns, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ElbAttribute>> DescribeTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken).ConfigureAwait(false)).DescribeTargetGroupAttributesAsync(targetGroupArn, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ElbAttribute>> ModifyTargetGroupAttributesAsync(string targetGroupArn, IReadOnlyList<ElbAttribute> attributes,
        CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken).ConfigureAwait(false)).ModifyTargetGroupAttributesAsync(targetGroupArn, attributes, cancellationToken)
            .ConfigureAwait(false);
}
