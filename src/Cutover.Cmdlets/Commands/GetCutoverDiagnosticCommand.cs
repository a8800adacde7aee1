using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Diagnostics;
using Cutover.Engine.Monitoring;

namespace Cutover.Commands;

/// <summary>
/// The procedure's "Common Issues &amp; Solutions" investigation of one environment in one object: connections, slow
/// statements, replication on both sides, queues, cache, and the app's recent error ratio, P95 and memory series.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CutoverDiagnostic")]
[OutputType(typeof(CutoverDiagnostic))]
public sealed class GetCutoverDiagnosticCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public CutoverEnvironment Environment { get; set; } = CutoverEnvironment.Green;

    [Parameter]
    [ValidateRange(60, 86400)]
    public int RangeSec { get; set; } = 900;

    [Parameter]
    [ValidateRange(1, 100)]
    public int Top { get; set; } = 10;

    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 10;

    protected override void ProcessRecord()
    {
        var secrets = PlanSecretResolver.Create(Plan, this, Redactor);
        var metrics = new PrometheusClient(Plan.Monitoring.PrometheusUrl, TimeProvider.System, TimeSpan.FromSeconds(TimeoutSec));
        var options = new DiagnosticOptions { RangeSec = RangeSec, Top = Top, TimeoutSec = TimeoutSec };
        var diagnostic = Run((host, ct) => new DiagnosticCollector(Plan, secrets, metrics, TimeProvider.System).CollectAsync(Environment, options, host, ct));
        WriteObject(diagnostic);
    }
}
