namespace Cutover.Engine.Health.Evaluation;

/// <summary>Decides the Redis check from the PING round trip and INFO stats.</summary>
public static class RedisEvaluator
{
    /// <summary>keyspace_hits / (hits + misses); null when there was no lookup at all (0/0 is not a ratio).</summary>
    public static double? HitRatio(long hits, long misses) => hits + misses == 0 ? null : (double)hits / (hits + misses);

    public static HealthObservation Evaluate(TimeSpan pingRoundTrip, long hits, long misses, string target)
    {
        var ratio = HitRatio(hits, misses);
        var observed = $"PONG in {pingRoundTrip.TotalMilliseconds:0.#} ms, hit ratio " +
            (ratio is { } r ? $"{r:0.###} ({hits} hits / {misses} misses)" : "n/a (no lookups yet)");
        return new(HealthStatus.Pass, observed, observed, "PONG", target);
    }
}
