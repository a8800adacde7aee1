namespace Cutover.Engine.Locking;

/// <summary>The lock a plan uses: Redis when State.RedisLock is set, else a file under State.Path.</summary>
public static class CutoverLocks
{
    /// <summary>The lock and, for Redis, the connection the caller disposes after it.</summary>
    public static async Task<(ICutoverLock Lock, IAsyncDisposable? Connection)> ForPlanAsync(CutoverPlan plan, ISecretResolver secrets, TimeProvider time)
    {
        var key = plan.Traffic.TargetKey;
        if (string.IsNullOrWhiteSpace(plan.State.RedisLock))
            return (new FileCutoverLock(key, plan.State.Path, time), null);
        var password = plan.State.RedisLockPassword is { } reference ? secrets.Resolve(reference, "State.RedisLockPassword") : null;
        var redis = await RedisCutoverLock.ConnectAsync(plan.State.RedisLock, password).ConfigureAwait(false);
        return (new RedisCutoverLock(key, redis, plan.State.RedisLock, time), redis);
    }
}
