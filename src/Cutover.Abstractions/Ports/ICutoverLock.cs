namespace Cutover;

/// <summary>
/// Keeps two rollbacks, a rollback and a traffic shift, or two runbooks on the same traffic target
/// from interleaving. Keyed by <see cref="TrafficPlan.TargetKey"/>.
/// </summary>
public interface ICutoverLock
{
    CutoverLockBackend Backend { get; }

    /// <summary>
    /// Takes the lock for <paramref name="operation"/>, waiting up to <paramref name="wait"/> while another
    /// holder has it; then throws a <see cref="CutoverException"/> with <see cref="CutoverErrorIds.LockHeld"/>
    /// naming the holder. Dispose the handle to release.
    /// </summary>
    Task<ICutoverLockHandle> AcquireAsync(string operation, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Who holds the lock now, without taking it.</summary>
    Task<CutoverLockState> GetStateAsync(CancellationToken cancellationToken);
}

/// <summary>A held lock; disposing releases it if it is still ours.</summary>
public interface ICutoverLockHandle : IAsyncDisposable
{
    CutoverLockHolder Holder { get; }

    /// <summary>False once the lock was released, or lost (a Redis lease that could not be renewed).</summary>
    bool IsHeld { get; }
}
