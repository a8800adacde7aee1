using System.Text.Json;
using Cutover.Engine.Health.Evaluation;
using Cutover.Engine.Monitoring;

namespace Cutover.Engine.Health.Checks;

/// <summary>Prometheus active targets and rule groups against the plan's minimums; Grafana /api/health when configured.</summary>
public sealed class MonitoringCheck(TimeProvider time) : IHealthCheck
{
    public HealthCheckKind Kind => HealthCheckKind.Monitoring;
    public bool IsShared => true;

    public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) => true;

    public async Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var monitoring = context.Plan.Monitoring;
        var prometheus = new PrometheusClient(monitoring.PrometheusUrl, time, context.Timeout);
        var targets = prometheus.GetActiveTargetsAsync(cancellationToken);
        var rules = prometheus.GetRuleGroupsAsync(cancellationToken);
        var grafana = monitoring.GrafanaUrl is { } url ? GrafanaAsync(url, context.Timeout, cancellationToken) : Task.FromResult<string?>(null);
        return MonitoringEvaluator.Evaluate(await targets.ConfigureAwait(false), await rules.ConfigureAwait(false), await grafana.ConfigureAwait(false),
            monitoring.MinActiveTargets, monitoring.MinRuleGroups, monitoring.PrometheusUrl.AbsoluteUri);
    }

    /// <summary>"ok" when Grafana's /api/health says its database is ok; otherwise what it said.</summary>
    private async Task<string?> GrafanaAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (status, body, error) = await HttpProbe.GetAsync(new Uri(url, "/api/health"), timeout, time, cancellationToken).ConfigureAwait(false);
        if (status is null)
            return $"no answer ({error})";
        try
        {
            using var document = JsonDocument.Parse(body);
            var database = document.RootElement.TryGetProperty("database", out var d) ? d.GetString() : null;
            return status == 200 && database == "ok" ? "ok" : $"HTTP {status}, database {database ?? "(missing)"}";
        }
        catch (JsonException)
        {
            return $"HTTP {status}, not JSON";
        }
    }
}
