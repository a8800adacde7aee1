using Cutover.Engine.Baselines;
using Cutover.Engine.Tests.Fakes;
using Cutover.Engine.Tests.Plans;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Engine.Tests.Baselines;

public sealed class BaselineTests
{
    private sealed class NoMetrics : IMetricSource
    {
        public Task<MetricSample> QueryScalarAsync(string query, CancellationToken cancellationToken) =>
            Task.FromResult(MetricSample.Unknown(query, "no data (empty result)", DateTimeOffset.UnixEpoch));

        public Task<MetricSeries> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private sealed class NoSecrets : ISecretResolver
    {
        public string Resolve(SecretReference reference, string field) =>
            throw new CutoverException(CutoverErrorIds.SecretUnresolved, CutoverErrorKind.InvalidArgument, $"{field}: not set");
    }

    private static readonly CutoverPlan Plan = PlanTrees.Read(PlanTrees.Valid()).Plan!;

    private static CutoverBaseline Sample() => new()
    {
        Plan = "prod",
        Environment = CutoverEnvironment.Green,
        CapturedAt = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero),
        WindowSec = 60,
        RequestRate = BaselineValue.Known(49.5, "sum(rate(x[60s]))"),
        ErrorRatio = BaselineValue.Known(0, "errors"),
        P50Ms = BaselineValue.Known(3.25, "p50"),
        P95Ms = BaselineValue.Known(12.5, "p95"),
        P99Ms = BaselineValue.Unknown("no data (empty result)", "p99"),
        DatabaseConnections = BaselineValue.Known(7, "SELECT"),
        CacheHitRatio = BaselineValue.Unknown("no keyspace lookups since Redis started", "INFO"),
        Queues = [new BaselineQueue { Name = "agent-tasks", Depth = BaselineValue.Known(3, "q"), Consumers = BaselineValue.Known(1, "q") }],
        ReplicationLagSec = BaselineValue.Known(0.25, "lag"),
        CpuRatio = BaselineValue.Known(0.1, "cpu"),
        MemoryRatio = BaselineValue.Known(0.4, "mem"),
    };

    [Fact]
    public void Json_round_trip_keeps_values_unknown_reasons_and_sources()
    {
        var original = Sample();

        var copy = BaselineJson.Deserialize(BaselineJson.Serialize(original), "test.json");

        Assert.Equal(BaselineJson.Serialize(original), BaselineJson.Serialize(copy));
        Assert.Equal(original.CapturedAt, copy.CapturedAt);
        Assert.Equal(CutoverEnvironment.Green, copy.Environment);
        Assert.Equal(12.5, copy.P95Ms.Value);
        Assert.Equal(0, copy.ErrorRatio.Value);
        Assert.True(copy.ErrorRatio.IsKnown);
        Assert.Null(copy.P99Ms.Value);
        Assert.Equal("no data (empty result)", copy.P99Ms.UnknownReason);
        Assert.Equal(3, Assert.Single(copy.Queues).Depth.Value);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("null")]
    public void A_file_that_is_not_a_baseline_is_unreadable(string json)
    {
        var error = Assert.Throws<CutoverException>(() => BaselineJson.Deserialize(json, "bad.json"));
        Assert.Equal(CutoverErrorIds.BaselineUnreadable, error.ErrorId);
    }

    [Fact]
    public void A_figure_with_neither_value_nor_reason_is_unreadable()
    {
        var json = BaselineJson.Serialize(Sample()).Replace("\"UnknownReason\": \"no data (empty result)\",", "", StringComparison.Ordinal);

        var error = Assert.Throws<CutoverException>(() => BaselineJson.Deserialize(json, "bad.json"));
        Assert.Contains("P99Ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_unreadable_figure_is_unknown_with_its_reason_never_zero()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var collector = new BaselineCollector(Plan, new NoSecrets(), new NoMetrics(), time);

        var baseline = await collector.CollectAsync(CutoverEnvironment.Blue, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(1), new RecordingHost(), CancellationToken.None);

        Assert.Equal(120, baseline.WindowSec);
        Assert.Equal(time.GetUtcNow(), baseline.CapturedAt);
        var values = new[] { baseline.RequestRate, baseline.ErrorRatio, baseline.P50Ms, baseline.P95Ms, baseline.P99Ms, baseline.DatabaseConnections,
            baseline.CacheHitRatio, baseline.ReplicationLagSec, baseline.CpuRatio, baseline.MemoryRatio }
            .Concat(baseline.Queues.SelectMany(q => new[] { q.Depth, q.Consumers }));
        Assert.All(values, v =>
        {
            Assert.Null(v.Value);
            Assert.False(string.IsNullOrWhiteSpace(v.UnknownReason));
        });
        Assert.Contains("not set", baseline.DatabaseConnections.UnknownReason, StringComparison.Ordinal);
        Assert.Contains("not set", baseline.CacheHitRatio.UnknownReason, StringComparison.Ordinal);
        Assert.Equal("agent-tasks", Assert.Single(baseline.Queues).Name);
    }
}
