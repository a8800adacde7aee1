using System.Text.RegularExpressions;
using Cutover.Engine.Health.Checks;
using Npgsql;

namespace Cutover.Engine.Diagnostics;

/// <summary>
/// The database parts of a diagnostic, through the health checks' Npgsql connector: connections by database and
/// state, the slowest statements (pg_stat_statements), and replication seen from the primary and from the replica.
/// </summary>
internal static partial class PostgresDiagnostics
{
    internal const string ConnectionsSql = """
        SELECT datname, state, count(*) FROM pg_stat_activity
        WHERE backend_type = 'client backend' GROUP BY datname, state ORDER BY count(*) DESC, datname, state
        """;

    internal const string ExtensionSql = "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'";

    internal const string StatementsSql = """
        SELECT query, calls, mean_exec_time, max_exec_time, total_exec_time, rows FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY mean_exec_time DESC LIMIT @top
        """;

    internal const string ReplicaSql = """
        SELECT pg_is_in_recovery(), pg_last_wal_receive_lsn()::text, pg_last_wal_replay_lsn()::text,
               pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::float8, pg_last_xact_replay_timestamp()
        """;

    public static async Task<ConnectionsDiagnostic> ReadConnectionsAsync(PostgresPlan postgres, HealthCheckContext context, CancellationToken cancellationToken)
    {
        await using var source = Source(postgres, context);
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(ConnectionsSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<DatabaseConnectionCount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new DatabaseConnectionCount
            {
                Database = reader.IsDBNull(0) ? null : reader.GetString(0),
                State = reader.IsDBNull(1) ? null : reader.GetString(1),
                Count = reader.GetInt64(2),
            });
        }
        return new ConnectionsDiagnostic { Rows = rows, Source = "pg_stat_activity (client backends)" };
    }

    public static async Task<SlowStatementsDiagnostic> ReadSlowStatementsAsync(PostgresPlan postgres, HealthCheckContext context, int top, CancellationToken cancellationToken)
    {
        await using var source = Source(postgres, context);
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var check = new NpgsqlCommand(ExtensionSql, connection))
        {
            if ((long)(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0)
                return new SlowStatementsDiagnostic
                {
                    ExtensionInstalled = false, Source = ExtensionSql,
                    UnknownReason = $"pg_stat_statements is not installed in database {postgres.Database} (CREATE EXTENSION pg_stat_statements; it must also be in shared_preload_libraries)",
                };
        }
        await using var command = new NpgsqlCommand(StatementsSql, connection) { Parameters = { new("top", top) } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var statements = new List<SlowStatement>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            statements.Add(new SlowStatement
            {
                Query = MaskStatement(reader.IsDBNull(0) ? "(query text not visible to this user)" : reader.GetString(0)),
                Calls = reader.GetInt64(1),
                MeanMs = reader.GetDouble(2),
                MaxMs = reader.GetDouble(3),
                TotalMs = reader.GetDouble(4),
                Rows = reader.GetInt64(5),
            });
        }
        return new SlowStatementsDiagnostic { ExtensionInstalled = true, Statements = statements, Source = "pg_stat_statements by mean_exec_time" };
    }

    /// <summary>The primary's walsenders for the plan's replica, read as the Replication health check reads them.</summary>
    public static async Task<ReplicationSenderDiagnostic> ReadPrimaryAsync(PostgresPlan postgres, HealthCheckContext context, CancellationToken cancellationToken)
    {
        var rows = await ReplicationCheck.ReadAsync(postgres, context, cancellationToken).ConfigureAwait(false);
        return new ReplicationSenderDiagnostic
        {
            Source = "pg_stat_replication on the primary",
            Senders = [.. rows.Select(r => new ReplicationSender
            {
                ApplicationName = r.ApplicationName, ClientAddress = r.ClientAddress, State = r.State, ReplayLagSec = r.ReplayLagSec, ReplayLagBytes = r.ReplayLagBytes,
            })],
        };
    }

    public static async Task<ReplicaDiagnostic> ReadReplicaAsync(PostgresPlan postgres, HealthCheckContext context, CancellationToken cancellationToken)
    {
        var replica = postgres.Replica!;
        await using var source = PostgresConnector.Create(postgres, PostgresConnector.Field(context.Environment!.Value), context.Secrets, context.Timeout, replica.Host, replica.Port);
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(ReplicaSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new ReplicaDiagnostic
        {
            Source = $"pg_last_wal_receive_lsn/pg_last_wal_replay_lsn on {replica.Host}:{replica.Port}",
            InRecovery = reader.GetBoolean(0),
            ReceiveLsn = reader.IsDBNull(1) ? null : reader.GetString(1),
            ReplayLsn = reader.IsDBNull(2) ? null : reader.GetString(2),
            ReceivedNotReplayedBytes = reader.IsDBNull(3) ? null : reader.GetDouble(3),
            LastReplayedTransactionAt = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
        };
    }

    /// <summary>Masks the literal of a PASSWORD clause (pg_stat_statements keeps utility statements' text) and every known secret.</summary>
    internal static string MaskStatement(string query) =>
        SecretRedactor.Global.Redact(PasswordLiteral().Replace(query, "$1'***'"));

    private static NpgsqlDataSource Source(PostgresPlan postgres, HealthCheckContext context) =>
        PostgresConnector.Create(postgres, PostgresConnector.Field(context.Environment!.Value), context.Secrets, context.Timeout);

    [GeneratedRegex(@"(\bpassword\s+)'(?:[^']|'')*'", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordLiteral();
}
