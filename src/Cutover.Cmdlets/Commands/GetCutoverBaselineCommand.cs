using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Baselines;
using Cutover.Engine.Monitoring;

namespace Cutover.Commands;

/// <summary>Measures an environment's traffic, errors, latency, database, cache, queues, replication and resources before the switch.</summary>
[Cmdlet(VerbsCommon.Get, "CutoverBaseline")]
[OutputType(typeof(CutoverBaseline))]
public sealed class GetCutoverBaselineCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public CutoverEnvironment Environment { get; set; } = CutoverEnvironment.Green;

    [Parameter]
    [ValidateRange(1, 86400)]
    public int WindowSec { get; set; } = 300;

    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 10;

    protected override void ProcessRecord()
    {
        var secrets = PlanSecretResolver.Create(Plan, this, Redactor);
        var timeout = TimeSpan.FromSeconds(TimeoutSec);
        var metrics = new PrometheusClient(Plan.Monitoring.PrometheusUrl, TimeProvider.System, timeout);
        var baseline = Run((host, ct) => new BaselineCollector(Plan, secrets, metrics, TimeProvider.System).CollectAsync(Environment, TimeSpan.FromSeconds(WindowSec), timeout, host, ct));
        WriteObject(baseline);
    }
}
