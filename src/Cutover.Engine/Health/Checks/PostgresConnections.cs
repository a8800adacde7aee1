using System.Collections.Concurrent;
using Npgsql;

namespace Cutover.Engine.Health.Checks;

/// <summary>
/// The PostgreSQL connections of one health run: one pooled data source per environment's database, and a gate so
/// that the checks reading the same database (Database, Replication) take turns on one physical connection instead
/// of each paying for its own connection set-up (the server's per-connection cost dominated a concurrent run).
/// <see cref="DisposeAsync"/> closes them; a later use opens them again.
/// </summary>
public sealed class PostgresConnections : IAsyncDisposable
{
    private sealed record Entry(Lazy<NpgsqlDataSource> Source, SemaphoreSlim Gate);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="use"/> on an open connection to the environment's database, one user at a time per database.</summary>
    public async Task<T> UseAsync<T>(PostgresPlan postgres, HealthCheckContext context, Func<NpgsqlConnection, Task<T>> use, CancellationToken cancellationToken)
    {
        var environment = context.Environment!.Value;
        var key = $"{environment}|{PostgresConnector.Target(postgres)}|{postgres.Username}";
        var entry = _entries.GetOrAdd(key, _ => new Entry(
            new Lazy<NpgsqlDataSource>(() => PostgresConnector.Create(postgres, PostgresConnector.Field(environment), context.Secrets, context.Timeout, pooling: true)),
            new SemaphoreSlim(1, 1)));
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await entry.Source.Value.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await use(connection).ConfigureAwait(false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var key in _entries.Keys)
        {
            if (_entries.TryRemove(key, out var entry) && entry.Source.IsValueCreated)
                await entry.Source.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
