namespace Cutover;

/// <summary>What a journal entry records.</summary>
public enum JournalEntryKind
{
    RunStarted,
    Step,
    Decision,
    WeightChange,
    Sample,
    Trigger,
    Notification,
    Rollback,
    RunEnded,
    Note,
}

/// <summary>One line of a run's journal (JSON Lines, appended and flushed as it happens).</summary>
public sealed class CutoverJournalEntry
{
    public required string RunId { get; init; }
    public required long Sequence { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required JournalEntryKind Kind { get; init; }
    public required string Name { get; init; }
    public string? Status { get; init; }
    public string? Message { get; init; }

    /// <summary>The facts of the entry: numbers, strings, booleans, nested tables and lists.</summary>
    public IReadOnlyDictionary<string, object?> Data { get; init; } = new Dictionary<string, object?>();

    /// <summary>The plan's name.</summary>
    public required string Plan { get; init; }

    public override string ToString() => $"{Time:HH:mm:ss} {Kind} {Name} {Status}".TrimEnd();
}

/// <summary>One run of a plan, as its journal tells it.</summary>
public sealed class CutoverRunInfo
{
    public required string RunId { get; init; }
    public required string Plan { get; init; }
    public required string Path { get; init; }
    public DateTimeOffset? Started { get; init; }
    public DateTimeOffset? Ended { get; init; }

    /// <summary>The RunEnded entry's status (Completed, RolledBack, Failed), or null while running or after a crash.</summary>
    public string? Outcome { get; init; }
    public int Entries { get; init; }
}
