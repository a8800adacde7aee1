using Cutover.Engine.Watch.Triggers;

namespace Cutover.Engine.Watch;

/// <summary>
/// Samples on the interval's boundaries of the injected clock's monotonic time, the last one exactly at the end of
/// the duration; emits one sample per environment as it happens, evaluates the triggers and stops at the first one
/// that fires (unless Continue).
/// </summary>
public sealed class MetricWatcher
{
    private const int ProgressId = 4100;

    private readonly CutoverPlan _plan;
    private readonly IWatchSource _source;
    private readonly TimeProvider _time;
    private readonly IWatchRecorder? _recorder;

    public MetricWatcher(CutoverPlan plan, IWatchSource source, TimeProvider time, IWatchRecorder? recorder = null)
    {
        _plan = plan;
        _source = source;
        _time = time;
        _recorder = recorder;
    }

    /// <summary>
    /// Watches and returns the triggers that fired (empty when the watch ran its duration clean).
    /// <paramref name="onTrigger"/> runs for each fired trigger before the watch ends (the auto-rollback).
    /// </summary>
    public async Task<IReadOnlyList<CutoverTrigger>> RunAsync(WatchOptions options, ICutoverHost host,
        Func<CutoverTrigger, CancellationToken, Task>? onTrigger, CancellationToken cancellationToken)
    {
        options.Validate();
        var evaluators = TriggerSet.ForPlan(_plan, options.Baseline, host);
        host.WriteVerbose($"Watching {string.Join(", ", options.Environments)} of {_plan.Name} every {options.Interval.TotalSeconds:0.###}s for " +
            $"{options.Duration.TotalSeconds:0.###}s; triggers: {string.Join("; ", evaluators.Select(e => e.Condition))}.");
        var fired = new List<CutoverTrigger>();
        var startedTimestamp = _time.GetTimestamp();
        var verdict = "no sample yet";
        var due = TimeSpan.Zero;
        try
        {
            for (var sequence = 1; ; sequence++)
            {
                if (sequence > 1)
                {
                    due = NextSampleDue(options, due, _time.GetElapsedTime(startedTimestamp));
                    await WaitUntilAsync(startedTimestamp, due, cancellationToken).ConfigureAwait(false);
                }
                var now = _time.GetUtcNow();
                var elapsed = _time.GetElapsedTime(startedTimestamp);
                var tick = await SampleAsync(options, sequence, now, elapsed, host, cancellationToken).ConfigureAwait(false);
                var triggers = evaluators.SelectMany(e => e.Evaluate(tick)).Select(Stamp(options)).ToList();
                verdict = triggers.Count > 0 ? $"TRIGGER {triggers[0].Name}" : Summary(tick);
                Progress(host, options, elapsed, verdict, completed: false);
                foreach (var trigger in triggers)
                {
                    host.WriteWarning($"Rollback trigger fired: {trigger.Reason}");
                    host.WriteInformation($"Trigger {trigger.Name} fired: {trigger.Reason}", "Audit", "Trigger");
                    _recorder?.RecordTrigger(trigger);
                    host.WriteObject(trigger);
                    fired.Add(trigger);
                    if (onTrigger is not null)
                        await onTrigger(trigger, cancellationToken).ConfigureAwait(false);
                }
                if (triggers.Count > 0 && !options.Continue)
                    break;
                if (elapsed >= options.Duration)
                    break;
            }
        }
        finally
        {
            Progress(host, options, _time.GetElapsedTime(startedTimestamp), verdict, completed: true);
        }
        var ran = _time.GetElapsedTime(startedTimestamp).TotalSeconds;
        host.WriteVerbose(fired.Count == 0
            ? $"The watch ended after {ran:0.#}s with no trigger."
            : $"The watch ended after {ran:0.#}s; {fired.Count} trigger(s) fired.");
        return fired;
    }

    /// <summary>
    /// When the next sample is due: one interval after the last one was due, on the interval's boundaries; a sample that
    /// overran makes the next one due at once and skips the boundaries it missed. The final sample is due exactly at the end.
    /// </summary>
    private static TimeSpan NextSampleDue(WatchOptions options, TimeSpan previousDue, TimeSpan elapsed)
    {
        var due = previousDue + options.Interval;
        if (elapsed > due)
            due = options.Interval * Math.Floor(elapsed / options.Interval);
        return due < options.Duration ? due : options.Duration;
    }

    /// <summary>
    /// Waits on the monotonic clock until <paramref name="due"/> has elapsed since the start. Timers may fire a little early,
    /// so it waits again for what is left; a sample that overran its interval makes the next one due at once.
    /// </summary>
    private async Task WaitUntilAsync(long startedTimestamp, TimeSpan due, CancellationToken cancellationToken)
    {
        TimeSpan remaining;
        while ((remaining = due - _time.GetElapsedTime(startedTimestamp)) > TimeSpan.Zero)
            await Task.Delay(remaining, _time, cancellationToken).ConfigureAwait(false);
    }

    private async Task<WatchTick> SampleAsync(WatchOptions options, int sequence, DateTimeOffset now, TimeSpan elapsed,
        ICutoverHost host, CancellationToken cancellationToken)
    {
        var alerts = _source.ReadAlertsAsync(cancellationToken);
        var readings = options.Environments.Select(e => _source.ReadAsync(e, cancellationToken)).ToArray();
        await Task.WhenAll(readings).ConfigureAwait(false);
        var observations = new List<WatchObservation>();
        foreach (var reading in readings.Select(r => r.Result))
        {
            var observation = SampleJudge.Judge(_plan, reading);
            observations.Add(observation);
            var sample = SampleJudge.ToSample(_plan, options.RunId, sequence, now, elapsed, reading, observation);
            _recorder?.RecordSample(sample);
            host.WriteObject(sample);
            if (sample.Verdict != HealthStatus.Pass)
                host.WriteVerbose($"Sample {sequence} {reading.Environment}: {sample.Verdict}: {sample.Reasons}");
        }
        return new WatchTick(now, observations, await alerts.ConfigureAwait(false));
    }

    private Func<FiredTrigger, CutoverTrigger> Stamp(WatchOptions options) => f => new CutoverTrigger
    {
        Name = f.Kind,
        Condition = f.Condition,
        Environment = f.Environment,
        Observed = f.Observed,
        Since = f.Since,
        FiredAt = f.FiredAt,
        FromUnknown = f.FromUnknown,
        Reason = f.Reason,
        Plan = _plan,
        RunId = options.RunId,
    };

    private static string Summary(WatchTick tick) =>
        string.Join(", ", tick.Environments.Select(o => $"{o.Environment} {SampleJudge.Worst([o.ErrorRatio.Status, o.P95Ms.Status, o.CpuRatio.Status, o.MemoryRatio.Status, o.Database.Status, o.Health.Status, o.ReplicationLagSec.Status])}"))
        + (tick.Alerts.IsKnown ? "" : ", alerts Unknown");

    private static void Progress(ICutoverHost host, WatchOptions options, TimeSpan elapsed, string verdict, bool completed)
    {
        var remaining = options.Duration - elapsed;
        if (remaining < TimeSpan.Zero)
            remaining = TimeSpan.Zero;
        var percent = (int)Math.Clamp(elapsed.TotalSeconds * 100 / options.Duration.TotalSeconds, 0, 100);
        host.WriteProgress(new CutoverProgress(ProgressId, "Watching cutover metrics",
            $"elapsed {elapsed:hh\\:mm\\:ss}, remaining {remaining:hh\\:mm\\:ss}: {verdict}", percent, (int)remaining.TotalSeconds,
            Completed: completed));
    }
}
