using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Health;

namespace Cutover.Commands;

/// <summary>Runs the pre-cutover health checks concurrently: one result per check and environment, then the report.</summary>
[Cmdlet(VerbsDiagnostic.Test, "CutoverHealth")]
[OutputType(typeof(CutoverHealthResult), typeof(CutoverHealthReport))]
[OutputType(typeof(bool))]
public sealed class TestCutoverHealthCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public CutoverEnvironment[] Environment { get; set; } = [CutoverEnvironment.Blue, CutoverEnvironment.Green];

    [Parameter]
    public HealthCheckKind[]? Check { get; set; }

    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = HealthRunOptions.DefaultTimeoutSec;

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord()
    {
        var secrets = PlanSecretResolver.Create(Plan, this, Redactor);
        var options = new HealthRunOptions { Environments = Environment, Checks = Check, TimeoutSec = TimeoutSec, StreamResults = !Quiet };
        var report = Run((host, ct) => new HealthCheckRunner(Plan, secrets, TimeProvider.System).RunAsync(options, host, ct));
        WriteVerbose(report.ToString());
        WriteObject(Quiet ? report.Ready : report);
    }
}
