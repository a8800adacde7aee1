namespace Cutover;

/// <summary>Where a lock lives.</summary>
public enum CutoverLockBackend
{
    File,
    Redis,
}

/// <summary>Whether a plan's traffic target is locked, and by whom.</summary>
public sealed class CutoverLockState
{
    public required string Key { get; init; }
    public required CutoverLockBackend Backend { get; init; }

    /// <summary>The lock file, or the Redis endpoint and key.</summary>
    public required string Location { get; init; }

    public required bool IsHeld { get; init; }
    public CutoverLockHolder? Holder { get; init; }

    /// <summary>True when the holder is a process of this host that no longer runs; the next acquirer takes the lock over.</summary>
    public bool IsStale { get; init; }

    /// <summary>The plan's name.</summary>
    public string? Plan { get; init; }

    public override string ToString() => IsHeld ? $"{Key}: held by {Holder}{(IsStale ? " (stale)" : "")}" : $"{Key}: free";
}
