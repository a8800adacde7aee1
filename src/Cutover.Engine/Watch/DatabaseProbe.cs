using Cutover.Engine.Health.Checks;
using Npgsql;

namespace Cutover.Engine.Watch;

/// <summary>
/// One environment's database for a watch: connection count (Fail when it cannot be reached) and, with a
/// replica configured, the streaming replication lag measured on the primary. One data source per watch.
/// </summary>
public sealed class DatabaseProbe : IAsyncDisposable
{
    private const string ConnectionsSql = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()";
    private const string LagSql = "SELECT count(*), COALESCE(max(EXTRACT(EPOCH FROM replay_lag)), 0)::float8 FROM pg_stat_replication";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _target;
    private readonly bool _hasReplica;
    private readonly TimeProvider _time;

    public DatabaseProbe(PostgresPlan postgres, CutoverEnvironment environment, ISecretResolver secrets, TimeSpan timeout, TimeProvider time)
    {
        _dataSource = PostgresConnector.Create(postgres, PostgresConnector.Field(environment), secrets, timeout, pooling: true, applicationName: "cutover-watch");
        _target = PostgresConnector.Target(postgres);
        _hasReplica = postgres.Replica is not null;
        _time = time;
    }

    public async Task<(JudgedValue Database, MetricSample ReplicationLagSec)> ProbeAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var count = new NpgsqlCommand(ConnectionsSql, connection);
            var connections = Convert.ToDouble(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            var database = new JudgedValue(connections, HealthStatus.Pass, $"{_target} reachable, {connections:0} connection(s)");
            if (!_hasReplica)
                return (database, MetricSample.Unknown(LagSql, "no replica configured (Postgres.Replica)", now));
            await using var lag = new NpgsqlCommand(LagSql, connection);
            await using var reader = await lag.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var replicas = reader.GetInt64(0);
            var seconds = reader.GetDouble(1);
            return (database, replicas == 0
                ? MetricSample.Unknown(LagSql, "the primary lists no streaming replica in pg_stat_replication", now)
                : MetricSample.Known(LagSql, seconds, now));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var why = SecretRedactor.Global.Redact($"{_target} unreachable: {e.Message}");
            return (new JudgedValue(null, HealthStatus.Fail, why), MetricSample.Unknown(LagSql, why, now));
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
