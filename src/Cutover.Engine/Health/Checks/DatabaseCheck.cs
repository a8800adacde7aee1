using Cutover.Engine.Health.Evaluation;
using Npgsql;

namespace Cutover.Engine.Health.Checks;

/// <summary>Connects with Npgsql, runs SELECT now() and counts the database's connections in pg_stat_activity.</summary>
public sealed class DatabaseCheck(PostgresConnections connections) : IHealthCheck, IAsyncDisposable
{
    /// <summary>The connections to the plan's database right now.</summary>
    internal const string ConnectionCountSql = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()";

    public HealthCheckKind Kind => HealthCheckKind.Database;
    public bool IsShared => false;

    public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) =>
        environment is { } e && plan.GetEnvironment(e).Postgres is not null;

    public async Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var postgres = context.EnvironmentPlan.Postgres!;
        var target = PostgresConnector.Target(postgres);
        try
        {
            var (now, count) = await connections.UseAsync(postgres, context, async connection =>
            {
                await using var command = new NpgsqlCommand($"SELECT now(), ({ConnectionCountSql})", connection);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1));
            }, cancellationToken).ConfigureAwait(false);
            return DatabaseEvaluator.Evaluate(now, count, postgres.MaxConnections, target);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new(HealthStatus.Fail, $"cannot query the database: {e.Message}", "no connection", "connects, SELECT now() answers", target);
        }
    }

    public ValueTask DisposeAsync() => connections.DisposeAsync();
}
