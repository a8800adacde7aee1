using System.Globalization;

namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>
/// Traffic through an AWS Application Load Balancer listener rule whose forward action weights the blue and green
/// target groups. Reads the rule, the targets' health and the target groups' health checks; refuses to send traffic
/// to a side without a healthy target; applies a split with one ModifyRule that keeps every other action.
/// </summary>
public sealed class AwsAlbRouter(AwsAlbPlan plan, IElasticLoadBalancingV2 elb, TimeProvider time, CutoverPlan? source = null) : ITrafficRouter
{
    private readonly AwsAlbPlan _plan = plan;
    private readonly IElasticLoadBalancingV2 _elb = elb;
    private readonly TimeProvider _time = time;
    private readonly CutoverPlan? _source = source;

    public TrafficProviderKind Provider => TrafficProviderKind.AwsAlb;

    public async Task<CutoverTrafficState> GetStateAsync(CancellationToken cancellationToken)
    {
        var rule = await ReadRuleAsync(cancellationToken).ConfigureAwait(false);
        var blueHealth = _elb.DescribeTargetHealthAsync(_plan.BlueTargetGroupArn, cancellationToken);
        var greenHealth = _elb.DescribeTargetHealthAsync(_plan.GreenTargetGroupArn, cancellationToken);
        var groups = _elb.DescribeTargetGroupsAsync([_plan.BlueTargetGroupArn, _plan.GreenTargetGroupArn], cancellationToken);
        await Task.WhenAll(blueHealth, greenHealth, groups).ConfigureAwait(false);

        var forward = AlbRuleEditor.ForwardAction(rule);
        var weights = AlbRuleEditor.Weights(forward);
        var total = weights.Sum(w => w.Weight);
        var blueWeight = weights.Where(w => w.Arn == _plan.BlueTargetGroupArn).Sum(w => w.Weight);
        var greenWeight = weights.Where(w => w.Arn == _plan.GreenTargetGroupArn).Sum(w => w.Weight);
        var warnings = new List<string>();
        if (total == 0)
            warnings.Add("Every target group of the forward action has weight 0: the rule forwards nowhere (clients get 503).");
        foreach (var other in weights.Where(w => w.Arn != _plan.BlueTargetGroupArn && w.Arn != _plan.GreenTargetGroupArn && w.Weight > 0))
            warnings.Add($"The forward action also sends {AlbWeightMapping.ToPercent(other.Weight, total)}% to {other.Arn}, which is neither blue nor green.");
        if (forward.ForwardConfig?.Stickiness is { Enabled: true } sticky)
            warnings.Add($"Target group stickiness is on ({sticky.DurationSeconds?.ToString(CultureInfo.InvariantCulture) ?? "?"} s): clients holding a " +
                "stickiness cookie stay on the target group they are on; only new clients follow the weights.");

        var targets = Targets(CutoverEnvironment.Blue, _plan.BlueTargetGroupArn, blueWeight, blueHealth.Result)
            .Concat(Targets(CutoverEnvironment.Green, _plan.GreenTargetGroupArn, greenWeight, greenHealth.Result)).ToList();
        var healthChecks = groups.Result.Select(g => HealthCheck(g)).OfType<TrafficHealthCheck>().ToList();
        foreach (var (environment, arn) in Sides().Where(s => healthChecks.All(h => h.Target != s.Arn)))
            warnings.Add($"DescribeTargetGroups did not return the {environment} target group {arn}.");

        return new CutoverTrafficState
        {
            Provider = TrafficProviderKind.AwsAlb,
            Blue = AlbWeightMapping.ToPercent(blueWeight, total) ?? 0,
            Green = AlbWeightMapping.ToPercent(greenWeight, total) ?? 0,
            Raw = string.Join(" ", weights.Select(w => $"{Name(w.Arn)}={w.Weight}"))
                + $" stickiness={(forward.ForwardConfig?.Stickiness is { Enabled: true } s ? $"{s.DurationSeconds}s" : "off")}",
            Targets = targets,
            Warnings = warnings,
            HealthChecks = healthChecks,
            ObservedAt = _time.GetUtcNow(),
            Plan = _source,
        };
    }

    public async Task EnsureCanApplyAsync(int bluePercent, CancellationToken cancellationToken)
    {
        var (blueWeight, greenWeight) = Weights(bluePercent);
        var rule = await ReadRuleAsync(cancellationToken).ConfigureAwait(false);
        AlbRuleEditor.WithWeights(rule, _plan.BlueTargetGroupArn, _plan.GreenTargetGroupArn, blueWeight, greenWeight);

        var receiving = Sides().Where(s => s.Environment == CutoverEnvironment.Blue ? bluePercent > 0 : bluePercent < 100).ToList();
        var health = await Task.WhenAll(receiving.Select(s => _elb.DescribeTargetHealthAsync(s.Arn, cancellationToken))).ConfigureAwait(false);
        var refusals = new List<string>();
        for (var i = 0; i < receiving.Count; i++)
        {
            if (health[i].Any(t => t.State == "healthy"))
                continue;
            var listed = health[i].Count == 0
                ? "no registered targets"
                : string.Join("; ", health[i].Select(t => $"{Endpoint(t)} {t.State}{(t.Reason is null ? "" : $" ({t.Reason})")}{(t.Description is null ? "" : $": {t.Description}")}"));
            refusals.Add($"{receiving[i].Environment} target group {Name(receiving[i].Arn)} has no healthy target: {listed}");
        }
        if (refusals.Count > 0)
            throw new CutoverException(CutoverErrorIds.TrafficRefusedUnhealthyTargets, CutoverErrorKind.InvalidOperation,
                $"Refusing to send {bluePercent}% to blue / {100 - bluePercent}% to green. {string.Join(". ", refusals)}.",
                _plan.ListenerRuleArn, "Fix the targets until the ALB reports them healthy (DescribeTargetHealth), then try again.");
    }

    public async Task ApplyAsync(int bluePercent, ICutoverHost host, CancellationToken cancellationToken)
    {
        var (blueWeight, greenWeight) = Weights(bluePercent);
        var rule = await ReadRuleAsync(cancellationToken).ConfigureAwait(false);
        var current = AlbRuleEditor.Weights(AlbRuleEditor.ForwardAction(rule));
        if (current.Count(w => w.Arn == _plan.BlueTargetGroupArn && w.Weight == blueWeight) == 1
            && current.Count(w => w.Arn == _plan.GreenTargetGroupArn && w.Weight == greenWeight) == 1
            && current.All(w => w.Arn == _plan.BlueTargetGroupArn || w.Arn == _plan.GreenTargetGroupArn || w.Weight == 0))
        {
            host.WriteVerbose($"ALB rule {_plan.ListenerRuleArn} already weights blue {blueWeight} / green {greenWeight}; nothing to change.");
            return;
        }

        var actions = AlbRuleEditor.WithWeights(rule, _plan.BlueTargetGroupArn, _plan.GreenTargetGroupArn, blueWeight, greenWeight);
        host.WriteVerbose($"ModifyRule {_plan.ListenerRuleArn}: blue weight {blueWeight}, green weight {greenWeight}, {actions.Count} action(s) sent back " +
            $"({string.Join(", ", actions.Select(a => a.Order is null ? a.Type : $"{a.Type}#{a.Order}"))}).");
        var modified = await _elb.ModifyRuleActionsAsync(_plan.ListenerRuleArn, actions, cancellationToken).ConfigureAwait(false);
        var after = AlbRuleEditor.Weights(AlbRuleEditor.ForwardAction(modified));
        if (!after.Contains((_plan.BlueTargetGroupArn, blueWeight)) || !after.Contains((_plan.GreenTargetGroupArn, greenWeight)))
            throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.InvalidData,
                $"ModifyRule answered weights {string.Join(", ", after.Select(w => $"{Name(w.Arn)}={w.Weight}"))}, not blue {blueWeight} / green {greenWeight}.",
                _plan.ListenerRuleArn);
        host.WriteInformation($"ALB rule {_plan.ListenerRuleArn}: blue {bluePercent}% / green {100 - bluePercent}%.", "Cutover", "Traffic", "AwsAlb");
    }

    private async Task<ElbRule> ReadRuleAsync(CancellationToken cancellationToken)
    {
        var rules = await _elb.DescribeRulesAsync([_plan.ListenerRuleArn], cancellationToken).ConfigureAwait(false);
        return rules.SingleOrDefault(r => r.RuleArn == _plan.ListenerRuleArn)
            ?? throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.ObjectNotFound,
                $"DescribeRules did not return the rule {_plan.ListenerRuleArn}.", _plan.ListenerRuleArn);
    }

    private static (int Blue, int Green) Weights(int bluePercent) =>
        bluePercent is < 0 or > 100
            ? throw new CutoverException(CutoverErrorIds.TrafficWeightUnsupported, CutoverErrorKind.InvalidArgument,
                $"{bluePercent}% is not a percentage (0..100).", bluePercent)
            : AlbWeightMapping.ToWeights(bluePercent);

    private IEnumerable<(CutoverEnvironment Environment, string Arn)> Sides() =>
        [(CutoverEnvironment.Blue, _plan.BlueTargetGroupArn), (CutoverEnvironment.Green, _plan.GreenTargetGroupArn)];

    private static IEnumerable<TrafficTargetDetail> Targets(CutoverEnvironment environment, string arn, int weight,
        IReadOnlyList<ElbTargetHealthDescription> health) =>
        health.Select(t => new TrafficTargetDetail
        {
            Environment = environment,
            Target = Endpoint(t),
            State = t.State,
            Detail = string.Join(" ", new[] { $"target group {Name(arn)}", t.Reason, t.Description }.Where(s => !string.IsNullOrEmpty(s))),
            Weight = weight,
        });

    private TrafficHealthCheck? HealthCheck(ElbTargetGroup group)
    {
        CutoverEnvironment? environment = group.TargetGroupArn == _plan.BlueTargetGroupArn ? CutoverEnvironment.Blue
            : group.TargetGroupArn == _plan.GreenTargetGroupArn ? CutoverEnvironment.Green : null;
        return environment is null ? null : new TrafficHealthCheck
        {
            Environment = environment.Value,
            Target = group.TargetGroupArn,
            Enabled = group.HealthCheckEnabled ?? true,
            Protocol = group.HealthCheckProtocol,
            Path = group.HealthCheckPath,
            Port = group.HealthCheckPort,
            TrafficPort = group.Port,
            HealthyThreshold = group.HealthyThresholdCount,
            UnhealthyThreshold = group.UnhealthyThresholdCount,
            IntervalSec = group.HealthCheckIntervalSeconds,
            TimeoutSec = group.HealthCheckTimeoutSeconds,
            Matcher = group.MatcherHttpCode,
        };
    }

    private static string Endpoint(ElbTargetHealthDescription t) => t.Port is null ? t.Id : $"{t.Id}:{t.Port}";

    /// <summary><c>…:targetgroup/blue-tg/73e2…</c> → <c>blue-tg</c>; anything else unchanged.</summary>
    private static string Name(string arn) =>
        arn.Split(':').Last().Split('/') is ["targetgroup", var name, _] ? name : arn;
}
