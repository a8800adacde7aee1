namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>A command's <c>-ProfileName</c> and <c>-Region</c>, which take precedence over the plan's for this call only.</summary>
public sealed record AwsAlbOverrides(string? ProfileName, string? Region)
{
    public static readonly AwsAlbOverrides None = new(null, null);

    public bool IsEmpty => ProfileName is null && Region is null;

    /// <summary>The overrides for a plan; given for a plan whose traffic does not go through an ALB, an error.</summary>
    public AwsAlbOverrides For(CutoverPlan plan) => IsEmpty || plan.Traffic.AwsAlb is not null
        ? this
        : throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.InvalidArgument,
            $"-ProfileName and -Region apply to plans whose traffic goes through an AWS ALB; the plan '{plan.Name}' routes traffic through {plan.Traffic.Provider}.",
            plan.Name, "Leave -ProfileName and -Region out for this plan.");
}
