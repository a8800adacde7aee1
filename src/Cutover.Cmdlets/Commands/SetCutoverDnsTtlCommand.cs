using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Traffic.Dns;

namespace Cutover.Commands;

/// <summary>Rewrites the plan's DNS record with the same address and a new TTL, verified on every nameserver.</summary>
[Cmdlet(VerbsCommon.Set, "CutoverDnsTtl", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = TtlSet)]
[OutputType(typeof(CutoverTrafficState))]
public sealed class SetCutoverDnsTtlCommand : CutoverCmdlet
{
    private const string TtlSet = "TtlSec";
    private const string CutoverSet = "Cutover";
    private const string NormalSet = "Normal";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = TtlSet)]
    [ValidateRange(1, 604800)]
    public int TtlSec { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = CutoverSet)]
    public SwitchParameter Cutover { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = NormalSet)]
    public SwitchParameter Normal { get; set; }

    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 30;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            var secrets = PlanSecretResolver.Create(Plan, this, Redactor);
            var changer = new DnsTtlChanger(Plan, secrets, TimeProvider.System);
            var dns = Plan.Traffic.Dns!;
            var ttl = ParameterSetName switch { CutoverSet => dns.CutoverTtlSec, NormalSet => dns.NormalTtlSec, _ => TtlSec };
            var current = Run((_, ct) => changer.GetStateAsync(ct));
            if (!ShouldProcess($"dns {dns.Record}: {DnsTtlChanger.DescribeTtl(current)} → TTL {ttl}s", "Set DNS TTL"))
                return;
            var state = Run((host, ct) => changer.SetTtlAsync(ttl, TimeSpan.FromSeconds(TimeoutSec), host, ct));
            if (PassThru)
                WriteObject(state);
        }
        catch (CutoverException e)
        {
            ThrowCutoverError(e, Plan);
        }
    }
}
