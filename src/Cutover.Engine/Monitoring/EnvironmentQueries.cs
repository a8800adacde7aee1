namespace Cutover.Engine.Monitoring;

/// <summary>
/// The plan's PromQL templates rendered for one environment and one window. Latency quantiles come back
/// in the histogram's unit (seconds with the default template); <see cref="SecondsToMs"/> converts.
/// </summary>
public sealed class EnvironmentQueries
{
    private readonly QueryTemplates _templates;
    private readonly string _selector;

    public EnvironmentQueries(CutoverPlan plan, CutoverEnvironment environment, TimeSpan? requestedWindow = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _templates = plan.Monitoring.Queries;
        _selector = plan.GetEnvironment(environment).PrometheusSelector;
        Environment = environment;
        Window = PromQlTemplate.Window(plan.Monitoring, requestedWindow);
    }

    public CutoverEnvironment Environment { get; }

    /// <summary>The window every range query uses (at least four scrape intervals).</summary>
    public TimeSpan Window { get; }

    public string RequestRate => Render(_templates.RequestRate);
    public string ErrorRatio => Render(_templates.ErrorRatio);
    public string RequestCount => Render(_templates.RequestCount);
    public string CpuRatio => Render(_templates.CpuRatio);
    public string MemoryRatio => Render(_templates.MemoryRatio);
    public string QueueDepth => Render(_templates.QueueDepth);

    public string LatencyQuantile(double quantile) => PromQlTemplate.Render(_templates.LatencyQuantile, _selector, Window, quantile);

    public static MetricSample SecondsToMs(MetricSample sample) =>
        sample.Value is { } seconds ? MetricSample.Known(sample.Query, seconds * 1000, sample.Timestamp) : sample;

    private string Render(string template) => PromQlTemplate.Render(template, _selector, Window);
}
