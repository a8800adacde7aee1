using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Locking;

namespace Cutover.Commands;

/// <summary>Shows who holds the lock on a plan's traffic target, if anyone; reads only.</summary>
[Cmdlet(VerbsCommon.Get, "CutoverLock")]
[OutputType(typeof(CutoverLockState))]
public sealed class GetCutoverLockCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    protected override void ProcessRecord()
    {
        var secrets = PlanSecretResolver.Create(Plan, this, Redactor);
        try
        {
            var state = Run(async (host, ct) =>
            {
                var (cutoverLock, connection) = await CutoverLocks.ForPlanAsync(Plan, secrets, TimeProvider.System).ConfigureAwait(false);
                try
                {
                    return await cutoverLock.GetStateAsync(ct).ConfigureAwait(false);
                }
                finally
                {
                    if (connection is not null)
                        await connection.DisposeAsync().ConfigureAwait(false);
                }
            });
            WriteVerbose(state.IsHeld ? $"{state.Location}: held by {state.Holder}." : $"{state.Location}: free.");
            WriteObject(new CutoverLockState
            {
                Key = state.Key, Backend = state.Backend, Location = state.Location, IsHeld = state.IsHeld,
                Holder = state.Holder, IsStale = state.IsStale, Plan = Plan.Name,
            });
        }
        catch (CutoverException e)
        {
            WriteCutoverError(e, Plan.Name);
        }
    }
}
