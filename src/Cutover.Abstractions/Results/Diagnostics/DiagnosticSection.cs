namespace Cutover;

/// <summary>
/// One part of a <see cref="CutoverDiagnostic"/>: what was read, or Unknown with the reason. A part that could not
/// be read is never an empty list or 0.
/// </summary>
public abstract class DiagnosticSection
{
    /// <summary>Where the part came from: the SQL, PromQL, API path or INFO field.</summary>
    public string? Source { get; init; }

    /// <summary>Why the part could not be read; null when it was read.</summary>
    public string? UnknownReason { get; init; }

    public bool IsKnown => UnknownReason is null;

    /// <summary>One line describing what was read.</summary>
    protected abstract string Summary { get; }

    public override string ToString() => IsKnown ? Summary : $"Unknown ({UnknownReason})";
}
