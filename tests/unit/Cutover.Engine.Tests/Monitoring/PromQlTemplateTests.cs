using Cutover.Engine.Monitoring;
using Cutover.Engine.Tests.Plans;

namespace Cutover.Engine.Tests.Monitoring;

public sealed class PromQlTemplateTests
{
    private static MonitoringPlan Monitoring(int scrape) => new()
    {
        PrometheusUrl = new Uri("http://127.0.0.1:49090"), ScrapeIntervalSec = scrape, Queries = new QueryTemplates(),
    };

    [Theory]
    [InlineData(15, null, 60)]
    [InlineData(15, 30.0, 60)]
    [InlineData(15, 300.0, 300)]
    [InlineData(1, 10.2, 11)]
    [InlineData(1, null, 4)]
    public void The_window_is_at_least_four_scrapes_in_whole_seconds(int scrape, double? requested, int expected)
    {
        var window = PromQlTemplate.Window(Monitoring(scrape), requested is { } r ? TimeSpan.FromSeconds(r) : null);

        Assert.Equal(TimeSpan.FromSeconds(expected), window);
    }

    [Fact]
    public void The_default_error_ratio_renders_the_selector_and_window()
    {
        var text = PromQlTemplate.Render(QueryTemplates.DefaultErrorRatio, "job=\"o\",env=\"blue\"", TimeSpan.FromSeconds(60));

        Assert.Equal("(sum(rate(http_requests_total{job=\"o\",env=\"blue\",status=~\"5..\"}[60s])) or vector(0)) / sum(rate(http_requests_total{job=\"o\",env=\"blue\"}[60s]))", text);
    }

    [Fact]
    public void A_quantile_is_rendered_invariantly_and_required_when_used()
    {
        var text = PromQlTemplate.Render(QueryTemplates.DefaultLatencyQuantile, "env=\"g\"", TimeSpan.FromSeconds(4), 0.95);

        Assert.StartsWith("histogram_quantile(0.95, ", text);
        Assert.Contains("[4s]", text);
        Assert.Throws<ArgumentOutOfRangeException>(() => PromQlTemplate.Render(QueryTemplates.DefaultLatencyQuantile, "x", TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public void Environment_queries_use_the_environments_selector()
    {
        var plan = PlanTrees.Read(PlanTrees.Valid()).Plan!;
        var queries = new EnvironmentQueries(plan, CutoverEnvironment.Green);

        Assert.Equal(TimeSpan.FromSeconds(4), queries.Window);
        Assert.Equal("sum(increase(http_requests_total{job=\"orchestrator\",env=\"green\"}[4s]))", queries.RequestCount);
    }
}
