using Cutover.Engine.Monitoring;
using Cutover.Engine.Watch;

namespace Cutover.Engine.Rollback;

/// <summary>Verifies green after a rollback against the real app and Prometheus.</summary>
public sealed class GreenVerifier : IRollbackVerifier
{
    private readonly CutoverPlan _plan;
    private readonly AppHealthProbe _health;
    private readonly PrometheusClient _prometheus;
    private readonly TimeProvider _time;

    public GreenVerifier(CutoverPlan plan, TimeSpan timeout, TimeProvider time)
    {
        _plan = plan;
        _time = time;
        _health = new AppHealthProbe(time, timeout);
        _prometheus = new PrometheusClient(plan.Monitoring.PrometheusUrl, time, timeout);
    }

    public async Task<RollbackCheck> CheckGreenAsync(CancellationToken cancellationToken)
    {
        var green = _plan.Environments.Green;
        var health = await _health.ProbeAsync(green, cancellationToken).ConfigureAwait(false);
        if (health.Health.Status != HealthStatus.Pass)
            return new RollbackCheck("VerifyGreenHealth", RollbackStepOutcome.Failed, health.Health.Reason);
        return health.Version == green.ExpectedVersion
            ? new RollbackCheck("VerifyGreenHealth", RollbackStepOutcome.Succeeded, $"{health.Health.Reason}; the expected version {green.ExpectedVersion}")
            : new RollbackCheck("VerifyGreenHealth", RollbackStepOutcome.Failed, $"{health.Health.Reason}; expected version {green.ExpectedVersion}");
    }

    /// <summary>
    /// Green's error ratio once its window holds enough requests: right after a flip from 100% blue the
    /// window is nearly empty, so this waits (up to one window and two scrapes) for traffic to fill it.
    /// </summary>
    public async Task<RollbackCheck> CheckErrorRatioAsync(CancellationToken cancellationToken)
    {
        var queries = new EnvironmentQueries(_plan, CutoverEnvironment.Green);
        var scrape = TimeSpan.FromSeconds(_plan.Monitoring.ScrapeIntervalSec);
        var giveUpAt = _time.GetUtcNow() + queries.Window + scrape + scrape;
        while (true)
        {
            var check = await ReadErrorRatioAsync(queries, cancellationToken).ConfigureAwait(false);
            if (check.Outcome != RollbackStepOutcome.Unknown || _time.GetUtcNow() >= giveUpAt)
                return check;
            await Task.Delay(scrape, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<RollbackCheck> ReadErrorRatioAsync(EnvironmentQueries queries, CancellationToken cancellationToken)
    {
        var count = _prometheus.QueryScalarAsync(queries.RequestCount, cancellationToken);
        var ratio = _prometheus.QueryScalarAsync(queries.ErrorRatio, cancellationToken);
        await Task.WhenAll(count, ratio).ConfigureAwait(false);
        var max = _plan.Thresholds.MaxErrorRatio;
        const string name = "VerifyErrorRatio";
        if (count.Result.Value is not { } requests)
            return new RollbackCheck(name, RollbackStepOutcome.Unknown, $"green's request count is Unknown: {count.Result.UnknownReason}");
        if (requests < _plan.Thresholds.MinRequestCount)
            return new RollbackCheck(name, RollbackStepOutcome.Unknown,
                $"only {requests:0} request(s) on green in {queries.Window.TotalSeconds:0}s, fewer than MinRequestCount {_plan.Thresholds.MinRequestCount}");
        if (ratio.Result.Value is not { } value)
            return new RollbackCheck(name, RollbackStepOutcome.Unknown, $"green's error ratio is Unknown: {ratio.Result.UnknownReason}");
        return value <= max
            ? new RollbackCheck(name, RollbackStepOutcome.Succeeded, $"green's error ratio {value:0.####} <= {max} over {requests:0} request(s)")
            : new RollbackCheck(name, RollbackStepOutcome.Failed, $"green's error ratio {value:0.####} > {max} over {requests:0} request(s)");
    }
}
