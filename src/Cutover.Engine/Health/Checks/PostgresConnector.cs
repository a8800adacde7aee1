using Npgsql;

namespace Cutover.Engine.Health.Checks;

/// <summary>Builds an Npgsql data source for an environment's database (or its replica) from the plan and its secret.</summary>
internal static class PostgresConnector
{
    public static NpgsqlDataSource Create(PostgresPlan postgres, string field, ISecretResolver secrets, TimeSpan timeout, string? host = null, int? port = null,
        bool pooling = false, string applicationName = "cutover-health")
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host ?? postgres.Host,
            Port = port ?? postgres.Port,
            Database = postgres.Database,
            Username = postgres.Username,
            Password = postgres.Password is { } reference ? secrets.Resolve(reference, field) : null,
            Timeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
            CommandTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
            Pooling = pooling,
            ApplicationName = applicationName,
        };
        // The checks read built-in types only (casts to text where needed); loading the server's type catalogue on
        // every short-lived data source took most of a check's time when several connect at once.
        var source = new NpgsqlDataSourceBuilder(builder.ConnectionString);
        source.ConfigureTypeLoading(t => t.EnableTypeLoading(false));
        return source.Build();
    }

    public static string Target(PostgresPlan postgres, string? host = null, int? port = null) =>
        $"{host ?? postgres.Host}:{port ?? postgres.Port}/{postgres.Database}";

    public static string Field(CutoverEnvironment environment) => $"Environments.{environment}.Postgres.Password";
}
