using System.Management.Automation;
using Cutover.Engine.Traffic.AwsAlb;

namespace Cutover.Commands;

/// <summary>
/// The AWS parameters of the commands that reach an ALB, as AWS Tools names them: <c>-ProfileName</c> and <c>-Region</c>
/// override the plan's <c>Traffic.AwsAlb.ProfileName</c> and <c>Region</c> for this call.
/// </summary>
public abstract class AwsAlbCmdlet : CutoverCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>The overrides for the plan; given for a plan routed by another provider, an error naming them.</summary>
    protected AwsAlbOverrides OverridesFor(CutoverPlan plan) => new AwsAlbOverrides(ProfileName, Region).For(plan);

    /// <summary>The plan's ALB section and where to reach it; a plan routed by another provider is an error.</summary>
    protected (AwsAlbPlan Alb, AwsAlbConnection Connection) ConnectionFor(CutoverPlan plan)
    {
        var alb = AwsAlbConnection.AlbOf(plan);
        var connection = AwsAlbConnection.For(alb, ProfileName, Region);
        WriteVerbose($"Using {connection}.");
        return (alb, connection);
    }
}
