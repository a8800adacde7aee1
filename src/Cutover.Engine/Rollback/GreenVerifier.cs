using Cutover.Engine.Monitoring;
using Cutover.Engine.Watch;

namespace Cutover.Engine.Rollback;

/// <summary>Verifies green after a rollback against the real app and Prometheus.</summary>
public sealed class GreenVerifier : IRollbackVerifier
{
    private readonly CutoverPlan _plan;
    private readonly AppHealthProbe _health;
    private readonly PrometheusClient _prometheus;

    public GreenVerifier(CutoverPlan plan, TimeSpan timeout, TimeProvider time)
    {
        _plan = plan;
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

    public async Task<RollbackCheck> CheckErrorRatioAsync(CancellationToken cancellationToken)
    {
        var queries = new EnvironmentQueries(_plan, CutoverEnvironment.Green);
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
