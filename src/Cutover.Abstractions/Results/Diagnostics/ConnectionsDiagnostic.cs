namespace Cutover;

/// <summary>The server's client connections by database and state.</summary>
public sealed class ConnectionsDiagnostic : DiagnosticSection
{
    public IReadOnlyList<DatabaseConnectionCount> Rows { get; init; } = [];

    public long Total => Rows.Sum(r => r.Count);

    protected override string Summary => $"{Total} connection(s): {string.Join(", ", Rows)}";
}
