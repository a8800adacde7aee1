using Cutover.Engine.Health.Evaluation;
using StackExchange.Redis;

namespace Cutover.Engine.Health.Checks;

/// <summary>PING round trip and keyspace hit ratio with StackExchange.Redis.</summary>
public sealed class RedisCheck : IHealthCheck
{
    public HealthCheckKind Kind => HealthCheckKind.Redis;
    public bool IsShared => false;

    public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) =>
        environment is { } e && plan.GetEnvironment(e).Redis is not null;

    public async Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var redis = context.EnvironmentPlan.Redis!;
        try
        {
            var (ping, hits, misses) = await RedisProbe.ReadAsync(redis, RedisProbe.Field(context.Environment!.Value), context.Secrets, context.Timeout)
                .WaitAsync(context.Timeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return RedisEvaluator.Evaluate(ping, hits, misses, redis.Endpoint);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new(HealthStatus.Fail, $"Redis does not answer: {FirstLine(e.Message)}", "no PONG", "PONG", redis.Endpoint);
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
