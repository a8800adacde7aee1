using Cutover.Engine.Http;

namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>
/// Where and as whom to call ELBv2 for a plan: the profile and region of the plan (<c>Traffic.AwsAlb.ProfileName</c>,
/// <c>Region</c>) unless a cmdlet parameter overrides them, and the endpoint: the plan's <c>EndpointUrl</c>, else
/// <c>AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2</c>, else the region's public endpoint.
/// </summary>
public sealed record AwsAlbConnection(string Region, string? ProfileName, Uri Endpoint)
{
    public const string EndpointVariable = "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2";

    /// <summary>The plan's ALB settings; a plan routed by another provider is an error.</summary>
    public static AwsAlbPlan AlbOf(CutoverPlan plan) =>
        plan.Traffic.AwsAlb ?? throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.InvalidArgument,
            $"The plan '{plan.Name}' routes traffic through {plan.Traffic.Provider}, not an AWS ALB.", plan.Name,
            "Use a plan with a Traffic.AwsAlb section.");

    public static AwsAlbConnection For(AwsAlbPlan plan, string? profileName = null, string? region = null)
    {
        var effectiveRegion = string.IsNullOrWhiteSpace(region) ? plan.Region : region;
        var endpoint = plan.EndpointUrl
            ?? (Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } url ? new Uri(url) : ElbV2QueryClient.DefaultEndpoint(effectiveRegion));
        return new AwsAlbConnection(effectiveRegion, string.IsNullOrWhiteSpace(profileName) ? plan.ProfileName : profileName, endpoint);
    }

    /// <summary>Resolves the credentials (a named profile that cannot be loaded fails) and returns a client.</summary>
    public async Task<IElasticLoadBalancingV2> OpenAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var credentials = await AwsCredentialResolver.ResolveAsync(ProfileName, SecretRedactor.Global, cancellationToken).ConfigureAwait(false);
        return new ElbV2QueryClient(Endpoint, Region, credentials, SharedHttpClients.For(Endpoint), time);
    }

    public override string ToString() => $"ELBv2 {Endpoint} ({Region}, {(ProfileName is null ? "default credential chain" : $"profile '{ProfileName}'")})";
}
