using System.Text.Json;
using System.Text.RegularExpressions;
using Cutover.Engine.Locking;
using StackExchange.Redis;

namespace Cutover.Engine.Tests.Locking;

/// <summary>
/// Against the sandbox's blue Redis (CUTOVER_SANDBOX_DIR, as scripts/test.sh sets it); reported Skipped,
/// not passed, when no sandbox is running.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RedisCutoverLockTests
{
    private static async Task<(IConnectionMultiplexer Redis, string Endpoint)> ConnectAsync()
    {
        var dir = Environment.GetEnvironmentVariable("CUTOVER_SANDBOX_DIR");
        var json = dir is null ? null : Path.Combine(dir, "sandbox.json");
        Skip.If(json is null || !File.Exists(json), "no sandbox: set CUTOVER_SANDBOX_DIR to a started sandbox");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json!));
        var endpoint = document.RootElement.GetProperty("redis").GetProperty("blue").GetProperty("endpoint").GetString()!;
        var variable = document.RootElement.GetProperty("redis").GetProperty("blue").GetProperty("passwordEnv").GetString()!;
        var env = await File.ReadAllTextAsync(Path.Combine(dir!, "sandbox.env"));
        var password = Regex.Match(env, $"export {variable}='([^']*)'").Groups[1].Value;
        return (await RedisCutoverLock.ConnectAsync(endpoint, password), endpoint);
    }

    [SkippableFact]
    public async Task Concurrent_acquirers_never_hold_it_together_and_a_waiter_fails_with_LockHeld()
    {
        var (redis, endpoint) = await ConnectAsync();
        await using var _ = redis as IAsyncDisposable;
        var key = "test:" + Guid.NewGuid().ToString("N");
        var inside = 0;
        var maxInside = 0;
        var tasks = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                await using var handle = await new RedisCutoverLock(key, redis, endpoint, TimeProvider.System, poll: TimeSpan.FromMilliseconds(2))
                    .AcquireAsync("test", TimeSpan.FromSeconds(30), CancellationToken.None);
                var now = Interlocked.Increment(ref inside);
                int seen;
                while ((seen = Volatile.Read(ref maxInside)) < now && Interlocked.CompareExchange(ref maxInside, now, seen) != seen) { }
                await Task.Delay(2);
                Interlocked.Decrement(ref inside);
            }
        }));
        await Task.WhenAll(tasks);
        Assert.Equal(1, maxInside);

        var lck = new RedisCutoverLock(key, redis, endpoint, TimeProvider.System, ttl: TimeSpan.FromSeconds(3));
        await using (var held = await lck.AcquireAsync("rollback", TimeSpan.Zero, CancellationToken.None))
        {
            var error = await Assert.ThrowsAsync<CutoverException>(() => lck.AcquireAsync("traffic shift", TimeSpan.FromMilliseconds(500), CancellationToken.None));
            Assert.Equal(CutoverErrorIds.LockHeld, error.ErrorId);
            Assert.Contains("'rollback'", error.Message);
            await Task.Delay(TimeSpan.FromSeconds(4)); // longer than the ttl: renewal keeps it
            Assert.True(held.IsHeld);
            Assert.Equal(held.Holder.Token, (await lck.GetStateAsync(CancellationToken.None)).Holder!.Token);
        }
        Assert.False((await lck.GetStateAsync(CancellationToken.None)).IsHeld);
    }
}
