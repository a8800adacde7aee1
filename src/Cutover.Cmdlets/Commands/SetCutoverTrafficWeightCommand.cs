using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Traffic;

namespace Cutover.Commands;

/// <summary>Moves traffic to a blue/green split and returns once the provider reports it.</summary>
[Cmdlet(VerbsCommon.Set, "CutoverTrafficWeight", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[Alias("Set-TrafficWeight")]
[OutputType(typeof(CutoverTrafficState))]
public sealed class SetCutoverTrafficWeightCommand : AwsAlbCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateRange(0, 100)]
    public int Blue { get; set; }

    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 30;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            var secrets = PlanSecretResolver.Create(Plan, this, Redactor);
            var router = TrafficRouterFactory.Create(Plan, secrets, TimeProvider.System, OverridesFor(Plan));
            var current = Run((_, ct) => router.GetStateAsync(ct));
            var change = TrafficChangeDescription.Change(Plan.Traffic, current, Blue);
            if (!ShouldProcess(change, "Set traffic weight"))
                return;
            if (current.Warnings.Count > 0 && !TrafficSwitcher.Matches(current, Blue) && !Force &&
                !ShouldContinue($"{string.Join(" ", current.Warnings)} Change the traffic anyway?", change))
                return;
            var state = Run((host, ct) => new TrafficSwitcher(router, TimeProvider.System)
                .SwitchAsync(Blue, TimeSpan.FromSeconds(TimeoutSec), host, ct));
            if (PassThru)
                WriteObject(state);
        }
        catch (CutoverException e)
        {
            ThrowCutoverError(e, Plan);
        }
    }
}
