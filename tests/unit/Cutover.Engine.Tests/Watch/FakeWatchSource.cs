using Cutover.Engine.Watch;

namespace Cutover.Engine.Tests.Watch;

/// <summary>A source whose values are set by the test; a null value reads Unknown. Counts reads.</summary>
internal sealed class FakeWatchSource(TimeProvider time) : IWatchSource
{
    private int _reads;

    public double? ErrorRatio { get; set; } = 0.0;
    public double? RequestCount { get; set; } = 1000;
    public double? P95Ms { get; set; } = 50;
    public double? CpuRatio { get; set; } = 0.2;
    public double? MemoryRatio { get; set; } = 0.3;
    public bool HealthUp { get; set; } = true;
    public bool DatabaseUp { get; set; } = true;
    public AlertReading Alerts { get; set; } = new([], null);

    /// <summary>Called at each environment read with the read number (1-based), before values are taken.</summary>
    public Action<int>? OnRead { get; set; }

    public int Reads => Volatile.Read(ref _reads);

    public Task<EnvironmentReading> ReadAsync(CutoverEnvironment environment, CancellationToken cancellationToken)
    {
        var read = Interlocked.Increment(ref _reads); // outside ?. so it counts without a callback
        OnRead?.Invoke(read);
        return Task.FromResult(new EnvironmentReading
        {
            Environment = environment,
            RequestRate = Sample("rate", RequestCount / 60),
            RequestCount = Sample("count", RequestCount),
            ErrorRatio = Sample("errors", ErrorRatio),
            P95Ms = Sample("p95", P95Ms),
            CpuRatio = Sample("cpu", CpuRatio),
            MemoryRatio = Sample("memory", MemoryRatio),
            QueueDepth = Sample("queue", 3),
            Health = new JudgedValue(HealthUp ? 200 : null, HealthUp ? HealthStatus.Pass : HealthStatus.Fail, HealthUp ? "200 ok" : "connection refused"),
            Database = new JudgedValue(DatabaseUp ? 5 : null, DatabaseUp ? HealthStatus.Pass : HealthStatus.Fail, DatabaseUp ? "5 connections" : "unreachable"),
            ReplicationLagSec = Sample("lag", 0.01),
        });
    }

    public Task<AlertReading> ReadAlertsAsync(CancellationToken cancellationToken) => Task.FromResult(Alerts);

    private MetricSample Sample(string query, double? value) => value is { } v
        ? MetricSample.Known(query, v, time.GetUtcNow())
        : MetricSample.Unknown(query, "Prometheus unreachable (test)", time.GetUtcNow());
}
