using Cutover.Engine.Plans;

namespace Cutover.Engine.Tests.Plans;

/// <summary>Each validation rule of <see cref="PlanReader"/>, with a value it accepts and values it rejects.</summary>
public sealed class PlanRuleTests
{
    private static PlanReader.Result AssertRule(Dictionary<string, object?> tree, string field, bool valid)
    {
        var result = PlanTrees.Read(tree);
        if (valid)
        {
            Assert.DoesNotContain(result.Problems, p => p.Severity == PlanProblemSeverity.Error);
            Assert.NotNull(result.Plan);
        }
        else
        {
            Assert.NotEmpty(result.ErrorsAt(field));
            Assert.Null(result.Plan);
        }
        return result;
    }

    private static void AssertValue(string path, string json, bool valid, string? field = null) =>
        AssertRule(PlanTrees.Valid().Set(path, PlanTrees.Value(json)), field ?? path, valid);

    [Theory]
    [InlineData("\"https://blue.example.com:8443/base\"", true)]
    [InlineData("\"http://[::1]:3000\"", true)]
    [InlineData("\"ftp://blue.example.com\"", false)]
    [InlineData("\"/relative/path\"", false)]
    [InlineData("\"blue.example.com:3000\"", false)]
    [InlineData("\"http://blue:99999\"", false)]
    [InlineData("42", false)]
    public void AppUrl_is_an_absolute_http_url(string json, bool valid) =>
        AssertValue("Environments.Blue.AppUrl", json, valid);

    [Theory]
    [InlineData("Environments.Blue.RabbitMq.AmqpUri", "\"amqps://mq.internal:5671/vh\"", true)]
    [InlineData("Environments.Blue.RabbitMq.AmqpUri", "\"http://mq.internal:5672\"", false)]
    [InlineData("Environments.Blue.RabbitMq.AmqpUri", "\"amqp://user:pass@mq.internal:5672/vh\"", false)]
    [InlineData("Environments.Blue.RabbitMq.ManagementUrl", "\"amqp://mq.internal:15672\"", false)]
    [InlineData("Monitoring.PrometheusUrl", "\"https://prometheus.internal\"", true)]
    [InlineData("Monitoring.PrometheusUrl", "\"prometheus:9090\"", false)]
    [InlineData("Monitoring.GrafanaUrl", "\"grafana\"", false)]
    [InlineData("Traffic.HAProxy.RuntimeApi", "\"unix:///run/haproxy/admin.sock\"", true)]
    [InlineData("Traffic.HAProxy.RuntimeApi", "\"tcp://lb.internal\"", false)]
    [InlineData("Traffic.HAProxy.RuntimeApi", "\"tcp://lb.internal:9999/stats\"", false)]
    [InlineData("Traffic.HAProxy.RuntimeApi", "\"http://lb.internal:9999\"", false)]
    public void Other_urls_have_their_schemes(string path, string json, bool valid) => AssertValue(path, json, valid);

    [Fact]
    public void The_environments_need_different_application_urls()
    {
        var tree = PlanTrees.Valid().Set("Environments.Green.AppUrl", "HTTP://127.0.0.1:48081/other");
        AssertRule(tree, "Environments.Green.AppUrl", valid: false);
    }

    [Theory]
    [InlineData("\"/healthz\"", true)]
    [InlineData("\"health\"", false)]
    public void HealthPath_is_a_path(string json, bool valid) => AssertValue("Environments.Blue.HealthPath", json, valid);

    [Theory]
    [InlineData("[\"/api/a\", \"/api/b\"]", true, "Environments.Blue.ApiEndpoints")]
    [InlineData("[\"/api/a\", \"api/b\"]", false, "Environments.Blue.ApiEndpoints[1]")]
    [InlineData("[\"/api/a\", \"/API/A\"]", false, "Environments.Blue.ApiEndpoints")]
    [InlineData("[\"/api/a\", \"\"]", false, "Environments.Blue.ApiEndpoints[1]")]
    public void ApiEndpoints_are_distinct_paths(string json, bool valid, string field) =>
        AssertValue("Environments.Blue.ApiEndpoints", json, valid, field);

    [Theory]
    [InlineData("\"redis.internal:6379\"", true)]
    [InlineData("\"redis.internal\"", true)]
    [InlineData("\"[::1]:6379\"", true)]
    [InlineData("\"redis.internal:0\"", false)]
    [InlineData("\"redis.internal:65536\"", false)]
    [InlineData("\"redis.internal:abc\"", false)]
    [InlineData("\"redis.internal:\"", false)]
    [InlineData("\"::1:6379\"", false)]
    [InlineData("\"[::1\"", false)]
    [InlineData("\"redis internal:6379\"", false)]
    public void Redis_endpoints_are_host_port(string json, bool valid) =>
        AssertValue("Environments.Blue.Redis.Endpoint", json, valid);

    [Fact]
    public void A_bare_host_takes_the_default_port()
    {
        var plan = PlanTrees.Read(PlanTrees.Valid().Set("Environments.Blue.Redis.Endpoint", "[::1]")).Plan!;
        Assert.Equal("[::1]:6379", plan.Environments.Blue.Redis!.Endpoint);
    }

    [Theory]
    [InlineData("Environments.Blue.Postgres.Host", "\"db.internal\"", true)]
    [InlineData("Environments.Blue.Postgres.Host", "\"db.internal:5432\"", false)]
    [InlineData("Environments.Blue.Postgres.Host", "\"db internal\"", false)]
    [InlineData("Environments.Blue.Postgres.Replica.Host", "\"http://replica\"", false)]
    public void Database_hosts_are_bare_hosts(string path, string json, bool valid) => AssertValue(path, json, valid);

    [Theory]
    [InlineData("1", true)]
    [InlineData("65535", true)]
    [InlineData("\"5432\"", true)]
    [InlineData("0", false)]
    [InlineData("65536", false)]
    [InlineData("5432.5", false)]
    [InlineData("\"five\"", false)]
    [InlineData("true", false)]
    public void Ports_are_whole_numbers_from_1_to_65535(string json, bool valid)
    {
        AssertValue("Environments.Blue.Postgres.Port", json, valid);
        AssertValue("Environments.Blue.Postgres.Replica.Port", json, valid);
    }

    [Theory]
    [InlineData("[{\"BluePercent\": 1}, {\"BluePercent\": 100}]", true, "")]
    [InlineData("[{\"BluePercent\": 0}, {\"BluePercent\": 100}]", false, "Stages[0].BluePercent")]
    [InlineData("[{\"BluePercent\": 101}]", false, "Stages[0].BluePercent")]
    [InlineData("[{\"BluePercent\": 50.5}, {\"BluePercent\": 100}]", false, "Stages[0].BluePercent")]
    [InlineData("[{\"BakeSec\": 60}, {\"BluePercent\": 100}]", false, "Stages[0].BluePercent")]
    public void Stage_percentages_are_whole_numbers_from_1_to_100(string json, bool valid, string field) =>
        AssertValue("Stages", json, valid, field);

    [Theory]
    [InlineData("Stages", "[{\"BluePercent\": 100, \"BakeSec\": 0}]", true, "Stages[0].BakeSec")]
    [InlineData("Stages", "[{\"BluePercent\": 100, \"BakeSec\": -5}]", false, "Stages[0].BakeSec")]
    [InlineData("Stages", "[{\"BluePercent\": 100, \"BakeSec\": 86401}]", false, "Stages[0].BakeSec")]
    [InlineData("Triggers", "{\"ErrorRatio\": {\"ForSec\": 3600}}", true, "")]
    [InlineData("Triggers", "{\"ErrorRatio\": {\"ForSec\": 3601}}", false, "Triggers.ErrorRatio.ForSec")]
    [InlineData("Triggers", "{\"DatabaseUnreachableSec\": -1}", false, "Triggers.DatabaseUnreachableSec")]
    [InlineData("Triggers", "{\"HealthDownSec\": 1.5}", false, "Triggers.HealthDownSec")]
    [InlineData("Monitoring.ScrapeIntervalSec", "3601", false, "Monitoring.ScrapeIntervalSec")]
    [InlineData("ExtendedMonitoringSec", "86400", true, "")]
    [InlineData("ExtendedMonitoringSec", "86401", false, "ExtendedMonitoringSec")]
    [InlineData("GreenRetentionMin", "-1", false, "GreenRetentionMin")]
    public void Durations_are_bounded(string path, string json, bool valid, string field) =>
        AssertValue(path, json, valid, field);

    [Theory]
    [InlineData("Thresholds", "{\"MaxErrorRatio\": 0, \"MaxCpuRatio\": 1, \"MaxMemoryRatio\": 0.5, \"MinRequestCount\": 0}", true, "")]
    [InlineData("Thresholds", "{\"MaxErrorRatio\": 1.5}", false, "Thresholds.MaxErrorRatio")]
    [InlineData("Thresholds", "{\"MaxErrorRatio\": \"NaN\"}", false, "Thresholds.MaxErrorRatio")]
    [InlineData("Thresholds", "{\"MaxP95Ms\": 0}", false, "Thresholds.MaxP95Ms")]
    [InlineData("Thresholds", "{\"MaxReplicationLagSec\": -0.1}", false, "Thresholds.MaxReplicationLagSec")]
    [InlineData("Thresholds", "{\"MinRequestCount\": 2.5}", false, "Thresholds.MinRequestCount")]
    [InlineData("Thresholds", "{\"MaxCpuRatio\": 80}", false, "Thresholds.MaxCpuRatio")]
    [InlineData("Triggers", "{\"ErrorRatio\": {\"Above\": 1.1}}", false, "Triggers.ErrorRatio.Above")]
    [InlineData("Triggers", "{\"P95Ms\": {\"Above\": 600001}}", false, "Triggers.P95Ms.Above")]
    [InlineData("Triggers", "{\"MemoryRatio\": {\"Above\": -0.1}}", false, "Triggers.MemoryRatio.Above")]
    [InlineData("Triggers", "{\"ErrorBudget\": 0}", false, "Triggers.ErrorBudget")]
    [InlineData("Triggers", "{\"RelativeP95\": 1.5}", true, "")]
    [InlineData("Triggers", "{\"RelativeP95\": 0.5}", false, "Triggers.RelativeP95")]
    [InlineData("Monitoring.MinActiveTargets", "-1", false, "Monitoring.MinActiveTargets")]
    public void Thresholds_and_triggers_are_in_range(string path, string json, bool valid, string field) =>
        AssertValue(path, json, valid, field);

    [Fact]
    public void Thresholds_keep_the_procedures_defaults_for_what_is_not_set()
    {
        var plan = PlanTrees.Read(PlanTrees.Valid().Set("Triggers", PlanTrees.Value("{\"ErrorRatio\": {\"ForSec\": 60}}"))).Plan!;
        Assert.Equal(0.10, plan.Triggers.ErrorRatio.Above);
        Assert.Equal(60, plan.Triggers.ErrorRatio.ForSec);
        Assert.Equal(2000, plan.Triggers.P95Ms.Above);
    }

    [Theory]
    [InlineData("Environments.Blue.RabbitMq.Queues", "[\"a\", \"b\"]", true)]
    [InlineData("Environments.Blue.RabbitMq.Queues", "[\"agent-tasks\", \"Agent-Tasks\"]", false)]
    [InlineData("Triggers", "{\"Alerts\": [\"HighErrorRate\", \"HighErrorRate\"]}", false)]
    public void Lists_hold_each_value_once(string path, string json, bool valid)
    {
        var field = path == "Triggers" ? "Triggers.Alerts" : path;
        var result = AssertRule(PlanTrees.Valid().Set(path, PlanTrees.Value(json)), field, valid);
        if (!valid)
            Assert.Contains(result.ErrorsAt(field), p => p.Problem.Contains("appears 2 times"));
    }

    [Fact]
    public void Nameservers_are_listed_once()
    {
        var tree = PlanTrees.ValidWith("Dns", PlanTrees.ValidDns).Set("Traffic.Dns.Nameservers", PlanTrees.Value("[\"ns1:53\", \"NS1:53\"]"));
        AssertRule(tree, "Traffic.Dns.Nameservers", valid: false);
    }

    [Theory]
    [InlineData("BlueTargetGroupArn", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue-2/0123abcd", true)]
    [InlineData("BlueTargetGroupArn", "arn:aws-us-gov:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/0123abcd", true)]
    [InlineData("BlueTargetGroupArn", "arn:aws:elasticloadbalancing:us-east-1:12345678901:targetgroup/blue/0123abcd", false)]
    [InlineData("BlueTargetGroupArn", "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/blue/0123abcd", false)]
    [InlineData("GreenTargetGroupArn", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green_tg/0123abcd", false)]
    [InlineData("GreenTargetGroupArn", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/XYZ", false)]
    [InlineData("ListenerRuleArn", "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/net/prod/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee", false)]
    public void Arns_are_validated(string key, string arn, bool valid) =>
        AssertRule(PlanTrees.ValidWith("AwsAlb", PlanTrees.ValidAlb).Set("Traffic.AwsAlb." + key, arn), "Traffic.AwsAlb." + key, valid);

    [Fact]
    public void The_two_target_groups_differ()
    {
        var tree = PlanTrees.ValidWith("AwsAlb", PlanTrees.ValidAlb);
        tree.Set("Traffic.AwsAlb.GreenTargetGroupArn", tree.Table("Traffic", "AwsAlb")["BlueTargetGroupArn"]);
        AssertRule(tree, "Traffic.AwsAlb.GreenTargetGroupArn", valid: false);
    }

    [Theory]
    [InlineData("us-east-1", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("US-EAST-1", false)]
    [InlineData("useast1", false)]
    public void Regions_are_region_names(string region, bool valid)
    {
        var tree = PlanTrees.ValidWith("AwsAlb", PlanTrees.ValidAlb).Set("Traffic.AwsAlb.Region", region);
        if (!valid)
        {
            AssertRule(tree, "Traffic.AwsAlb.Region", valid: false);
            return;
        }
        // A well-formed region other than the ARNs' is still wrong: every ARN is named.
        var result = PlanTrees.Read(tree);
        Assert.Equal(region == "us-east-1", result.Plan is not null);
    }

    [Fact]
    public void Arns_from_another_region_are_each_named()
    {
        var result = PlanTrees.Read(PlanTrees.ValidWith("AwsAlb", PlanTrees.ValidAlb).Set("Traffic.AwsAlb.Region", "eu-west-1"));

        Assert.Null(result.Plan);
        foreach (var key in new[] { "ListenerRuleArn", "BlueTargetGroupArn", "GreenTargetGroupArn" })
            Assert.Contains(result.ErrorsAt("Traffic.AwsAlb." + key), p => p.Problem == "is in region us-east-1, not eu-west-1");
    }

    [Theory]
    [InlineData("job=\"orchestrator\",env=\"blue\"", true)]
    [InlineData(" env =~ \"blue|canary\" , job != \"x\\\"y\" ", true)]
    [InlineData("env!~\"green.*\"", true)]
    [InlineData("{env=\"blue\"}", false)]
    [InlineData("env=blue", false)]
    [InlineData("env=\"blue\",", false)]
    [InlineData("1env=\"blue\"", false)]
    [InlineData("env==\"blue\"", false)]
    public void Prometheus_selectors_are_label_matchers(string selector, bool valid) =>
        AssertRule(PlanTrees.Valid().Set("Environments.Blue.PrometheusSelector", selector), "Environments.Blue.PrometheusSelector", valid);

    [Fact]
    public void The_environments_need_different_selectors()
    {
        var tree = PlanTrees.Valid().Set("Environments.Green.PrometheusSelector", "job=\"orchestrator\",env=\"blue\"");
        AssertRule(tree, "Environments.Green.PrometheusSelector", valid: false);
    }

    [Theory]
    [InlineData("env:BLUE_PG_2", SecretSource.Environment, "BLUE_PG_2")]
    [InlineData("ENV:lower_case", SecretSource.Environment, "lower_case")]
    [InlineData("vault:Prod/blue-db", SecretSource.Vault, "Prod/blue-db")]
    [InlineData("vault:Prod/path/inside", SecretSource.Vault, "Prod/path/inside")]
    public void Secret_references_are_parsed(string text, SecretSource source, string name)
    {
        var result = AssertRule(PlanTrees.Valid().Set("Environments.Blue.Postgres.Password", text), "Environments.Blue.Postgres.Password", valid: true);
        Assert.Empty(result.Problems);
        var password = result.Plan!.Environments.Blue.Postgres!.Password!;
        Assert.Equal(source, password.Source);
        Assert.Equal(name, password.Name);
    }

    [Theory]
    [InlineData("env:")]
    [InlineData("env:BLUE-PG")]
    [InlineData("env:BLUE PG")]
    [InlineData("vault:Prod")]
    [InlineData("vault:/secret")]
    [InlineData("vault:Prod/")]
    public void Malformed_secret_references_are_errors(string text) =>
        AssertRule(PlanTrees.Valid().Set("Environments.Blue.RabbitMq.Password", text), "Environments.Blue.RabbitMq.Password", valid: false);

    [Fact]
    public void An_inline_secret_warns_and_never_shows()
    {
        var result = PlanTrees.Read(PlanTrees.Valid().Set("Environments.Blue.Postgres.Password", "s3cret-value"));

        var warning = Assert.Single(result.Problems);
        Assert.Equal(PlanProblemSeverity.Warning, warning.Severity);
        Assert.DoesNotContain("s3cret", warning.ToString());
        Assert.Equal(SecretSource.Inline, result.Plan!.Environments.Blue.Postgres!.Password!.Source);
        Assert.Equal("<inline secret>", result.Plan.Environments.Blue.Postgres!.Password!.ToString());
    }

    [Theory]
    [InlineData("Notifications", "{\"Slack\": {}}", "Notifications.Slack.WebhookUrl")]
    [InlineData("Notifications", "{\"PagerDuty\": {\"EventsUrl\": \"https://events.example\"}}", "Notifications.PagerDuty.RoutingKey")]
    [InlineData("Notifications", "{\"Statuspage\": {\"PageId\": \"p\"}}", "Notifications.Statuspage.Token")]
    public void Required_secrets_are_required(string path, string json, string field) => AssertValue(path, json, false, field);

    [Theory]
    [InlineData("[{\"BluePercent\": 25}, {\"BluePercent\": 50}, {\"BluePercent\": 100}]", true, "")]
    [InlineData("[{\"BluePercent\": 50}, {\"BluePercent\": 50}, {\"BluePercent\": 100}]", false, "Stages[1].BluePercent")]
    [InlineData("[{\"BluePercent\": 80}, {\"BluePercent\": 30}, {\"BluePercent\": 100}]", false, "Stages[1].BluePercent")]
    [InlineData("[{\"BluePercent\": 50}, {\"BluePercent\": 80}]", false, "Stages[1].BluePercent")]
    [InlineData("[{\"BluePercent\": 100}, {\"BluePercent\": 50}]", false, "Stages[1].BluePercent")]
    [InlineData("[]", false, "Stages")]
    [InlineData("[\"50%\"]", false, "Stages[0]")]
    public void Stages_rise_and_end_at_100(string json, bool valid, string field) => AssertValue("Stages", json, valid, field);

    [Fact]
    public void A_stage_written_as_one_table_is_one_stage()
    {
        var plan = PlanTrees.Read(PlanTrees.Valid().Set("Stages", PlanTrees.Value("{\"BluePercent\": 100, \"BakeSec\": 5}"))).Plan!;
        var stage = Assert.Single(plan.Stages);
        Assert.Equal(5, stage.BakeSec);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("[{\"BluePercent\": 100, \"BakeSec\": 30}]", true)]
    [InlineData("[{\"BluePercent\": 50}, {\"BluePercent\": 100}]", false)]
    [InlineData("[{\"BluePercent\": 99}, {\"BluePercent\": 100}]", false)]
    public void Dns_stages_are_all_or_nothing(string? stages, bool valid)
    {
        var tree = PlanTrees.ValidWith("Dns", PlanTrees.ValidDns);
        if (stages is not null)
            tree["Stages"] = PlanTrees.Value(stages);
        var result = AssertRule(tree, "Stages[0].BluePercent", valid);
        if (valid)
            Assert.Equal(100, result.Plan!.Stages[^1].BluePercent);
        else
            Assert.Contains(result.ErrorsAt("Stages[0].BluePercent"), p => p.Problem.Contains("DNS"));
    }

    [Theory]
    [InlineData(60, 300, true)]
    [InlineData(300, 300, true)]
    [InlineData(600, 300, false)]
    [InlineData(0, 300, false)]
    public void The_cutover_ttl_is_at_most_the_normal_ttl(int cutover, int normal, bool valid)
    {
        var tree = PlanTrees.ValidWith("Dns", PlanTrees.ValidDns).Set("Traffic.Dns.CutoverTtlSec", (long)cutover).Set("Traffic.Dns.NormalTtlSec", (long)normal);
        AssertRule(tree, "Traffic.Dns.CutoverTtlSec", valid);
    }

    [Theory]
    [InlineData("Record", "\"www.example.test.\"", true, "Traffic.Dns.Record")]
    [InlineData("Record", "\"app.example.org\"", false, "Traffic.Dns.Record")]
    [InlineData("Record", "\"app.notexample.test\"", false, "Traffic.Dns.Record")]
    [InlineData("GreenAddress", "\"::1\"", false, "Traffic.Dns.GreenAddress")]
    [InlineData("GreenAddress", "\"127.0.0.20\"", false, "Traffic.Dns.GreenAddress")]
    [InlineData("GreenAddress", "\"127.1\"", false, "Traffic.Dns.GreenAddress")]
    [InlineData("GreenAddress", "\"010.0.0.1\"", false, "Traffic.Dns.GreenAddress")]
    [InlineData("GreenAddress", "\"localhost\"", false, "Traffic.Dns.GreenAddress")]
    [InlineData("TsigAlgorithm", "\"HMAC-SHA512\"", true, "Traffic.Dns.TsigAlgorithm")]
    [InlineData("TsigAlgorithm", "\"hmac-sha3\"", false, "Traffic.Dns.TsigAlgorithm")]
    [InlineData("Nameservers", "[\"127.0.0.1\", \"[::1]:5353\"]", true, "Traffic.Dns.Nameservers")]
    [InlineData("Nameservers", "[]", false, "Traffic.Dns.Nameservers")]
    [InlineData("Nameservers", "[\"127.0.0.1:0\"]", false, "Traffic.Dns.Nameservers[0]")]
    public void Dns_settings_are_validated(string key, string json, bool valid, string field) =>
        AssertRule(PlanTrees.ValidWith("Dns", PlanTrees.ValidDns).Set("Traffic.Dns." + key, PlanTrees.Value(json)), field, valid);

    [Fact]
    public void Dns_names_and_nameservers_are_normalised()
    {
        var tree = PlanTrees.ValidWith("Dns", PlanTrees.ValidDns)
            .Set("Traffic.Dns.Nameservers", PlanTrees.Value("[\"127.0.0.1\", \"[::1]:5353\"]"))
            .Set("Traffic.Dns.Zone", "example.test.").Set("Traffic.Dns.TsigAlgorithm", "HMAC-SHA512");

        var dns = PlanTrees.Read(tree).Plan!.Traffic.Dns!;

        Assert.Equal(["127.0.0.1:53", "[::1]:5353"], dns.Nameservers);
        Assert.Equal("example.test", dns.Zone);
        Assert.Equal("hmac-sha512", dns.TsigAlgorithm);
    }

    [Fact]
    public void HAProxy_needs_two_different_servers()
    {
        AssertRule(PlanTrees.Valid().Set("Traffic.HAProxy.GreenServer", "blue"), "Traffic.HAProxy.GreenServer", valid: false);
        AssertRule(PlanTrees.Valid().Set("Traffic.HAProxy.GreenServer", "Blue"), "Traffic.HAProxy.GreenServer", valid: true);
    }

    [Theory]
    [InlineData("\"true\"", true)]
    [InlineData("false", true)]
    [InlineData("\"yes\"", false)]
    [InlineData("1", false)]
    public void Switches_are_true_or_false(string json, bool valid) => AssertValue("Traffic.HAProxy.DrainOnZero", json, valid);

    [Theory]
    [InlineData("{}", "Traffic")]
    [InlineData("{\"HAProxy\": null}", "Traffic")]
    [InlineData("{\"HAProxy\": \"lb\"}", "Traffic.HAProxy")]
    public void Traffic_names_exactly_one_provider(string json, string field) => AssertValue("Traffic", json, false, field);

    [Theory]
    [InlineData("orchestrator-2.1.0_rc1", true)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("two words", false)]
    public void Names_can_name_a_journal_file(string name, bool valid) => AssertRule(PlanTrees.Valid().Set("Name", name), "Name", valid);

    [Theory]
    [InlineData("Name")]
    [InlineData("Environments")]
    [InlineData("Environments.Green")]
    [InlineData("Environments.Blue.ExpectedVersion")]
    [InlineData("Environments.Blue.PrometheusSelector")]
    [InlineData("Environments.Blue.Postgres.Database")]
    [InlineData("Environments.Blue.RabbitMq.Username")]
    [InlineData("Monitoring.PrometheusUrl")]
    [InlineData("Traffic.HAProxy.Backend")]
    public void Required_settings_are_named_when_missing(string path)
    {
        var result = AssertRule(PlanTrees.Valid().Set(path, PlanTrees.Remove), path, valid: false);
        Assert.Contains(result.ErrorsAt(path), p => p.Problem == "is required");
    }

    [Theory]
    [InlineData("Monitoring", "{\"RequestRate\": \"sum(rate(x{{selector}}[{window}]))\"}", true, "Monitoring.Queries.RequestRate")]
    [InlineData("Monitoring", "{\"RequestRate\": \"sum(rate(x[5m]))\"}", false, "Monitoring.Queries.RequestRate")]
    [InlineData("Monitoring", "{\"LatencyQuantile\": \"histogram_quantile(0.95, x{{selector}}[{window}])\"}", false, "Monitoring.Queries.LatencyQuantile")]
    public void Query_templates_keep_their_placeholders(string path, string json, bool valid, string field) =>
        AssertValue(path + ".Queries", json, valid, field);

    [Theory]
    [InlineData("Monitoring", "PrometheusUrll", "PrometheusUrl")]
    [InlineData("Environments.Blue", "ExpectedVersoin", "ExpectedVersion")]
    [InlineData("Traffic.HAProxy", "backend_name", null)]
    [InlineData("", "Stagse", "Stages")]
    public void Unknown_keys_are_errors_with_a_suggestion(string table, string key, string? suggestion)
    {
        var tree = PlanTrees.Valid();
        var target = table.Length == 0 ? tree : tree.Table(table.Split('.'));
        target[key] = 1L;
        var field = table.Length == 0 ? key : table + "." + key;

        var result = AssertRule(tree, field, valid: false);

        var problem = Assert.Single(result.ErrorsAt(field));
        Assert.Equal("is not a known setting", problem.Problem);
        if (suggestion is null)
            Assert.Contains("known settings here:", problem.Fix);
        else
            Assert.Equal($"did you mean '{suggestion}'?", problem.Fix);
    }

    [Fact]
    public void Keys_are_case_insensitive()
    {
        var result = PlanTrees.Read((Dictionary<string, object?>)JsonPlanTree.Parse(PlanTrees.ValidHAProxyPlan.Replace("\"Backend\"", "\"BACKEND\""), "x.json"));
        Assert.Equal("be_app", result.Plan!.Traffic.HAProxy!.Backend);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var tree = PlanTrees.Valid()
            .Set("Environments.Blue.AppUrl", "ftp://x")
            .Set("Environments.Blue.Postgres.Port", 0L)
            .Set("Monitoring.Grafana", "http://g")
            .Set("Thresholds", PlanTrees.Value("{\"MaxErrorRatio\": 2}"));

        var fields = PlanTrees.Read(tree).Problems.Select(p => p.Field).ToList();

        Assert.Contains("Environments.Blue.AppUrl", fields);
        Assert.Contains("Environments.Blue.Postgres.Port", fields);
        Assert.Contains("Monitoring.Grafana", fields);
        Assert.Contains("Thresholds.MaxErrorRatio", fields);
    }
}
