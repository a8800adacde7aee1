using System.Net;
using Cutover.Engine.Monitoring;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Engine.Tests.Monitoring;

public sealed class PrometheusClientTests
{
    private static readonly Uri Base = new("http://127.0.0.1:49090");

    private static PrometheusClient Client(StubHandler handler, TimeProvider? time = null, TimeSpan? timeout = null) =>
        new(Base, time ?? new FakeTimeProvider(), timeout, new HttpClient(handler));

    private static string Vector(params string[] values) =>
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" +
        string.Join(",", values.Select(v => "{\"metric\":{},\"value\":[1700000000.5,\"" + v + "\"]}")) + "]}}";

    [Fact]
    public async Task One_series_is_a_known_value_with_the_servers_timestamp()
    {
        var handler = StubHandler.Json(Vector("0.25"));
        var sample = await Client(handler).QueryScalarAsync("sum(up)", CancellationToken.None);

        Assert.True(sample.IsKnown);
        Assert.Equal(0.25, sample.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000500), sample.Timestamp);
        Assert.Equal("http://127.0.0.1:49090/api/v1/query?query=sum%28up%29", handler.Requests.Single().AbsoluteUri);
    }

    [Theory]
    [InlineData("NaN", "NaN")]
    [InlineData("+Inf", "+Inf")]
    [InlineData("-Inf", "-Inf")]
    public async Task NaN_and_infinities_are_unknown(string value, string reason)
    {
        var sample = await Client(StubHandler.Json(Vector(value))).QueryScalarAsync("q", CancellationToken.None);

        Assert.False(sample.IsKnown);
        Assert.Null(sample.Value);
        Assert.Contains(reason, sample.UnknownReason);
    }

    [Fact]
    public async Task An_empty_result_is_unknown()
    {
        var sample = await Client(StubHandler.Json(Vector())).QueryScalarAsync("q", CancellationToken.None);

        Assert.Null(sample.Value);
        Assert.Contains("empty result", sample.UnknownReason);
    }

    [Fact]
    public async Task Several_series_are_unknown_rather_than_one_picked()
    {
        var sample = await Client(StubHandler.Json(Vector("1", "2"))).QueryScalarAsync("q", CancellationToken.None);

        Assert.Null(sample.Value);
        Assert.Contains("2 series", sample.UnknownReason);
    }

    [Fact]
    public async Task A_scalar_result_is_read()
    {
        var sample = await Client(StubHandler.Json("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"3\"]}}"))
            .QueryScalarAsync("scalar(3)", CancellationToken.None);

        Assert.Equal(3, sample.Value);
    }

    [Fact]
    public async Task A_query_error_is_unknown_with_prometheus_words()
    {
        var sample = await Client(StubHandler.Json("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 4\"}", HttpStatusCode.BadRequest))
            .QueryScalarAsync("sum(", CancellationToken.None);

        Assert.Null(sample.Value);
        Assert.Contains("HTTP 400", sample.UnknownReason);
        Assert.Contains("parse error at char 4", sample.UnknownReason);
    }

    [Fact]
    public async Task A_non_json_answer_is_unknown()
    {
        var sample = await Client(StubHandler.Json("<html>bad gateway</html>", HttpStatusCode.BadGateway)).QueryScalarAsync("q", CancellationToken.None);

        Assert.Contains("HTTP 502", sample.UnknownReason);
    }

    [Fact]
    public async Task A_transport_error_is_unknown()
    {
        var handler = new StubHandler((_, _) => throw new HttpRequestException("Connection refused"));
        var sample = await Client(handler).QueryScalarAsync("q", CancellationToken.None);

        Assert.Contains("unreachable", sample.UnknownReason);
        Assert.Contains("Connection refused", sample.UnknownReason);
    }

    [Fact]
    public async Task A_timeout_is_unknown_and_the_clock_decides_it()
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var query = Client(handler, time, TimeSpan.FromSeconds(3)).QueryScalarAsync("q", CancellationToken.None);
        Assert.False(query.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(3));
        var sample = await query.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("did not answer within 3s", sample.UnknownReason);
    }

    [Fact]
    public async Task The_callers_cancellation_propagates()
    {
        using var cancel = new CancellationTokenSource();
        var handler = new StubHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var query = Client(handler).QueryScalarAsync("q", cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
    }

    [Fact]
    public async Task A_range_keeps_finite_points_only()
    {
        var body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1700000000,\"1\"],[1700000010,\"NaN\"],[1700000020,\"2.5\"]]}]}}";
        var start = DateTimeOffset.FromUnixTimeSeconds(1700000000);
        var series = await Client(StubHandler.Json(body)).QueryRangeAsync("q", start, start.AddSeconds(20), TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.True(series.IsKnown);
        Assert.Equal([1, 2.5], series.Points.Select(p => p.Value));
    }

    [Fact]
    public async Task Targets_rules_and_alerts_are_read()
    {
        var handler = new StubHandler((request, _) =>
        {
            var path = request.RequestUri!.AbsolutePath;
            var body = path switch
            {
                "/api/v1/targets" => "{\"status\":\"success\",\"data\":{\"activeTargets\":[{\"labels\":{\"job\":\"orchestrator\",\"instance\":\"a\"},\"health\":\"up\",\"scrapeUrl\":\"http://a/metrics\",\"lastError\":\"\"},{\"labels\":{\"job\":\"orchestrator\",\"instance\":\"b\"},\"health\":\"down\",\"scrapeUrl\":\"http://b/metrics\",\"lastError\":\"refused\"}]}}",
                "/api/v1/rules" => "{\"status\":\"success\",\"data\":{\"groups\":[{\"name\":\"g\",\"file\":\"f\",\"rules\":[{\"type\":\"alerting\"},{\"type\":\"recording\"}]}]}}",
                _ => "{\"status\":\"success\",\"data\":{\"alerts\":[{\"labels\":{\"alertname\":\"HighErrorRate\",\"severity\":\"critical\"},\"state\":\"firing\",\"activeAt\":\"2026-01-01T00:00:00Z\"}]}}",
            };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
        });
        var client = Client(handler);

        var targets = await client.GetActiveTargetsAsync(CancellationToken.None);
        var rules = await client.GetRuleGroupsAsync(CancellationToken.None);
        var alerts = await client.GetAlertsAsync(CancellationToken.None);

        Assert.Equal(2, targets.Active.Count);
        Assert.Equal(1, targets.Up);
        Assert.Equal("refused", targets.Active[1].LastError);
        Assert.Equal(new PrometheusRuleGroup("g", "f", 2, 1), Assert.Single(rules.Groups));
        var alert = Assert.Single(alerts.Alerts);
        Assert.Equal(("HighErrorRate", "firing", "critical"), (alert.Name, alert.State, alert.Severity));
    }

    [Fact]
    public async Task Unreadable_targets_say_why()
    {
        var targets = await Client(new StubHandler((_, _) => throw new HttpRequestException("refused"))).GetActiveTargetsAsync(CancellationToken.None);

        Assert.False(targets.IsKnown);
        Assert.Contains("refused", targets.UnknownReason);
    }
}
