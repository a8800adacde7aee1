using System.Globalization;

namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>
/// Connection draining of the blue and green target groups: the <c>deregistration_delay.timeout_seconds</c> and
/// <c>deregistration_delay.connection_termination.enabled</c> attributes, read and set idempotently.
/// </summary>
public sealed class AwsAlbConnectionDraining(AwsAlbPlan plan, IElasticLoadBalancingV2 elb, TimeProvider time, CutoverPlan? source = null)
{
    public const string DelayKey = "deregistration_delay.timeout_seconds";
    public const string TerminationKey = "deregistration_delay.connection_termination.enabled";
    public const int MaxDelaySec = 3600;

    private readonly AwsAlbPlan _plan = plan;
    private readonly IElasticLoadBalancingV2 _elb = elb;
    private readonly TimeProvider _time = time;
    private readonly CutoverPlan? _source = source;

    public string TargetGroupArn(CutoverEnvironment environment) =>
        environment == CutoverEnvironment.Blue ? _plan.BlueTargetGroupArn : _plan.GreenTargetGroupArn;

    public async Task<CutoverConnectionDraining> GetAsync(CutoverEnvironment environment, CancellationToken cancellationToken)
    {
        var arn = TargetGroupArn(environment);
        return Read(environment, arn, await _elb.DescribeTargetGroupAttributesAsync(arn, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Sets the delay, and the termination flag when given; changes nothing when both already hold.</summary>
    public async Task<CutoverConnectionDraining> SetAsync(CutoverEnvironment environment, int delaySec, bool? connectionTermination,
        ICutoverHost host, CancellationToken cancellationToken)
    {
        if (delaySec is < 0 or > MaxDelaySec)
            throw new CutoverException(CutoverErrorIds.TrafficWeightUnsupported, CutoverErrorKind.InvalidArgument,
                $"A deregistration delay is 0..{MaxDelaySec} s, not {delaySec}.", delaySec);
        var current = await GetAsync(environment, cancellationToken).ConfigureAwait(false);
        if (current.DelaySec == delaySec && (connectionTermination is null || current.ConnectionTermination == connectionTermination))
        {
            host.WriteVerbose($"{environment} target group already drains for {delaySec} s (termination {(current.ConnectionTermination ? "on" : "off")}); nothing to change.");
            return current;
        }

        var attributes = new List<ElbAttribute> { new(DelayKey, delaySec.ToString(CultureInfo.InvariantCulture)) };
        if (connectionTermination is { } terminate)
            attributes.Add(new(TerminationKey, terminate ? "true" : "false"));
        host.WriteVerbose($"ModifyTargetGroupAttributes {current.TargetGroupArn}: {string.Join(", ", attributes.Select(a => $"{a.Key}={a.Value}"))}.");
        var answered = await _elb.ModifyTargetGroupAttributesAsync(current.TargetGroupArn, attributes, cancellationToken).ConfigureAwait(false);
        // The model only promises "information about the attributes"; read them again when the answer lacks ours.
        var after = answered.Any(a => a.Key == DelayKey) && answered.Any(a => a.Key == TerminationKey)
            ? Read(environment, current.TargetGroupArn, answered)
            : await GetAsync(environment, cancellationToken).ConfigureAwait(false);
        host.WriteInformation($"{environment} target group {current.TargetGroupArn}: deregistration delay {after.DelaySec} s, " +
            $"connection termination {(after.ConnectionTermination ? "on" : "off")}.", "Cutover", "AwsAlb", "ConnectionDraining");
        return after;
    }

    private CutoverConnectionDraining Read(CutoverEnvironment environment, string arn, IReadOnlyList<ElbAttribute> attributes)
    {
        var delay = attributes.FirstOrDefault(a => a.Key == DelayKey)?.Value;
        var termination = attributes.FirstOrDefault(a => a.Key == TerminationKey)?.Value;
        if (!int.TryParse(delay, NumberStyles.Integer, CultureInfo.InvariantCulture, out var delaySec) || !bool.TryParse(termination, out var terminate))
            throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.InvalidData,
                $"The target group {arn} reports {DelayKey}='{delay ?? "(absent)"}' and {TerminationKey}='{termination ?? "(absent)"}'; both are needed.",
                arn, "Lambda target groups have no deregistration delay; check the plan's target group ARNs.");
        return new CutoverConnectionDraining
        {
            Environment = environment,
            TargetGroupArn = arn,
            DelaySec = delaySec,
            ConnectionTermination = terminate,
            ObservedAt = _time.GetUtcNow(),
            Plan = _source,
        };
    }
}
