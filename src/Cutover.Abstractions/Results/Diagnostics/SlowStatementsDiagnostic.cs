namespace Cutover;

/// <summary>
/// The slowest statements of the environment's database by mean time, from pg_stat_statements. When the extension
/// is not installed in the database, the part is Unknown, <see cref="ExtensionInstalled"/> is false and the
/// reason says "not installed".
/// </summary>
public sealed class SlowStatementsDiagnostic : DiagnosticSection
{
    /// <summary>Whether pg_stat_statements is installed in the database; null when that could not be read.</summary>
    public bool? ExtensionInstalled { get; init; }

    /// <summary>The slowest first.</summary>
    public IReadOnlyList<SlowStatement> Statements { get; init; } = [];

    protected override string Summary => Statements.Count == 0
        ? "pg_stat_statements has no statement for this database yet"
        : $"{Statements.Count} statement(s), slowest {Statements[0]}";
}
