using Cutover.Engine.Health.Evaluation;
using Cutover.Engine.Monitoring;

namespace Cutover.Engine.Health.Checks;

/// <summary>The error ratio from Prometheus, judged only with at least MinRequestCount requests in the window.</summary>
public sealed class ErrorRateCheck(Func<CutoverPlan, TimeSpan, IMetricSource> metrics) : IHealthCheck
{
    public HealthCheckKind Kind => HealthCheckKind.ErrorRate;
    public bool IsShared => false;

    public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) => environment is not null;

    public async Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var queries = new EnvironmentQueries(context.Plan, context.Environment!.Value);
        var source = metrics(context.Plan, context.Timeout);
        var count = source.QueryScalarAsync(queries.RequestCount, cancellationToken);
        var ratio = source.QueryScalarAsync(queries.ErrorRatio, cancellationToken);
        context.Host.WriteDebug($"{context.Environment} ErrorRate: {queries.RequestCount} | {queries.ErrorRatio}");
        return MetricEvaluator.ErrorRate(await count.ConfigureAwait(false), await ratio.ConfigureAwait(false),
            context.Plan.Thresholds.MinRequestCount, context.Plan.Thresholds.MaxErrorRatio, $"{context.Plan.Monitoring.PrometheusUrl} [{PromQlTemplate.FormatWindow(queries.Window)}]");
    }
}
