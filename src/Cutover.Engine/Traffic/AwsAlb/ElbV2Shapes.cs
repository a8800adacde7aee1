namespace Cutover.Engine.Traffic.AwsAlb;

// The ELBv2 shapes Cutover reads and writes, named as in the 2015-12-01 service model. Members of the
// model that Cutover does not need are not represented; unknown elements of newer models are ignored.

/// <summary>A listener rule. <see cref="Priority"/> is a string in the API: "10" or "default".</summary>
public sealed record ElbRule(string RuleArn, string? Priority, bool IsDefault, IReadOnlyList<ElbAction> Actions);

/// <summary>
/// A rule action. Forward actions carry <see cref="ForwardConfig"/>; every other configuration the 2015-12-01 model
/// knows (redirect, fixed-response, authenticate-oidc, authenticate-cognito) is kept verbatim in <see cref="Configs"/>
/// so the action can be sent back unchanged.
/// </summary>
public sealed record ElbAction(string Type, int? Order = null, string? TargetGroupArn = null, ElbForwardConfig? ForwardConfig = null,
    IReadOnlyList<ElbActionConfig>? Configs = null)
{
    public IReadOnlyList<ElbActionConfig> Configs { get; init; } = Configs ?? [];
}

public sealed record ElbForwardConfig(IReadOnlyList<ElbTargetGroupTuple> TargetGroups, ElbStickinessConfig? Stickiness);

/// <summary>A weighted target group; the API's weight range is 0..999 and a missing weight means 1.</summary>
public sealed record ElbTargetGroupTuple(string TargetGroupArn, int? Weight);

public sealed record ElbStickinessConfig(bool Enabled, int? DurationSeconds);

/// <summary>
/// A non-forward action configuration (<see cref="Name"/> e.g. <c>AuthenticateOidcConfig</c>): its scalar members,
/// and the <c>AuthenticationRequestExtraParams</c> map of the authenticate actions.
/// </summary>
public sealed record ElbActionConfig(string Name, IReadOnlyDictionary<string, string> Members,
    IReadOnlyDictionary<string, string>? ExtraParams = null);

public sealed record ElbTargetHealthDescription(string Id, int? Port, string? AvailabilityZone, string? HealthCheckPort,
    string State, string? Reason, string? Description);

public sealed record ElbTargetGroup(
    string TargetGroupArn,
    string? TargetGroupName,
    string? Protocol,
    int? Port,
    string? TargetType,
    bool? HealthCheckEnabled,
    string? HealthCheckProtocol,
    string? HealthCheckPort,
    string? HealthCheckPath,
    int? HealthCheckIntervalSeconds,
    int? HealthCheckTimeoutSeconds,
    int? HealthyThresholdCount,
    int? UnhealthyThresholdCount,
    string? MatcherHttpCode);

public sealed record ElbAttribute(string Key, string Value);
