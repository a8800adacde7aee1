using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Traffic;

namespace Cutover.Commands;

/// <summary>Reads where traffic goes now, as the plan's provider reports it.</summary>
[Cmdlet(VerbsCommon.Get, "CutoverTrafficWeight")]
[OutputType(typeof(CutoverTrafficState))]
public sealed class GetCutoverTrafficWeightCommand : AwsAlbCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    protected override void ProcessRecord()
    {
        try
        {
            var secrets = PlanSecretResolver.Create(Plan, this, Redactor);
            var router = TrafficRouterFactory.Create(Plan, secrets, TimeProvider.System, OverridesFor(Plan));
            var state = Run((_, ct) => router.GetStateAsync(ct));
            WriteVerbose($"{state.Provider}: {state.Raw}");
            foreach (var warning in state.Warnings)
                WriteWarning(warning);
            WriteObject(state);
        }
        catch (CutoverException e)
        {
            WriteCutoverError(e, Plan);
        }
    }
}
