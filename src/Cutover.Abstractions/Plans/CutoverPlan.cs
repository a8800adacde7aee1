namespace Cutover;

/// <summary>One cutover, described completely: both environments, monitoring, traffic, gates and triggers.</summary>
public sealed class CutoverPlan
{
    public required string Name { get; init; }

    /// <summary>The file the plan was read from; null for a plan built in memory.</summary>
    public string? SourcePath { get; init; }

    public required EnvironmentsPlan Environments { get; init; }
    public required MonitoringPlan Monitoring { get; init; }
    public required TrafficPlan Traffic { get; init; }
    public required ThresholdsPlan Thresholds { get; init; }
    public required TriggersPlan Triggers { get; init; }
    public required IReadOnlyList<StagePlan> Stages { get; init; }
    public required NotificationsPlan Notifications { get; init; }
    public required StatePlan State { get; init; }
    public IReadOnlyList<string> SmokeTests { get; init; } = [];
    public int ExtendedMonitoringSec { get; init; }
    public int GreenRetentionMin { get; init; } = 60;

    public EnvironmentPlan GetEnvironment(CutoverEnvironment environment) =>
        environment == CutoverEnvironment.Blue ? Environments.Blue : Environments.Green;

    public override string ToString() => Name;
}

public sealed class EnvironmentsPlan
{
    public required EnvironmentPlan Blue { get; init; }
    public required EnvironmentPlan Green { get; init; }
}

public sealed class EnvironmentPlan
{
    public required CutoverEnvironment Environment { get; init; }
    public required Uri AppUrl { get; init; }
    public string HealthPath { get; init; } = "/health";
    public required string ExpectedVersion { get; init; }
    public IReadOnlyList<string> ApiEndpoints { get; init; } = ["/api/agents", "/api/messages", "/api/status"];
    public required string PrometheusSelector { get; init; }
    public PostgresPlan? Postgres { get; init; }
    public RabbitMqPlan? RabbitMq { get; init; }
    public RedisPlan? Redis { get; init; }
}

public sealed class PostgresPlan
{
    public required string Host { get; init; }
    public int Port { get; init; } = 5432;
    public required string Database { get; init; }
    public required string Username { get; init; }
    public SecretReference? Password { get; init; }
    public PostgresReplicaPlan? Replica { get; init; }
    public int MaxConnections { get; init; } = 80;
}

public sealed class PostgresReplicaPlan
{
    public required string Host { get; init; }
    public int Port { get; init; } = 5432;
}

public sealed class RabbitMqPlan
{
    public required Uri AmqpUri { get; init; }
    public required Uri ManagementUrl { get; init; }
    public required string Username { get; init; }
    public SecretReference? Password { get; init; }
    public IReadOnlyList<string> Queues { get; init; } = [];
}

public sealed class RedisPlan
{
    /// <summary>host:port.</summary>
    public required string Endpoint { get; init; }
    public SecretReference? Password { get; init; }
}

public sealed class MonitoringPlan
{
    public required Uri PrometheusUrl { get; init; }
    public Uri? GrafanaUrl { get; init; }
    public int MinActiveTargets { get; init; } = 20;
    public int MinRuleGroups { get; init; } = 10;
    public int ScrapeIntervalSec { get; init; } = 15;
    public required QueryTemplates Queries { get; init; }
}

/// <summary>
/// PromQL templates. <c>{selector}</c> is replaced by the environment's label matchers and
/// <c>{window}</c> by the range window (at least four scrape intervals). The error ratio's numerator
/// falls back to 0 when no 5xx series exists yet, so a healthy app reads 0, while no requests at all
/// still read NaN (Unknown).
/// </summary>
public sealed class QueryTemplates
{
    public const string DefaultRequestRate =
        "sum(rate(http_requests_total{{selector}}[{window}]))";
    public const string DefaultErrorRatio =
        "(sum(rate(http_requests_total{{selector},status=~\"5..\"}[{window}])) or vector(0)) / sum(rate(http_requests_total{{selector}}[{window}]))";
    public const string DefaultRequestCount =
        "sum(increase(http_requests_total{{selector}}[{window}]))";
    public const string DefaultLatencyQuantile =
        "histogram_quantile({quantile}, sum by (le) (rate(http_request_duration_seconds_bucket{{selector}}[{window}])))";
    public const string DefaultCpuRatio =
        "sum(rate(process_cpu_seconds_total{{selector}}[{window}])) / sum(app_cpu_limit_cores{{selector}})";
    public const string DefaultMemoryRatio =
        "sum(process_resident_memory_bytes{{selector}}) / sum(app_memory_limit_bytes{{selector}})";
    public const string DefaultQueueDepth =
        "sum(app_queue_depth{{selector}})";

    public string RequestRate { get; init; } = DefaultRequestRate;
    public string ErrorRatio { get; init; } = DefaultErrorRatio;
    public string RequestCount { get; init; } = DefaultRequestCount;
    public string LatencyQuantile { get; init; } = DefaultLatencyQuantile;
    public string CpuRatio { get; init; } = DefaultCpuRatio;
    public string MemoryRatio { get; init; } = DefaultMemoryRatio;
    public string QueueDepth { get; init; } = DefaultQueueDepth;
}

public sealed class ThresholdsPlan
{
    public double MaxErrorRatio { get; init; } = 0.01;
    public double MaxP95Ms { get; init; } = 200;
    public double MaxReplicationLagSec { get; init; } = 1;
    public int MinRequestCount { get; init; } = 20;
    public double MaxCpuRatio { get; init; } = 0.8;
    public double MaxMemoryRatio { get; init; } = 0.8;
}

/// <summary>A sustained-breach condition: the value stays above <see cref="Above"/> for <see cref="ForSec"/>.</summary>
public sealed class SustainedCondition
{
    public required double Above { get; init; }
    public required int ForSec { get; init; }

    public override string ToString() => $"> {Above} for {ForSec}s";
}

public sealed class TriggersPlan
{
    public SustainedCondition ErrorRatio { get; init; } = new() { Above = 0.10, ForSec = 30 };
    public SustainedCondition P95Ms { get; init; } = new() { Above = 2000, ForSec = 30 };
    public int DatabaseUnreachableSec { get; init; } = 10;
    public int HealthDownSec { get; init; } = 10;
    public SustainedCondition MemoryRatio { get; init; } = new() { Above = 0.85, ForSec = 30 };
    public SustainedCondition CpuRatio { get; init; } = new() { Above = 0.95, ForSec = 30 };
    public int ErrorBudget { get; init; } = 4;
    public IReadOnlyList<string> Alerts { get; init; } = ["HighErrorRate", "HighResponseTime", "DatabaseConnectionLoss"];
    public double? RelativeP95 { get; init; }
}

public sealed class StagePlan
{
    public required int BluePercent { get; init; }
    public required int BakeSec { get; init; }

    public override string ToString() => $"{BluePercent}% for {BakeSec}s";
}

public sealed class NotificationsPlan
{
    public PagerDutyPlan? PagerDuty { get; init; }
    public SlackPlan? Slack { get; init; }
    public StatuspagePlan? Statuspage { get; init; }
}

public sealed class PagerDutyPlan
{
    public required SecretReference RoutingKey { get; init; }
    public Uri EventsUrl { get; init; } = new("https://events.pagerduty.com/v2/enqueue");
}

public sealed class SlackPlan
{
    public required SecretReference WebhookUrl { get; init; }
}

public sealed class StatuspagePlan
{
    public required string PageId { get; init; }
    public required SecretReference Token { get; init; }
    public Uri ApiUrl { get; init; } = new("https://api.statuspage.io/v1");
}

public sealed class StatePlan
{
    /// <summary>Absolute folder for journals and locks.</summary>
    public required string Path { get; init; }

    /// <summary>Optional Redis endpoint (host:port) for the rollback and traffic lock.</summary>
    public string? RedisLock { get; init; }
    public SecretReference? RedisLockPassword { get; init; }
}
