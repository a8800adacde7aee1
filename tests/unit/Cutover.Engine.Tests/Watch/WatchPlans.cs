namespace Cutover.Engine.Tests.Watch;

/// <summary>Plans built in memory for watch and rollback tests.</summary>
internal static class WatchPlans
{
    public static CutoverPlan Create(TriggersPlan? triggers = null, ThresholdsPlan? thresholds = null, string? statePath = null) => new()
    {
        Name = "watch-test",
        Environments = new EnvironmentsPlan
        {
            Blue = Environment(CutoverEnvironment.Blue, "2.1.0", 48081),
            Green = Environment(CutoverEnvironment.Green, "2.0.5", 48082),
        },
        Monitoring = new MonitoringPlan { PrometheusUrl = new Uri("http://127.0.0.1:49090"), ScrapeIntervalSec = 1, Queries = new QueryTemplates() },
        Traffic = new TrafficPlan { HAProxy = new HAProxyPlan { RuntimeApi = new Uri("tcp://127.0.0.1:48405"), Backend = "be_app", BlueServer = "blue", GreenServer = "green" } },
        Thresholds = thresholds ?? new ThresholdsPlan(),
        Triggers = triggers ?? new TriggersPlan(),
        Stages = [new StagePlan { BluePercent = 100, BakeSec = 1 }],
        Notifications = new NotificationsPlan(),
        State = new StatePlan { Path = statePath ?? Path.GetTempPath() },
    };

    private static EnvironmentPlan Environment(CutoverEnvironment environment, string version, int port) => new()
    {
        Environment = environment,
        AppUrl = new Uri($"http://127.0.0.1:{port}"),
        ExpectedVersion = version,
        PrometheusSelector = $"job=\"orchestrator\",env=\"{environment.ToString().ToLowerInvariant()}\"",
    };
}
