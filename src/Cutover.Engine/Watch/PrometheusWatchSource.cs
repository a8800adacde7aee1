using Cutover.Engine.Monitoring;

namespace Cutover.Engine.Watch;

/// <summary>
/// The watch's real source: per environment, the Prometheus queries, the app's health endpoint and the
/// database, all at once; and the plan's critical alerts.
/// </summary>
public sealed class PrometheusWatchSource : IWatchSource, IAsyncDisposable
{
    private readonly CutoverPlan _plan;
    private readonly PrometheusClient _prometheus;
    private readonly AppHealthProbe _health;
    private readonly TimeProvider _time;
    private readonly Dictionary<CutoverEnvironment, DatabaseProbe?> _databases = [];
    private readonly Dictionary<CutoverEnvironment, EnvironmentQueries> _queries = [];

    /// <param name="plan">The plan.</param>
    /// <param name="environments">The environments watched.</param>
    /// <param name="secrets">Resolves the database passwords (once, here).</param>
    /// <param name="timeout">The most one reading may take.</param>
    /// <param name="time">The clock.</param>
    public PrometheusWatchSource(CutoverPlan plan, IEnumerable<CutoverEnvironment> environments, ISecretResolver secrets, TimeSpan timeout, TimeProvider time)
    {
        _plan = plan;
        _prometheus = new PrometheusClient(plan.Monitoring.PrometheusUrl, time, timeout);
        _health = new AppHealthProbe(time, timeout);
        _time = time;
        foreach (var environment in environments)
        {
            _queries[environment] = new EnvironmentQueries(plan, environment);
            _databases[environment] = plan.GetEnvironment(environment).Postgres is { } postgres
                ? new DatabaseProbe(postgres, environment, secrets, timeout, time)
                : null;
        }
    }

    public async Task<EnvironmentReading> ReadAsync(CutoverEnvironment environment, CancellationToken cancellationToken)
    {
        var q = _queries[environment];
        var rate = _prometheus.QueryScalarAsync(q.RequestRate, cancellationToken);
        var count = _prometheus.QueryScalarAsync(q.RequestCount, cancellationToken);
        var errors = _prometheus.QueryScalarAsync(q.ErrorRatio, cancellationToken);
        var p95 = _prometheus.QueryScalarAsync(q.LatencyQuantile(0.95), cancellationToken);
        var cpu = _prometheus.QueryScalarAsync(q.CpuRatio, cancellationToken);
        var memory = _prometheus.QueryScalarAsync(q.MemoryRatio, cancellationToken);
        var queue = _prometheus.QueryScalarAsync(q.QueueDepth, cancellationToken);
        var health = _health.ProbeAsync(_plan.GetEnvironment(environment), cancellationToken);
        var database = _databases[environment] is { } probe
            ? probe.ProbeAsync(cancellationToken)
            : Task.FromResult((JudgedValue.Unknown($"no database configured (Environments.{environment}.Postgres)"),
                MetricSample.Unknown("pg_stat_replication", "no database configured", _time.GetUtcNow())));
        await Task.WhenAll(rate, count, errors, p95, cpu, memory, queue, health, database).ConfigureAwait(false);
        return new EnvironmentReading
        {
            Environment = environment,
            RequestRate = rate.Result,
            RequestCount = count.Result,
            ErrorRatio = errors.Result,
            P95Ms = EnvironmentQueries.SecondsToMs(p95.Result),
            CpuRatio = cpu.Result,
            MemoryRatio = memory.Result,
            QueueDepth = queue.Result,
            Health = health.Result.Health,
            Database = database.Result.Item1,
            ReplicationLagSec = database.Result.Item2,
        };
    }

    public async Task<AlertReading> ReadAlertsAsync(CancellationToken cancellationToken)
    {
        var alerts = await _prometheus.GetAlertsAsync(cancellationToken).ConfigureAwait(false);
        if (!alerts.IsKnown)
            return new AlertReading([], alerts.UnknownReason);
        var named = _plan.Triggers.Alerts.ToHashSet(StringComparer.Ordinal);
        var firing = alerts.Alerts
            .Where(a => a.State == "firing" && a.Severity == "critical" && named.Contains(a.Name))
            .Select(a => a.Labels.TryGetValue("env", out var env) ? $"{a.Name}{{env={env}}}" : a.Name)
            .Distinct()
            .ToList();
        return new AlertReading(firing, null);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var probe in _databases.Values)
            if (probe is not null)
                await probe.DisposeAsync().ConfigureAwait(false);
    }
}
