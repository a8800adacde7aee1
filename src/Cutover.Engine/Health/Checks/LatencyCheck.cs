using Cutover.Engine.Health.Evaluation;
using Cutover.Engine.Monitoring;

namespace Cutover.Engine.Health.Checks;

/// <summary>P95 latency from Prometheus through the plan's LatencyQuantile template.</summary>
public sealed class LatencyCheck(Func<CutoverPlan, TimeSpan, IMetricSource> metrics) : IHealthCheck
{
    public HealthCheckKind Kind => HealthCheckKind.Latency;
    public bool IsShared => false;

    public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) => environment is not null;

    public async Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var queries = new EnvironmentQueries(context.Plan, context.Environment!.Value);
        var query = queries.LatencyQuantile(0.95);
        context.Host.WriteDebug($"{context.Environment} Latency: {query}");
        var p95 = EnvironmentQueries.SecondsToMs(await metrics(context.Plan, context.Timeout).QueryScalarAsync(query, cancellationToken).ConfigureAwait(false));
        return MetricEvaluator.Latency(p95, context.Plan.Thresholds.MaxP95Ms, $"{context.Plan.Monitoring.PrometheusUrl} [{PromQlTemplate.FormatWindow(queries.Window)}]");
    }
}
