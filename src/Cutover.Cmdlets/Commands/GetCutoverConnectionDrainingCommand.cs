using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Traffic.AwsAlb;

namespace Cutover.Commands;

/// <summary>Reads the connection draining (deregistration delay) of the plan's ALB target groups.</summary>
[Cmdlet(VerbsCommon.Get, "CutoverConnectionDraining")]
[OutputType(typeof(CutoverConnectionDraining))]
public sealed class GetCutoverConnectionDrainingCommand : AwsAlbCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    /// <summary>One side; both when absent.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    public CutoverEnvironment[]? Environment { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            var (alb, connection) = ConnectionFor(Plan);
            var results = Run(async (host, ct) =>
            {
                var draining = new AwsAlbConnectionDraining(alb, await connection.OpenAsync(TimeProvider.System, ct).ConfigureAwait(false), TimeProvider.System, Plan);
                var list = new List<CutoverConnectionDraining>();
                foreach (var environment in Environment ?? [CutoverEnvironment.Blue, CutoverEnvironment.Green])
                {
                    try
                    {
                        list.Add(await draining.GetAsync(environment, ct).ConfigureAwait(false));
                    }
                    catch (CutoverException e) when (e.ErrorId != CutoverErrorIds.AwsCredentialsUnavailable)
                    {
                        host.WriteError(e);
                    }
                }
                return list;
            });
            WriteObject(results, enumerateCollection: true);
        }
        catch (CutoverException e)
        {
            ThrowCutoverError(e, Plan.Name);
        }
    }
}
