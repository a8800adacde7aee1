using Cutover.Engine.Health.Checks;
using Cutover.Engine.Http;
using Cutover.Engine.Monitoring;

namespace Cutover.Engine.Diagnostics;

/// <summary>
/// Reads every part of an environment's diagnostic concurrently, each with its own timeout, through the health
/// checks' clients (Npgsql, RabbitMQ management, Redis) and the plan's PromQL templates. A part that cannot be read
/// (not configured, refused, timed out) is Unknown with the reason.
/// </summary>
public sealed class DiagnosticCollector(CutoverPlan plan, ISecretResolver secrets, IMetricSource metrics, TimeProvider time)
{
    private const int ProgressId = 4200;

    public async Task<CutoverDiagnostic> CollectAsync(CutoverEnvironment environment, DiagnosticOptions options, ICutoverHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        var startTicks = time.GetTimestamp();
        var end = time.GetUtcNow();
        var timeout = TimeSpan.FromSeconds(options.TimeoutSec);
        var context = new HealthCheckContext(plan, environment, secrets, host, timeout);
        var environmentPlan = plan.GetEnvironment(environment);
        var postgres = environmentPlan.Postgres;
        host.WriteVerbose($"Reading the {environment} diagnostic of plan '{plan.Name}' concurrently, {options.TimeoutSec}s per part.");
        host.WriteProgress(new CutoverProgress(ProgressId, "Get-CutoverDiagnostic", $"reading {environment}", 0));

        var noDatabase = $"the plan configures no PostgreSQL for {environment}";
        var noReplica = $"the plan configures no replica for {environment}";
        var connections = Read("connections", postgres is null ? noDatabase : null, ct => PostgresDiagnostics.ReadConnectionsAsync(postgres!, context, ct),
            r => new ConnectionsDiagnostic { UnknownReason = r, Source = "pg_stat_activity" }, timeout, host, cancellationToken);
        var statements = Read("slow statements", postgres is null ? noDatabase : null, ct => PostgresDiagnostics.ReadSlowStatementsAsync(postgres!, context, options.Top, ct),
            r => new SlowStatementsDiagnostic { UnknownReason = r, Source = "pg_stat_statements" }, timeout, host, cancellationToken);
        var primary = Read("replication on the primary", postgres?.Replica is null ? noReplica : null, ct => PostgresDiagnostics.ReadPrimaryAsync(postgres!, context, ct),
            r => new ReplicationSenderDiagnostic { UnknownReason = r, Source = "pg_stat_replication" }, timeout, host, cancellationToken);
        var replica = Read("replication on the replica", postgres?.Replica is null ? noReplica : null, ct => PostgresDiagnostics.ReadReplicaAsync(postgres!, context, ct),
            r => new ReplicaDiagnostic { UnknownReason = r, Source = "pg_last_wal_receive_lsn/pg_last_wal_replay_lsn" }, timeout, host, cancellationToken);
        var queues = ReadQueuesAsync(environmentPlan.RabbitMq, context, timeout, host, cancellationToken);
        var cache = Read("cache", environmentPlan.Redis is null ? $"the plan configures no Redis for {environment}" : null,
            ct => ReadCacheAsync(environmentPlan.Redis!, context, ct),
            r => new CacheDiagnostic { UnknownReason = r, Source = "Redis PING and INFO stats" }, timeout, host, cancellationToken);

        var queries = new EnvironmentQueries(plan, environment);
        var range = TimeSpan.FromSeconds(options.RangeSec);
        var step = TimeSpan.FromSeconds(Math.Max(plan.Monitoring.ScrapeIntervalSec, Math.Ceiling(range.TotalSeconds / 120)));
        var errors = ReadSeriesAsync(queries.ErrorRatio, "ratio", 1, end - range, end, step, timeout, cancellationToken);
        var p95 = ReadSeriesAsync(queries.LatencyQuantile(0.95), "ms", 1000, end - range, end, step, timeout, cancellationToken);
        var memory = ReadSeriesAsync(queries.MemoryRatio, "ratio", 1, end - range, end, step, timeout, cancellationToken);

        await Task.WhenAll(connections, statements, primary, replica, queues, cache, errors, p95, memory).ConfigureAwait(false);
        host.WriteProgress(new CutoverProgress(ProgressId, "Get-CutoverDiagnostic", "done", 100, Completed: true));
        return new CutoverDiagnostic
        {
            Plan = plan.Name,
            Environment = environment,
            CapturedAt = end,
            Duration = time.GetElapsedTime(startTicks),
            RangeSec = options.RangeSec,
            Connections = connections.Result,
            SlowStatements = statements.Result,
            ReplicationPrimary = primary.Result,
            ReplicationReplica = replica.Result,
            Queues = queues.Result,
            Cache = cache.Result,
            ErrorRatio = errors.Result,
            P95Ms = p95.Result,
            MemoryRatio = memory.Result,
        };
    }

    private async Task<IReadOnlyList<QueueDiagnostic>> ReadQueuesAsync(RabbitMqPlan? rabbit, HealthCheckContext context, TimeSpan timeout, ICutoverHost host,
        CancellationToken cancellationToken)
    {
        const string source = "RabbitMQ management API /api/queues";
        if (rabbit is null || rabbit.Queues.Count == 0)
        {
            var reason = rabbit is null ? $"the plan configures no RabbitMQ for {context.Environment}" : "the plan lists no queue to read";
            return [new QueueDiagnostic { Name = "(none)", UnknownReason = reason, Source = source }];
        }
        return await Task.WhenAll(rabbit.Queues.Select(name => Read($"queue {name}", null, async ct =>
        {
            var password = rabbit.Password is { } reference ? context.Secrets.Resolve(reference, RabbitMqCheck.Field(context.Environment!.Value)) : "";
            var state = await new RabbitMqManagement(rabbit, password, timeout, time).GetQueueAsync(name, ct).ConfigureAwait(false);
            return state.Exists
                ? new QueueDiagnostic { Name = name, Messages = state.Messages, Consumers = state.Consumers, PublishRate = state.PublishRate, DeliverRate = state.DeliverRate, Source = source }
                : new QueueDiagnostic { Name = name, UnknownReason = $"queue '{name}' does not exist in the vhost", Source = source };
        }, r => new QueueDiagnostic { Name = name, UnknownReason = r, Source = source }, timeout, host, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<CacheDiagnostic> ReadCacheAsync(RedisPlan redis, HealthCheckContext context, CancellationToken cancellationToken)
    {
        var (ping, hits, misses) = await RedisProbe.ReadAsync(redis, RedisProbe.Field(context.Environment!.Value), context.Secrets, context.Timeout)
            .WaitAsync(context.Timeout, time, cancellationToken).ConfigureAwait(false);
        return new CacheDiagnostic
        {
            PingMs = ping.TotalMilliseconds, Hits = hits, Misses = misses,
            HitRatio = hits + misses == 0 ? null : (double)hits / (hits + misses),
            Source = "Redis PING and INFO stats keyspace_hits / (keyspace_hits + keyspace_misses)",
        };
    }

    private async Task<SeriesDiagnostic> ReadSeriesAsync(string query, string unit, double scale, DateTimeOffset start, DateTimeOffset end, TimeSpan step,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = SharedHttpClients.Deadline(timeout, cancellationToken, time);
        MetricSeries series;
        try
        {
            series = await metrics.QueryRangeAsync(query, start, end, step, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SeriesDiagnostic { Unit = unit, Source = query, UnknownReason = $"Prometheus did not answer within {timeout.TotalSeconds:0.#}s" };
        }
        var unknown = series.UnknownReason ?? (series.Points.Count == 0 ? "Prometheus has no point in the range" : null);
        return new SeriesDiagnostic
        {
            Unit = unit, Source = query, UnknownReason = unknown, Start = series.Start, End = series.End, Step = series.Step,
            Points = unknown is null ? [.. series.Points.Select(p => p with { Value = p.Value * scale })] : [],
        };
    }

    /// <summary>
    /// Reads one part under its own deadline. A part the plan does not configure (<paramref name="notConfigured"/>),
    /// a failure or a timeout becomes the Unknown part from <paramref name="unknown"/>; only the caller's cancellation propagates.
    /// </summary>
    private async Task<T> Read<T>(string part, string? notConfigured, Func<CancellationToken, Task<T>> read, Func<string, T> unknown, TimeSpan timeout,
        ICutoverHost host, CancellationToken cancellationToken)
    {
        if (notConfigured is not null)
            return unknown(notConfigured);
        await Task.Yield();
        using var deadline = SharedHttpClients.Deadline(timeout, cancellationToken, time);
        try
        {
            return await read(deadline.Token).WaitAsync(timeout + TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            host.WriteVerbose($"Diagnostic part '{part}' timed out.");
            return unknown($"no answer within {timeout.TotalSeconds:0.#}s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = SecretRedactor.Global.Redact(e.Message.Split('\n')[0].Trim());
            host.WriteVerbose($"Diagnostic part '{part}' cannot be read: {reason}");
            return unknown(reason);
        }
    }
}
