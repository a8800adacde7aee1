using Cutover.Engine.Health.Checks;
using Cutover.Engine.Monitoring;
using Npgsql;

namespace Cutover.Engine.Baselines;

/// <summary>
/// Measures an environment before the switch: Prometheus for traffic, errors, latency, CPU and memory;
/// the database, Redis, RabbitMQ and replication through the health checks' own clients. A figure that
/// cannot be read is Unknown with the reason, never 0.
/// </summary>
public sealed class BaselineCollector(CutoverPlan plan, ISecretResolver secrets, IMetricSource metrics, TimeProvider time)
{
    public async Task<CutoverBaseline> CollectAsync(CutoverEnvironment environment, TimeSpan? window, TimeSpan timeout, ICutoverHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var queries = new EnvironmentQueries(plan, environment, window);
        var environmentPlan = plan.GetEnvironment(environment);
        var context = new HealthCheckContext(plan, environment, secrets, host, timeout);
        host.WriteVerbose($"Measuring the {environment} baseline over a {PromQlTemplate.FormatWindow(queries.Window)} window.");

        Task<BaselineValue> Metric(string query, bool seconds = false) => ReadMetricAsync(query, seconds, cancellationToken);
        var requestRate = Metric(queries.RequestRate);
        var errorRatio = Metric(queries.ErrorRatio);
        var p50 = Metric(queries.LatencyQuantile(0.50), seconds: true);
        var p95 = Metric(queries.LatencyQuantile(0.95), seconds: true);
        var p99 = Metric(queries.LatencyQuantile(0.99), seconds: true);
        var cpu = Metric(queries.CpuRatio);
        var memory = Metric(queries.MemoryRatio);
        var connections = ReadConnectionsAsync(environmentPlan.Postgres, context, cancellationToken);
        var cache = ReadCacheHitRatioAsync(environmentPlan.Redis, context, cancellationToken);
        var queues = ReadQueuesAsync(environmentPlan.RabbitMq, context, cancellationToken);
        var lag = ReadReplicationLagAsync(environmentPlan.Postgres, context, cancellationToken);
        await Task.WhenAll(requestRate, errorRatio, p50, p95, p99, cpu, memory, connections, cache, queues, lag).ConfigureAwait(false);

        return new CutoverBaseline
        {
            Plan = plan.Name,
            Environment = environment,
            CapturedAt = time.GetUtcNow(),
            WindowSec = (int)queries.Window.TotalSeconds,
            RequestRate = requestRate.Result,
            ErrorRatio = errorRatio.Result,
            P50Ms = p50.Result,
            P95Ms = p95.Result,
            P99Ms = p99.Result,
            DatabaseConnections = connections.Result,
            CacheHitRatio = cache.Result,
            Queues = queues.Result,
            ReplicationLagSec = lag.Result,
            CpuRatio = cpu.Result,
            MemoryRatio = memory.Result,
        };
    }

    private async Task<BaselineValue> ReadMetricAsync(string query, bool seconds, CancellationToken cancellationToken)
    {
        var sample = await metrics.QueryScalarAsync(query, cancellationToken).ConfigureAwait(false);
        return BaselineValue.From(seconds ? EnvironmentQueries.SecondsToMs(sample) : sample);
    }

    private static async Task<BaselineValue> ReadConnectionsAsync(PostgresPlan? postgres, HealthCheckContext context, CancellationToken cancellationToken)
    {
        if (postgres is null)
            return BaselineValue.Unknown("the plan configures no PostgreSQL for this environment", null);
        return await Guard(DatabaseCheck.ConnectionCountSql, "cannot query the database", async () =>
        {
            await using var source = PostgresConnector.Create(postgres, PostgresConnector.Field(context.Environment!.Value), context.Secrets, context.Timeout);
            await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(DatabaseCheck.ConnectionCountSql, connection);
            var count = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return BaselineValue.Known(Convert.ToDouble(count, System.Globalization.CultureInfo.InvariantCulture), DatabaseCheck.ConnectionCountSql);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<BaselineValue> ReadCacheHitRatioAsync(RedisPlan? redis, HealthCheckContext context, CancellationToken cancellationToken)
    {
        const string source = "Redis INFO stats keyspace_hits / (keyspace_hits + keyspace_misses)";
        if (redis is null)
            return BaselineValue.Unknown("the plan configures no Redis for this environment", null);
        return await Guard(source, "Redis does not answer", async () =>
        {
            var (_, hits, misses) = await RedisProbe.ReadAsync(redis, RedisProbe.Field(context.Environment!.Value), context.Secrets, context.Timeout)
                .WaitAsync(context.Timeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return hits + misses == 0
                ? BaselineValue.Unknown("no keyspace lookups since Redis started", source)
                : BaselineValue.Known((double)hits / (hits + misses), source);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<BaselineQueue>> ReadQueuesAsync(RabbitMqPlan? rabbit, HealthCheckContext context, CancellationToken cancellationToken)
    {
        if (rabbit is null)
            return [];
        var states = await Task.WhenAll(rabbit.Queues.Select(async name =>
        {
            var source = $"RabbitMQ management API queue '{name}'";
            var depth = BaselineValue.Unknown("not read", source);
            var consumers = depth;
            var read = await Guard(source, "cannot read the queue", async () =>
            {
                var password = rabbit.Password is { } reference ? context.Secrets.Resolve(reference, RabbitMqCheck.Field(context.Environment!.Value)) : "";
                var state = await new RabbitMqManagement(rabbit, password, context.Timeout, time).GetQueueAsync(name, cancellationToken).ConfigureAwait(false);
                if (!state.Exists)
                    return BaselineValue.Unknown($"queue '{name}' does not exist", source);
                consumers = BaselineValue.Known(state.Consumers!.Value, source);
                return BaselineValue.Known(state.Messages!.Value, source);
            }, cancellationToken).ConfigureAwait(false);
            return new BaselineQueue { Name = name, Depth = read, Consumers = read.IsKnown ? consumers : read };
        })).ConfigureAwait(false);
        return states;
    }

    private static async Task<BaselineValue> ReadReplicationLagAsync(PostgresPlan? postgres, HealthCheckContext context, CancellationToken cancellationToken)
    {
        const string source = "pg_stat_replication replay_lag on the primary";
        if (postgres?.Replica is null)
            return BaselineValue.Unknown("the plan configures no replica for this environment", null);
        return await Guard(source, "cannot read pg_stat_replication on the primary", async () =>
        {
            var rows = await ReplicationCheck.ReadAsync(postgres, context, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
                return BaselineValue.Unknown("the replica is not streaming from the primary (no pg_stat_replication row)", source);
            // An idle replica that has replayed everything reports no replay_lag: it is not behind.
            var lags = rows.Select(r => r.ReplayLagSec ?? (r.ReplayLagBytes is 0 ? 0 : null)).ToList();
            return lags.All(l => l is not null)
                ? BaselineValue.Known(lags.Max()!.Value, source)
                : BaselineValue.Unknown("the replica reports no replay lag while bytes remain to replay", source);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one read; anything but the caller's cancellation becomes Unknown with the reason.</summary>
    private static async Task<BaselineValue> Guard(string source, string what, Func<Task<BaselineValue>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return BaselineValue.Unknown($"{what}: {e.Message.Split('\n')[0].Trim()}", source);
        }
    }
}
