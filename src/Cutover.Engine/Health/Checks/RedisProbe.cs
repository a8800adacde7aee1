using StackExchange.Redis;

namespace Cutover.Engine.Health.Checks;

/// <summary>Connects to an environment's Redis (async only), pings it and reads INFO stats.</summary>
internal static class RedisProbe
{
    public static async Task<(TimeSpan Ping, long Hits, long Misses)> ReadAsync(RedisPlan redis, string field, ISecretResolver secrets, TimeSpan timeout)
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { redis.Endpoint },
            Password = redis.Password is { } reference ? secrets.Resolve(reference, field) : null,
            AbortOnConnectFail = true,
            AllowAdmin = true, // INFO is an admin command for StackExchange.Redis
            ConnectTimeout = (int)timeout.TotalMilliseconds,
            SyncTimeout = (int)timeout.TotalMilliseconds,
            AsyncTimeout = (int)timeout.TotalMilliseconds,
            ConnectRetry = 1,
            ClientName = "cutover-health",
        };
        await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        var ping = await multiplexer.GetDatabase().PingAsync().ConfigureAwait(false);
        var server = multiplexer.GetServer(multiplexer.GetEndPoints()[0]);
        var stats = (await server.InfoAsync("stats").ConfigureAwait(false)).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        static long Read(Dictionary<string, string> stats, string key) => stats.TryGetValue(key, out var v) && long.TryParse(v, out var n) ? n : 0;
        return (ping, Read(stats, "keyspace_hits"), Read(stats, "keyspace_misses"));
    }

    public static string Field(CutoverEnvironment environment) => $"Environments.{environment}.Redis.Password";
}
