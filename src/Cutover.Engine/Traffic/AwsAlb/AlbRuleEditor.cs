namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>
/// Finds the weighted forward action of a rule and rewrites only its blue and green weights. ModifyRule replaces
/// the whole action list, so every other action (authenticate-*, redirect, fixed-response) is returned unchanged
/// with its Order, as are the stickiness settings and any other target group of the forward action.
/// </summary>
public static class AlbRuleEditor
{
    /// <summary>Target groups per forward action (the ALB quota).</summary>
    public const int MaxTargetGroups = 5;

    private static readonly HashSet<string> KnownActionTypes =
        ["forward", "authenticate-oidc", "authenticate-cognito", "redirect", "fixed-response"];

    public static ElbAction ForwardAction(ElbRule rule) =>
        rule.Actions.SingleOrDefault(a => a.Type == "forward")
        ?? throw new CutoverException(CutoverErrorIds.TrafficWeightUnsupported, CutoverErrorKind.InvalidData,
            $"The rule {rule.RuleArn} has {rule.Actions.Count(a => a.Type == "forward")} forward actions; exactly one is needed to weight blue and green.",
            rule.RuleArn, "Point Traffic.AwsAlb.ListenerRuleArn at the rule that forwards to the blue and green target groups.");

    /// <summary>The forward action's target groups with their effective weights (a missing weight is 1).</summary>
    public static IReadOnlyList<(string Arn, int Weight)> Weights(ElbAction forward) =>
        forward.ForwardConfig is { } config
            ? config.TargetGroups.Select(t => (t.TargetGroupArn, t.Weight ?? 1)).ToList()
            : forward.TargetGroupArn is { } arn ? [(arn, 1)] : [];

    /// <summary>The rule's actions with the blue and green weights set; throws when the rule cannot be sent back faithfully.</summary>
    public static IReadOnlyList<ElbAction> WithWeights(ElbRule rule, string blueArn, string greenArn, int blueWeight, int greenWeight)
    {
        foreach (var weight in new[] { blueWeight, greenWeight })
        {
            if (weight is < 0 or > AlbWeightMapping.MaxWeight)
                throw new ArgumentOutOfRangeException(nameof(blueWeight), weight, $"An ALB weight is 0..{AlbWeightMapping.MaxWeight}.");
        }
        if (rule.Actions.FirstOrDefault(a => !KnownActionTypes.Contains(a.Type)) is { } unknown)
            throw new CutoverException(CutoverErrorIds.TrafficWeightUnsupported, CutoverErrorKind.NotImplemented,
                $"The rule {rule.RuleArn} has a '{unknown.Type}' action, which this client cannot send back unchanged; the rule was not modified.",
                rule.RuleArn, "Change the weights with the AWS console or CLI, or remove that action.");

        var forward = ForwardAction(rule);
        var tuples = Weights(forward).ToList();
        var others = tuples.Where(t => t.Arn != blueArn && t.Arn != greenArn).ToList();
        if (others.FirstOrDefault(t => t.Weight > 0) is { Arn: not null } busy)
            throw new CutoverException(CutoverErrorIds.TrafficWeightUnsupported, CutoverErrorKind.InvalidOperation,
                $"The forward action also sends traffic to {busy.Arn} (weight {busy.Weight}); blue/green percentages would not hold.",
                rule.RuleArn, "Set that target group's weight to 0 first.");

        // Blue and green keep their positions; a side not yet in the action is appended.
        var updated = tuples.Select(t => (t.Arn, Weight: t.Arn == blueArn ? blueWeight : t.Arn == greenArn ? greenWeight : t.Weight)).ToList();
        if (!updated.Any(t => t.Arn == greenArn))
            updated.Add((greenArn, greenWeight));
        if (!updated.Any(t => t.Arn == blueArn))
            updated.Add((blueArn, blueWeight));
        if (updated.Count > MaxTargetGroups)
            throw new CutoverException(CutoverErrorIds.TrafficWeightUnsupported, CutoverErrorKind.InvalidOperation,
                $"The forward action would have {updated.Count} target groups; an ALB forward action takes at most {MaxTargetGroups}.",
                rule.RuleArn, "Remove unused target groups from the rule's forward action.");

        var newForward = forward with
        {
            TargetGroupArn = null,
            ForwardConfig = new ElbForwardConfig(updated.Select(t => new ElbTargetGroupTuple(t.Arn, t.Weight)).ToList(),
                forward.ForwardConfig?.Stickiness),
        };
        return rule.Actions.Select(a => ReferenceEquals(a, forward) ? newForward : a).ToList();
    }
}
