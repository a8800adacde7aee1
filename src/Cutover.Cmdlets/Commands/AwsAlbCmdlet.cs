using System.Management.Automation;
using Cutover.Engine.Traffic.AwsAlb;

namespace Cutover.Commands;

/// <summary>
/// The AWS parameters of the ALB commands, as AWS Tools names them: <c>-ProfileName</c> and <c>-Region</c>
/// override the plan's <c>Traffic.AwsAlb.ProfileName</c> and <c>Region</c>.
/// </summary>
public abstract class AwsAlbCmdlet : CutoverCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>The plan's ALB section and where to reach it; a plan routed by another provider is an error.</summary>
    protected (AwsAlbPlan Alb, AwsAlbConnection Connection) ConnectionFor(CutoverPlan plan)
    {
        var alb = AwsAlbConnection.AlbOf(plan);
        var connection = AwsAlbConnection.For(alb, ProfileName, Region);
        WriteVerbose($"Using {connection}.");
        return (alb, connection);
    }
}
