using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Traffic.AwsAlb;

namespace Cutover.Commands;

/// <summary>Sets the connection draining (deregistration delay) of one side's ALB target group.</summary>
[Cmdlet(VerbsCommon.Set, "CutoverConnectionDraining", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(CutoverConnectionDraining))]
public sealed class SetCutoverConnectionDrainingCommand : AwsAlbCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public CutoverEnvironment Environment { get; set; }

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, AwsAlbConnectionDraining.MaxDelaySec)]
    public int DelaySec { get; set; }

    /// <summary>Close connections when the delay ends; <c>-ConnectionTermination:$false</c> turns it off; absent leaves it as it is.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter ConnectionTermination { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        bool? termination = MyInvocation.BoundParameters.ContainsKey(nameof(ConnectionTermination)) ? ConnectionTermination.IsPresent : null;
        try
        {
            var (alb, connection) = ConnectionFor(Plan);
            var arn = Environment == CutoverEnvironment.Blue ? alb.BlueTargetGroupArn : alb.GreenTargetGroupArn;
            var change = $"Set deregistration delay to {DelaySec} s{(termination is null ? "" : $" and connection termination {(termination.Value ? "on" : "off")}")}";
            if (!ShouldProcess($"{Environment} target group {arn}", change))
                return;
            var result = Run(async (host, ct) =>
                await new AwsAlbConnectionDraining(alb, await connection.OpenAsync(TimeProvider.System, ct).ConfigureAwait(false), TimeProvider.System, Plan)
                    .SetAsync(Environment, DelaySec, termination, host, ct).ConfigureAwait(false));
            if (PassThru)
                WriteObject(result);
        }
        catch (CutoverException e)
        {
            ThrowCutoverError(e, Plan.Name);
        }
    }
}
