namespace Cutover.Engine.Health;

/// <summary>
/// Runs the selected checks concurrently, each with its own timeout, writes each result as it completes
/// and returns the report. A check that cannot run, throws or times out is Unknown with the reason.
/// </summary>
public sealed class HealthCheckRunner(CutoverPlan plan, ISecretResolver secrets, TimeProvider time, IReadOnlyList<IHealthCheck>? checks = null)
{
    private const int ProgressId = 4100;
    private readonly IReadOnlyList<IHealthCheck> _checks = checks ?? HealthChecks.Default(time);

    public async Task<CutoverHealthReport> RunAsync(HealthRunOptions options, ICutoverHost host, CancellationToken cancellationToken)
    {
        try
        {
            return await RunChecksAsync(options, host, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Checks that hold connections for the run (one PostgreSQL connection per database) close them.
            foreach (var disposable in _checks.OfType<IAsyncDisposable>())
                await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<CutoverHealthReport> RunChecksAsync(HealthRunOptions options, ICutoverHost host, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var startTicks = time.GetTimestamp();
        var timeout = TimeSpan.FromSeconds(options.TimeoutSec);
        var work = Select(options).ToList();
        host.WriteVerbose($"Running {work.Count} health check(s) of plan '{plan.Name}' concurrently, {options.TimeoutSec}s each.");
        var results = new List<CutoverHealthResult>();
        var pending = work.Select(w => RunOneAsync(w.Check, w.Environment, w.Configured, timeout, host, cancellationToken)).ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).ConfigureAwait(false);
            pending.Remove(done);
            var result = await done.ConfigureAwait(false);
            results.Add(result);
            host.WriteVerbose($"{result.Environment?.ToString() ?? "Shared"}/{result.Check}: {result.Status} - {result.Message}");
            host.WriteProgress(new CutoverProgress(ProgressId, "Test-CutoverHealth", $"{results.Count} of {work.Count} check(s) done",
                work.Count == 0 ? 100 : results.Count * 100 / work.Count, CurrentOperation: $"{result.Environment?.ToString() ?? "Shared"}/{result.Check}"));
            if (options.StreamResults)
                host.WriteObject(result);
        }
        host.WriteProgress(new CutoverProgress(ProgressId, "Test-CutoverHealth", "done", 100, Completed: true));
        return new CutoverHealthReport
        {
            Plan = plan.Name,
            StartedAt = started,
            Duration = time.GetElapsedTime(startTicks),
            Results = [.. results.OrderBy(r => r.Environment is null ? 2 : (int)r.Environment).ThenBy(r => r.Check)],
        };
    }

    private IEnumerable<(IHealthCheck Check, CutoverEnvironment? Environment, bool Configured)> Select(HealthRunOptions options)
    {
        var explicitly = options.Checks is not null;
        foreach (var check in _checks.Where(c => !explicitly || options.Checks!.Contains(c.Kind)))
        {
            CutoverEnvironment?[] targets = check.IsShared ? [null] : [.. options.Environments.Distinct().Select(e => (CutoverEnvironment?)e)];
            foreach (var environment in targets)
            {
                var configured = check.IsConfigured(plan, environment);
                if (configured || explicitly)
                    yield return (check, environment, configured);
            }
        }
    }

    private async Task<CutoverHealthResult> RunOneAsync(IHealthCheck check, CutoverEnvironment? environment, bool configured, TimeSpan timeout,
        ICutoverHost host, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var start = time.GetTimestamp();
        HealthObservation observation;
        if (!configured)
        {
            observation = HealthObservation.Unknown($"not configured: the plan has nothing for the {check.Kind} check{(environment is null ? "" : $" in {environment}")}");
        }
        else
        {
            using var deadline = Http.SharedHttpClients.Deadline(timeout, cancellationToken, time);
            var context = new HealthCheckContext(plan, environment, secrets, host, timeout);
            try
            {
                // The grace lets a check report its own, more precise timeout before the runner cuts it off.
                observation = await check.RunAsync(context, deadline.Token).WaitAsync(timeout + TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                observation = HealthObservation.Unknown($"the check did not finish within {timeout.TotalSeconds:0.#}s");
            }
            catch (CutoverException e)
            {
                observation = HealthObservation.Unknown($"the check cannot run: {e.Message}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                observation = HealthObservation.Unknown($"the check failed to run: {e.GetType().Name}: {e.Message}");
            }
        }
        var redactor = SecretRedactor.Global;
        return new CutoverHealthResult
        {
            Plan = plan.Name,
            Environment = environment,
            Check = check.Kind,
            Status = observation.Status,
            Message = redactor.Redact(observation.Message),
            Observed = observation.Observed is null ? null : redactor.Redact(observation.Observed),
            Expected = observation.Expected,
            Target = observation.Target is null ? null : redactor.Redact(observation.Target),
            Duration = time.GetElapsedTime(start),
            Timestamp = time.GetUtcNow(),
        };
    }
}
