using Cutover.Engine.Health.Checks;
using Cutover.Engine.Monitoring;

namespace Cutover.Engine.Health;

/// <summary>The registry of health checks: one class per check, in the procedure's order.</summary>
public static class HealthChecks
{
    public static IReadOnlyList<IHealthCheck> Default(TimeProvider time)
    {
        IMetricSource Metrics(CutoverPlan plan, TimeSpan timeout) => new PrometheusClient(plan.Monitoring.PrometheusUrl, time, timeout);
        var postgres = new PostgresConnections();
        return
        [
            new AppCheck(time), new ApiCheck(time), new DatabaseCheck(postgres), new ReplicationCheck(postgres, time), new RabbitMqCheck(time),
            new RedisCheck(), new ErrorRateCheck(Metrics), new LatencyCheck(Metrics), new LoadBalancerCheck(time), new MonitoringCheck(time),
        ];
    }
}
