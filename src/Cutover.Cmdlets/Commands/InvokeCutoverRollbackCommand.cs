using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Rollback;

namespace Cutover.Commands;

/// <summary>
/// Rolls a cutover back to green 100%: traffic first, verified; notifications sent alongside; then green
/// verified. Pipe a CutoverTrigger in to roll back for its reason.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "CutoverRollback", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(CutoverRollbackResult))]
public sealed class InvokeCutoverRollbackCommand : AwsAlbCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Reason { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? RunId { get; set; }

    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 30;

    protected override void ProcessRecord()
    {
        try
        {
            var aws = OverridesFor(Plan);
            if (!ShouldProcess(Plan.Traffic.TargetKey, $"Roll {Plan.Name} back: traffic to green 100% ({Reason})"))
                return;
            var secrets = PlanSecretResolver.Create(Plan, this, Redactor);
            var result = Run((host, ct) => RollbackRunner.RunAsync(Plan, secrets, Reason, RunId, TimeSpan.FromSeconds(TimeoutSec),
                aws, TimeProvider.System, host, ct));
            WriteObject(result);
        }
        catch (CutoverException e)
        {
            ThrowCutoverError(e, Plan);
        }
    }
}
