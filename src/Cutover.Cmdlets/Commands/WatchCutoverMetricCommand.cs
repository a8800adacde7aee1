using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Journal;
using Cutover.Engine.Watch;

namespace Cutover.Commands;

/// <summary>
/// Samples Prometheus, the app's health endpoint and the database every interval, writes one sample per
/// environment as it happens and a trigger when a rollback condition holds; with -AutoRollback the
/// rollback starts at once.
/// </summary>
[Cmdlet(VerbsCommon.Watch, "CutoverMetric", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[Alias("Watch-CutoverMetrics")]
[OutputType(typeof(CutoverMetricSample), typeof(CutoverTrigger), typeof(CutoverRollbackResult))]
public sealed class WatchCutoverMetricCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public CutoverEnvironment[] Environment { get; set; } = [CutoverEnvironment.Blue];

    [Parameter]
    [ValidateRange(1, 86400)]
    public int DurationSec { get; set; } = 1800;

    [Parameter]
    [ValidateRange(1, 3600)]
    public int IntervalSec { get; set; } = 5;

    [Parameter]
    public CutoverBaseline? Baseline { get; set; }

    [Parameter]
    public SwitchParameter AutoRollback { get; set; }

    [Parameter]
    public SwitchParameter Continue { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? RunId { get; set; }

    /// <summary>The most one reading may take. Default 5 s.</summary>
    [Parameter]
    [ValidateRange(1, 60)]
    public int TimeoutSec { get; set; } = 5;

    protected override void ProcessRecord()
    {
        try
        {
            if (DurationSec < IntervalSec)
                throw new CutoverException(CutoverErrorIds.PlanInvalid, CutoverErrorKind.InvalidArgument,
                    $"-DurationSec {DurationSec} is shorter than -IntervalSec {IntervalSec}.", DurationSec, "Watch for at least one interval.");
            var autoRollback = AutoRollback.IsPresent &&
                ShouldProcess(Plan.Traffic.TargetKey, $"Roll {Plan.Name} back to green 100% automatically when a trigger fires");
            if (AutoRollback && !autoRollback)
                WriteVerbose("-AutoRollback declined: triggers are reported, no rollback starts.");
            var secrets = PlanSecretResolver.Create(Plan, this, Redactor);
            var time = TimeProvider.System;
            var timeout = TimeSpan.FromSeconds(TimeoutSec);
            var options = new WatchOptions
            {
                Environments = Environment.Distinct().ToArray(),
                Duration = TimeSpan.FromSeconds(DurationSec),
                Interval = TimeSpan.FromSeconds(IntervalSec),
                Continue = Continue,
                RunId = RunId,
                Baseline = Baseline,
            };
            Run(async (host, ct) =>
            {
                await using var source = new PrometheusWatchSource(Plan, options.Environments, secrets, timeout, time);
                using var journal = RunId is null ? null : new JournalWatchRecorder(JournalWriter.Open(Plan, RunId, time));
                var watcher = new MetricWatcher(Plan, source, time, journal);
                return await watcher.RunAsync(options, host, autoRollback ? RollbackOnTrigger(secrets, host) : null, ct).ConfigureAwait(false);
            });
        }
        catch (CutoverException e)
        {
            ThrowCutoverError(e, Plan);
        }
    }

    private Func<CutoverTrigger, CancellationToken, Task> RollbackOnTrigger(ISecretResolver secrets, ICutoverHost host) =>
        async (trigger, ct) =>
        {
            host.WriteWarning($"-AutoRollback: rolling {Plan.Name} back to green now ({trigger.Reason}).");
            var result = await Engine.Rollback.RollbackRunner.RunAsync(Plan, secrets, trigger.Reason, RunId, null, null, TimeProvider.System, host, ct).ConfigureAwait(false);
            host.WriteObject(result);
        };
}
