using Cutover.Engine.Locking;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Engine.Tests.Locking;

public sealed class FileCutoverLockTests : IDisposable
{
    private readonly List<string> _states = [];

    private string NewState()
    {
        var state = Directory.CreateTempSubdirectory("cutover-lock-").FullName;
        _states.Add(state);
        return state;
    }

    public void Dispose()
    {
        foreach (var state in _states)
            Directory.Delete(state, recursive: true);
    }

    [Fact]
    public async Task A_second_acquirer_waits_then_fails_with_LockHeld_naming_the_holder()
    {
        var state = NewState();
        var time = new FakeTimeProvider();
        var first = new FileCutoverLock("haproxy:x/be", state, time);
        await using var held = await first.AcquireAsync("rollback", TimeSpan.Zero, CancellationToken.None);
        var second = new FileCutoverLock("haproxy:x/be", state, time).AcquireAsync("traffic shift", TimeSpan.FromSeconds(5), CancellationToken.None);
        for (var i = 0; i < 100 && !second.IsCompleted; i++)
        {
            await Task.Delay(5);
            time.Advance(TimeSpan.FromMilliseconds(200));
        }
        var error = await Assert.ThrowsAsync<CutoverException>(() => second);
        Assert.Equal(CutoverErrorIds.LockHeld, error.ErrorId);
        Assert.Contains("'rollback'", error.Message);
        Assert.Contains($"pid {Environment.ProcessId}", error.Message);
    }

    [Fact]
    public async Task Release_frees_the_lock_and_state_shows_the_holder()
    {
        var state = NewState();
        var lck = new FileCutoverLock("dns:z/r", state, TimeProvider.System);
        var handle = await lck.AcquireAsync("runbook", TimeSpan.Zero, CancellationToken.None);
        var held = await lck.GetStateAsync(CancellationToken.None);
        Assert.True(held.IsHeld);
        Assert.Equal("runbook", held.Holder!.Operation);
        Assert.False(held.IsStale);
        await handle.DisposeAsync();
        Assert.False((await lck.GetStateAsync(CancellationToken.None)).IsHeld);
        await using var again = await lck.AcquireAsync("runbook", TimeSpan.Zero, CancellationToken.None);
    }

    [Fact]
    public async Task A_stale_holder_of_this_host_is_taken_over()
    {
        var state = NewState();
        var dead = new FileCutoverLock("k", state, TimeProvider.System, processStartTime: _ => null);
        _ = await new FileCutoverLock("k", state, TimeProvider.System).AcquireAsync("rollback", TimeSpan.Zero, CancellationToken.None);
        Assert.True((await dead.GetStateAsync(CancellationToken.None)).IsStale);
        await using var taken = await dead.AcquireAsync("rollback", TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(taken.Holder.Token, (await dead.GetStateAsync(CancellationToken.None)).Holder!.Token);
    }

    [Fact]
    public async Task Concurrent_acquirers_never_hold_it_together()
    {
        var state = NewState();
        var inside = 0;
        var maxInside = 0;
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await using var handle = await new FileCutoverLock("k", state, TimeProvider.System, poll: TimeSpan.FromMilliseconds(1))
                    .AcquireAsync("test", TimeSpan.FromSeconds(30), CancellationToken.None);
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                await Task.Delay(1);
                Interlocked.Decrement(ref inside);
            }
        }));
        await Task.WhenAll(tasks);
        Assert.Equal(1, maxInside);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
