using LoadGenerator;

namespace Fixtures.Tests.LoadGenerator;

public class ReportBuilderTests
{
    private static readonly LoadOptions Options = new(new Uri("http://127.0.0.1:48080/api/status"), 10, TimeSpan.FromSeconds(2),
        8, TimeSpan.FromSeconds(1), false, true, null);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Outcomes_are_counted_by_status_environment_and_error()
    {
        var builder = new ReportBuilder(Options);
        for (var i = 0; i < 12; i++) builder.Add(Outcome.Response(200, "blue", Ms(10)));
        for (var i = 0; i < 4; i++) builder.Add(Outcome.Response(200, "green", Ms(20)));
        builder.Add(Outcome.Response(503, "green", Ms(5)));
        builder.Add(Outcome.Response(502, null, Ms(1)));
        builder.Add(Outcome.ConnectionError(Ms(1)));
        builder.Add(Outcome.Timeout(Ms(1000)));

        var report = builder.Build(TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(2.5));

        Assert.Equal(20, report.Total);
        Assert.Equal(new Dictionary<string, int> { ["200"] = 16, ["502"] = 1, ["503"] = 1 }, report.ByStatus);
        Assert.Equal(new Dictionary<string, int> { ["blue"] = 12, ["green"] = 5, ["none"] = 1 }, report.ByEnvironment);
        Assert.Equal(1, report.ConnectionErrors);
        Assert.Equal(1, report.Timeouts);
        Assert.Equal(4, report.Failed);
        Assert.Equal(10, report.AchievedRate);
        Assert.Equal(2.5, report.ElapsedSeconds);
    }

    [Fact]
    public void Latency_percentiles_use_responses_only_by_nearest_rank()
    {
        var builder = new ReportBuilder(Options);
        for (var i = 1; i <= 100; i++) builder.Add(Outcome.Response(200, "blue", Ms(i)));
        builder.Add(Outcome.Timeout(Ms(5000)));

        var latency = builder.Build(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)).LatencyMs;

        Assert.Equal(new LatencySummary(50, 95, 99, 100), latency);
    }

    [Fact]
    public void A_slow_send_window_lowers_the_achieved_rate()
    {
        var builder = new ReportBuilder(Options);
        for (var i = 0; i < 20; i++) builder.Add(Outcome.Response(200, "blue", Ms(1)));

        Assert.Equal(5, builder.Build(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4)).AchievedRate);
    }

    [Fact]
    public void A_run_stopped_early_reports_the_rate_over_the_time_it_ran()
    {
        var builder = new ReportBuilder(Options);
        for (var i = 0; i < 20; i++) builder.Add(Outcome.Response(200, "blue", Ms(1)));

        Assert.Equal(20, builder.Build(TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(1), stoppedEarly: true).AchievedRate);
    }

    [Fact]
    public void No_responses_means_no_latency()
    {
        var builder = new ReportBuilder(Options);
        builder.Add(Outcome.ConnectionError(Ms(1)));

        var report = builder.Build(TimeSpan.Zero, TimeSpan.FromSeconds(2));

        Assert.Equal(new LatencySummary(null, null, null, null), report.LatencyMs);
        Assert.Empty(report.ByEnvironment);
        Assert.Equal(1, report.Failed);
    }

    [Fact]
    public void Json_is_one_camel_case_object()
    {
        var builder = new ReportBuilder(Options);
        builder.Add(Outcome.Response(200, "blue", Ms(3)));

        var json = ReportWriter.Json(builder.Build(TimeSpan.Zero, TimeSpan.FromSeconds(2)));

        Assert.StartsWith("{\"url\":\"http://127.0.0.1:48080/api/status\",\"rate\":10,", json);
        Assert.Contains("\"byEnvironment\":{\"blue\":1}", json);
        Assert.Contains("\"latencyMs\":{\"p50\":3,", json);
        Assert.DoesNotContain('\n', json);
    }
}
