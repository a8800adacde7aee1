namespace Cutover;

/// <summary>Client connections of one database in one state (pg_stat_activity).</summary>
public sealed class DatabaseConnectionCount
{
    public string? Database { get; init; }

    /// <summary>active, idle, idle in transaction, …; null for a connection that reports none.</summary>
    public string? State { get; init; }

    public required long Count { get; init; }

    public override string ToString() => $"{Database ?? "(none)"}/{State ?? "(none)"}: {Count}";
}
