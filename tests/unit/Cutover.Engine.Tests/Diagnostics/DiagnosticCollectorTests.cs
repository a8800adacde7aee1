using Cutover.Engine.Diagnostics;
using Cutover.Engine.Tests.Fakes;
using Cutover.Engine.Tests.Plans;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Engine.Tests.Diagnostics;

public sealed class DiagnosticCollectorTests
{
    private static readonly CutoverPlan Plan = PlanTrees.Read(PlanTrees.Valid()).Plan!;

    private sealed class NoSecrets : ISecretResolver
    {
        public string Resolve(SecretReference reference, string field) =>
            throw new CutoverException(CutoverErrorIds.SecretUnresolved, CutoverErrorKind.InvalidArgument, $"{field}: the variable is not set");
    }

    /// <summary>Answers each query by the first template word it contains; records the queries.</summary>
    private sealed class FakeMetrics(Func<string, DateTimeOffset, DateTimeOffset, TimeSpan, MetricSeries> answer) : IMetricSource
    {
        public List<string> Queries { get; } = [];
        public Task<MetricSample> QueryScalarAsync(string query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<MetricSeries> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken cancellationToken)
        {
            lock (Queries) Queries.Add(query);
            return Task.FromResult(answer(query, start, end, step));
        }
    }

    private static MetricSeries Series(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, params double[] values) => new()
    {
        Query = query, Start = start, End = end, Step = step,
        Points = [.. values.Select((v, i) => new MetricPoint(start + step * i, v))],
    };

    private static Task<CutoverDiagnostic> Collect(CutoverEnvironment environment, IMetricSource metrics, int rangeSec = 600) =>
        new DiagnosticCollector(Plan, new NoSecrets(), metrics, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(1)))
            .CollectAsync(environment, new DiagnosticOptions { RangeSec = rangeSec, TimeoutSec = 5 }, new RecordingHost(), CancellationToken.None);

    [Fact]
    public async Task Parts_the_plan_does_not_configure_are_unknown_saying_so_never_empty()
    {
        var diagnostic = await Collect(CutoverEnvironment.Green, new FakeMetrics((q, s, e, st) => Series(q, s, e, st, 0.1)));

        Assert.False(diagnostic.Connections.IsKnown);
        Assert.Contains("configures no PostgreSQL for Green", diagnostic.Connections.UnknownReason);
        Assert.Contains("configures no PostgreSQL", diagnostic.SlowStatements.UnknownReason);
        Assert.Null(diagnostic.SlowStatements.ExtensionInstalled);
        Assert.Contains("configures no replica", diagnostic.ReplicationPrimary.UnknownReason);
        Assert.Contains("configures no replica", diagnostic.ReplicationReplica.UnknownReason);
        var queue = Assert.Single(diagnostic.Queues);
        Assert.Contains("configures no RabbitMQ", queue.UnknownReason);
        Assert.Contains("configures no Redis", diagnostic.Cache.UnknownReason);
        Assert.Equal(6, diagnostic.UnknownCount);
        Assert.StartsWith("Unknown (", diagnostic.Cache.ToString());
    }

    [Fact]
    public async Task A_part_that_cannot_be_read_is_unknown_with_the_reason()
    {
        var diagnostic = await Collect(CutoverEnvironment.Blue, new FakeMetrics((q, s, e, st) => Series(q, s, e, st, 0.1)));

        foreach (var section in new DiagnosticSection[] { diagnostic.Connections, diagnostic.SlowStatements, diagnostic.ReplicationPrimary, diagnostic.ReplicationReplica })
            Assert.Contains("Environments.Blue.Postgres.Password: the variable is not set", section.UnknownReason);
        var queue = Assert.Single(diagnostic.Queues);
        Assert.Equal("agent-tasks", queue.Name);
        Assert.Contains("RabbitMq.Password", queue.UnknownReason);
        Assert.Contains("Redis.Password", diagnostic.Cache.UnknownReason);
        Assert.True(diagnostic.ErrorRatio.IsKnown);
    }

    [Fact]
    public async Task Series_cover_the_range_p95_is_in_milliseconds_and_the_trend_is_last_minus_first()
    {
        var metrics = new FakeMetrics((q, s, e, st) => q.Contains("histogram_quantile") ? Series(q, s, e, st, 0.05, 0.25, 0.2)
            : Series(q, s, e, st, 0.5, 0.55, 0.7));

        var diagnostic = await Collect(CutoverEnvironment.Green, metrics, rangeSec: 600);

        Assert.Equal("ms", diagnostic.P95Ms.Unit);
        Assert.Equal([50, 250, 200], diagnostic.P95Ms.Points.Select(p => Math.Round(p.Value, 6)));
        Assert.Equal(250, diagnostic.P95Ms.Max!.Value, 6);
        Assert.Equal(0.2, diagnostic.MemoryRatio.Change!.Value, 6);
        Assert.Equal(TimeSpan.FromSeconds(600), diagnostic.ErrorRatio.End - diagnostic.ErrorRatio.Start);
        Assert.Equal(TimeSpan.FromSeconds(5), diagnostic.ErrorRatio.Step);
        Assert.Equal(3, metrics.Queries.Count);
        Assert.Contains(metrics.Queries, q => q.Contains("env=\"green\""));
    }

    [Fact]
    public async Task A_series_prometheus_cannot_answer_or_that_has_no_point_is_unknown()
    {
        var metrics = new FakeMetrics((q, s, e, st) => q.Contains("histogram_quantile")
            ? new MetricSeries { Query = q, Start = s, End = e, Step = st, UnknownReason = "Prometheus unreachable" }
            : Series(q, s, e, st));

        var diagnostic = await Collect(CutoverEnvironment.Green, metrics);

        Assert.False(diagnostic.P95Ms.IsKnown);
        Assert.Equal("Prometheus unreachable", diagnostic.P95Ms.UnknownReason);
        Assert.Contains("no point in the range", diagnostic.ErrorRatio.UnknownReason);
        Assert.Empty(diagnostic.ErrorRatio.Points);
        Assert.Null(diagnostic.ErrorRatio.Change);
    }

    [Theory]
    [InlineData("ALTER ROLE app PASSWORD 'hunter2'", "ALTER ROLE app PASSWORD '***'")]
    [InlineData("create user x with password 'it''s' valid until 'x'", "create user x with password '***' valid until 'x'")]
    [InlineData("SELECT $1 FROM t WHERE password_hash = $2", "SELECT $1 FROM t WHERE password_hash = $2")]
    public void Password_literals_in_statement_text_are_masked(string query, string expected) =>
        Assert.Equal(expected, PostgresDiagnostics.MaskStatement(query));
}
