using Cutover.Engine.Health.Evaluation;
using Cutover.Engine.Monitoring;

namespace Cutover.Engine.Tests.Health;

public sealed class EvaluatorTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Replication_without_a_row_means_the_replica_is_not_connected()
    {
        var result = ReplicationEvaluator.Evaluate([], 1, "t");

        Assert.Equal(HealthStatus.Fail, result.Status);
        Assert.Contains("not connected", result.Message);
    }

    [Fact]
    public void Replication_null_replay_lag_with_zero_bytes_is_caught_up()
    {
        var result = ReplicationEvaluator.Evaluate([new ReplicationRow("replica1", "127.0.0.1", "streaming", null, 0)], 1, "t");

        Assert.Equal(HealthStatus.Pass, result.Status);
        Assert.Contains("caught up", result.Message);
    }

    [Fact]
    public void Replication_null_replay_lag_with_bytes_behind_is_unknown()
    {
        Assert.Equal(HealthStatus.Unknown, ReplicationEvaluator.Evaluate([new ReplicationRow("r", null, "streaming", null, 4096)], 1, "t").Status);
    }

    [Fact]
    public void Only_a_streaming_standby_behind_by_bytes_without_a_replay_lag_is_read_again()
    {
        Assert.True(ReplicationEvaluator.IsBetweenReplies([new ReplicationRow("r", null, "streaming", null, 24)]));
        Assert.False(ReplicationEvaluator.IsBetweenReplies([new ReplicationRow("r", null, "streaming", null, 0)]));
        Assert.False(ReplicationEvaluator.IsBetweenReplies([new ReplicationRow("r", null, "streaming", 0.01, 24)]));
        Assert.False(ReplicationEvaluator.IsBetweenReplies([new ReplicationRow("r", null, "catchup", null, 24)]));
        Assert.False(ReplicationEvaluator.IsBetweenReplies([new ReplicationRow("r", null, null, null, null)]));
        Assert.False(ReplicationEvaluator.IsBetweenReplies([]));
    }

    [Theory]
    [InlineData(0.2, HealthStatus.Pass)]
    [InlineData(1.0, HealthStatus.Fail)]
    [InlineData(3.5, HealthStatus.Fail)]
    public void Replication_lag_must_be_below_the_threshold(double lag, HealthStatus expected)
    {
        var result = ReplicationEvaluator.Evaluate([new ReplicationRow("r", null, "streaming", lag, 100)], 1, "t");

        Assert.Equal(expected, result.Status);
        Assert.Contains("replay_lag", result.Observed);
    }

    [Fact]
    public void Replication_not_streaming_fails_and_hidden_columns_are_unknown()
    {
        Assert.Equal(HealthStatus.Fail, ReplicationEvaluator.Evaluate([new ReplicationRow("r", null, "catchup", 0, 0)], 1, "t").Status);
        Assert.Equal(HealthStatus.Unknown, ReplicationEvaluator.Evaluate([new ReplicationRow("r", null, null, null, null)], 1, "t").Status);
    }

    [Fact]
    public void Error_ratio_is_unknown_below_the_minimum_request_count()
    {
        var result = MetricEvaluator.ErrorRate(MetricSample.Known("c", 5, Now), MetricSample.Known("r", 0, Now), 20, 0.01, "t");

        Assert.Equal(HealthStatus.Unknown, result.Status);
        Assert.Contains("MinRequestCount 20", result.Message);
    }

    [Theory]
    [InlineData(0.0, HealthStatus.Pass)]
    [InlineData(0.0099, HealthStatus.Pass)]
    [InlineData(0.01, HealthStatus.Fail)]
    [InlineData(0.5, HealthStatus.Fail)]
    public void Error_ratio_passes_only_below_the_maximum(double ratio, HealthStatus expected)
    {
        var result = MetricEvaluator.ErrorRate(MetricSample.Known("c", 100, Now), MetricSample.Known("r", ratio, Now), 20, 0.01, "t");

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void Unknown_samples_stay_unknown_with_their_reason()
    {
        var unknown = MetricSample.Unknown("q", "Prometheus unreachable", Now);

        Assert.Equal(HealthStatus.Unknown, MetricEvaluator.ErrorRate(unknown, unknown, 20, 0.01, "t").Status);
        Assert.Contains("Prometheus unreachable", MetricEvaluator.ErrorRate(MetricSample.Known("c", 50, Now), unknown, 20, 0.01, "t").Message);
        var enough = MetricSample.Known("c", 50, Now);
        Assert.Equal(HealthStatus.Unknown, MetricEvaluator.Latency(enough, unknown, 20, 200, "t").Status);
        Assert.Contains("Prometheus unreachable", MetricEvaluator.Latency(unknown, MetricSample.Known("p", 20, Now), 20, 200, "t").Message);
        Assert.Equal(HealthStatus.Fail, MetricEvaluator.Latency(enough, MetricSample.Known("p", 250, Now), 20, 200, "t").Status);
        Assert.Equal(HealthStatus.Pass, MetricEvaluator.Latency(enough, MetricSample.Known("p", 20, Now), 20, 200, "t").Status);
    }

    [Fact]
    public void A_p95_from_fewer_requests_than_the_minimum_is_not_judged()
    {
        var result = MetricEvaluator.Latency(MetricSample.Known("c", 4, Now), MetricSample.Known("p", 20, Now), 20, 200, "t");

        Assert.Equal(HealthStatus.Unknown, result.Status);
        Assert.Contains("only 4 request(s) in the window, fewer than MinRequestCount 20", result.Message);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(3, 1, 0.75)]
    [InlineData(0, 5, 0.0)]
    public void Hit_ratio_is_hits_over_lookups_and_undefined_without_lookups(long hits, long misses, double? expected)
    {
        Assert.Equal(expected, RedisEvaluator.HitRatio(hits, misses));
    }

    [Fact]
    public void App_health_needs_status_version_and_every_dependency()
    {
        const string ok = """{"status":"ok","version":"2.1.0","database":"ok","rabbitmq":"ok","redis":"ok"}""";
        Assert.Equal(HealthStatus.Pass, AppHealthEvaluator.Evaluate(200, ok, "2.1.0", "t").Status);

        var wrongVersion = AppHealthEvaluator.Evaluate(200, ok.Replace("2.1.0", "9.9.9"), "2.1.0", "t");
        Assert.Equal(HealthStatus.Fail, wrongVersion.Status);
        Assert.Contains("'9.9.9', expected '2.1.0'", wrongVersion.Message);

        var redisDown = AppHealthEvaluator.Evaluate(503, ok.Replace("\"redis\":\"ok\"", "\"redis\":\"timeout\"").Replace("\"status\":\"ok\"", "\"status\":\"degraded\""), "2.1.0", "t");
        Assert.Equal(HealthStatus.Fail, redisDown.Status);
        Assert.Contains("redis is 'timeout'", redisDown.Message);
        Assert.Equal(HealthStatus.Fail, AppHealthEvaluator.Evaluate(200, "not json", "2.1.0", "t").Status);
    }

    [Fact]
    public void Api_accepts_200_and_401_only()
    {
        Assert.Equal(HealthStatus.Pass, ApiEvaluator.Evaluate([new("/a", 200, null), new("/b", 401, null)], "t").Status);
        Assert.Equal(HealthStatus.Fail, ApiEvaluator.Evaluate([new("/a", 200, null), new("/b", 500, null)], "t").Status);
        Assert.Equal(HealthStatus.Fail, ApiEvaluator.Evaluate([new("/a", null, "refused")], "t").Status);
    }

    [Fact]
    public void Queues_missing_fail_and_unconsumed_messages_warn()
    {
        Assert.Equal(HealthStatus.Pass, RabbitMqEvaluator.Evaluate("4", [new QueueState("q", 3, 1)], "t").Status);
        Assert.Equal(HealthStatus.Warn, RabbitMqEvaluator.Evaluate("4", [new QueueState("q", 3, 0)], "t").Status);
        Assert.Equal(HealthStatus.Fail, RabbitMqEvaluator.Evaluate("4", [new QueueState("q", null, null)], "t").Status);
    }

    [Fact]
    public void Database_warns_above_max_connections()
    {
        Assert.Equal(HealthStatus.Pass, DatabaseEvaluator.Evaluate(Now, 80, 80, "t").Status);
        Assert.Equal(HealthStatus.Warn, DatabaseEvaluator.Evaluate(Now, 81, 80, "t").Status);
    }

    [Fact]
    public void Monitoring_needs_the_minimum_targets_and_rule_groups()
    {
        var targets = new PrometheusTargets([new("j", "a", "up", "u", null), new("j", "b", "up", "u", null)], null);
        var rules = new PrometheusRuleGroups([new("g", "f", 1, 1)], null);

        Assert.Equal(HealthStatus.Pass, MonitoringEvaluator.Evaluate(targets, rules, null, 2, 1, "t").Status);
        Assert.Equal(HealthStatus.Fail, MonitoringEvaluator.Evaluate(targets, rules, null, 20, 1, "t").Status);
        Assert.Equal(HealthStatus.Fail, MonitoringEvaluator.Evaluate(targets, rules, "HTTP 503, database failing", 2, 1, "t").Status);
        Assert.Equal(HealthStatus.Unknown, MonitoringEvaluator.Evaluate(new PrometheusTargets([], "refused"), rules, null, 2, 1, "t").Status);
    }
}
