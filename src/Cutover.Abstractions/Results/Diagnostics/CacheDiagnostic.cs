namespace Cutover;

/// <summary>Redis: ping round trip and keyspace hit ratio since the server started.</summary>
public sealed class CacheDiagnostic : DiagnosticSection
{
    public double? PingMs { get; init; }
    public long? Hits { get; init; }
    public long? Misses { get; init; }

    /// <summary>hits / (hits + misses); null when there has been no lookup yet.</summary>
    public double? HitRatio { get; init; }

    protected override string Summary =>
        $"hit ratio {(HitRatio is { } r ? r.ToString("0.###") : "n/a (no lookups yet)")} ({Hits} hit(s), {Misses} miss(es)), ping {PingMs:0.#} ms";
}
