using Cutover.Engine.Health.Evaluation;
using Npgsql;

namespace Cutover.Engine.Health.Checks;

/// <summary>
/// Reads pg_stat_replication on the primary (state, replay_lag, byte lag to replay_lsn) for the configured replica. A
/// standby caught between two of its replies (bytes behind, no replay_lag yet) is read again, a short while apart, a few
/// times within the check's timeout; if it stays that way the check is Unknown.
/// </summary>
public sealed class ReplicationCheck(PostgresConnections connections, TimeProvider time) : IHealthCheck, IAsyncDisposable
{
    internal const int MaxReadings = 5;
    internal static readonly TimeSpan ReadingInterval = TimeSpan.FromMilliseconds(200);

    internal const string Query = """
        SELECT application_name, client_addr::text, state,
               EXTRACT(EPOCH FROM replay_lag)::float8,
               pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8
        FROM pg_stat_replication
        """;

    public HealthCheckKind Kind => HealthCheckKind.Replication;
    public bool IsShared => false;

    public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) =>
        environment is { } e && plan.GetEnvironment(e).Postgres?.Replica is not null;

    public async Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var postgres = context.EnvironmentPlan.Postgres!;
        var target = $"{PostgresConnector.Target(postgres)} -> replica {postgres.Replica!.Host}:{postgres.Replica.Port}";
        try
        {
            for (var reading = 1; ; reading++)
            {
                var rows = await connections.UseAsync(postgres, context, c => ReadAsync(c, postgres, cancellationToken), cancellationToken).ConfigureAwait(false);
                if (reading >= MaxReadings || !ReplicationEvaluator.IsBetweenReplies(rows))
                    return ReplicationEvaluator.Evaluate(rows, context.Plan.Thresholds.MaxReplicationLagSec, target);
                await Task.Delay(ReadingInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return HealthObservation.Unknown($"cannot read pg_stat_replication on the primary: {e.Message}", target);
        }
    }

    /// <summary>The primary's rows for the replica's address (every row when the replica is named by host name).</summary>
    internal static async Task<IReadOnlyList<ReplicationRow>> ReadAsync(PostgresPlan postgres, HealthCheckContext context, CancellationToken cancellationToken)
    {
        await using var source = PostgresConnector.Create(postgres, PostgresConnector.Field(context.Environment!.Value), context.Secrets, context.Timeout);
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, postgres, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The primary's rows for the replica's address, read on an open connection to the primary.</summary>
    internal static async Task<IReadOnlyList<ReplicationRow>> ReadAsync(NpgsqlConnection connection, PostgresPlan postgres, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ReplicationRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ReplicationRow(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4)));
        }
        var replicaHost = postgres.Replica?.Host;
        var isAddress = System.Net.IPAddress.TryParse(replicaHost, out _);
        return isAddress ? rows.Where(r => r.ClientAddress is null || r.ClientAddress.Split('/')[0] == replicaHost).ToList() : rows;
    }

    public ValueTask DisposeAsync() => connections.DisposeAsync();
}
