using Cutover.Engine.Health.Evaluation;
using Cutover.Engine.Monitoring;

namespace Cutover.Engine.Health.Checks;

/// <summary>P95 latency from Prometheus through the plan's LatencyQuantile template, judged only with at least MinRequestCount requests in the window.</summary>
public sealed class LatencyCheck(Func<CutoverPlan, TimeSpan, IMetricSource> metrics) : IHealthCheck
{
    public HealthCheckKind Kind => HealthCheckKind.Latency;
    public bool IsShared => false;

    public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) => environment is not null;

    public async Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var queries = new EnvironmentQueries(context.Plan, context.Environment!.Value);
        var query = queries.LatencyQuantile(0.95);
        context.Host.WriteDebug($"{context.Environment} Latency: {queries.RequestCount} | {query}");
        var source = metrics(context.Plan, context.Timeout);
        var count = source.QueryScalarAsync(queries.RequestCount, cancellationToken);
        var p95 = source.QueryScalarAsync(query, cancellationToken);
        return MetricEvaluator.Latency(await count.ConfigureAwait(false), EnvironmentQueries.SecondsToMs(await p95.ConfigureAwait(false)),
            context.Plan.Thresholds.MinRequestCount, context.Plan.Thresholds.MaxP95Ms, $"{context.Plan.Monitoring.PrometheusUrl} [{PromQlTemplate.FormatWindow(queries.Window)}]");
    }
}
