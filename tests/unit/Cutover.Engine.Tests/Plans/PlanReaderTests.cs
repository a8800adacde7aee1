using Cutover.Engine.Plans;

namespace Cutover.Engine.Tests.Plans;

public sealed class PlanReaderTests
{
    [Fact]
    public void A_valid_plan_reads_with_the_procedures_defaults()
    {
        var result = PlanTrees.Read(PlanTrees.Valid());

        Assert.Empty(result.Problems);
        var plan = Assert.IsType<CutoverPlan>(result.Plan);
        Assert.Equal(TrafficProviderKind.HAProxy, plan.Traffic.Provider);
        Assert.Equal(0.01, plan.Thresholds.MaxErrorRatio);
        Assert.Equal(200, plan.Thresholds.MaxP95Ms);
        Assert.Equal(0.10, plan.Triggers.ErrorRatio.Above);
        Assert.Equal(30, plan.Triggers.ErrorRatio.ForSec);
        Assert.Equal(2000, plan.Triggers.P95Ms.Above);
        Assert.Equal(10, plan.Triggers.DatabaseUnreachableSec);
        Assert.Equal(0.85, plan.Triggers.MemoryRatio.Above);
        Assert.Equal([50, 100], plan.Stages.Select(s => s.BluePercent));
        Assert.Equal([60, 120], plan.Stages.Select(s => s.BakeSec));
        Assert.Equal(["/api/agents", "/api/messages", "/api/status"], plan.Environments.Green.ApiEndpoints);
        Assert.Equal("/health", plan.Environments.Blue.HealthPath);
        Assert.Equal(SecretSource.Environment, plan.Environments.Blue.Postgres!.Password!.Source);
    }

    [Fact]
    public void A_misspelled_key_and_an_out_of_range_value_are_both_named()
    {
        var tree = PlanTrees.Valid();
        var postgres = tree.Table("Environments", "Blue", "Postgres");
        postgres["Databse"] = postgres["Database"];
        postgres.Remove("Database");
        tree.Table("Monitoring")["ScrapeIntervalSec"] = 0L;

        var result = PlanTrees.Read(tree);

        Assert.Null(result.Plan);
        Assert.Contains(result.Problems, p => p.Field == "Environments.Blue.Postgres.Databse" && p.Fix.Contains("'Database'"));
        Assert.Contains(result.Problems, p => p.Field == "Environments.Blue.Postgres.Database" && p.Problem == "is required");
        Assert.Contains(result.Problems, p => p.Field == "Monitoring.ScrapeIntervalSec" && p.Problem.Contains("out of range"));
    }

    [Fact]
    public void Dns_supports_only_whole_flips()
    {
        var tree = PlanTrees.Valid();
        tree["Traffic"] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Dns"] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Nameservers"] = new List<object?> { "127.0.0.1:5353" }, ["Zone"] = "example.test", ["Record"] = "app.example.test",
                ["BlueAddress"] = "127.0.0.20", ["GreenAddress"] = "127.0.0.10", ["TsigKeyName"] = "ddns-key", ["TsigSecret"] = "env:TSIG",
            },
        };
        tree["Stages"] = new List<object?>
        {
            new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["BluePercent"] = 50L, ["BakeSec"] = 10L },
            new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["BluePercent"] = 100L, ["BakeSec"] = 10L },
        };

        var result = PlanTrees.Read(tree);

        Assert.Contains(result.Problems, p => p.Field == "Stages[0].BluePercent" && p.Problem.Contains("DNS"));
    }

    [Theory]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/prod/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee", true)]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/prod/50dc6c495c0c9188/f2f7dc8efc522ab2", false)]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:...:listener-rule/app/prod/...", false)]
    public void Listener_rule_arns_are_validated(string arn, bool valid)
    {
        var tree = PlanTrees.Valid();
        tree["Traffic"] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AwsAlb"] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Region"] = "us-east-1", ["ListenerRuleArn"] = arn,
                ["BlueTargetGroupArn"] = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue-tg/73e2d6bc24d8a067",
                ["GreenTargetGroupArn"] = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green-tg/2453ed029918f21f",
            },
        };

        var result = PlanTrees.Read(tree);

        Assert.Equal(valid, !result.Problems.Any(p => p.Field == "Traffic.AwsAlb.ListenerRuleArn"));
        if (!valid)
            Assert.Contains(result.Problems, p => p.Field == "Traffic.AwsAlb.ListenerRuleArn" && p.Problem == "not a listener-rule ARN");
    }

    [Fact]
    public void Two_traffic_providers_are_an_error()
    {
        var tree = PlanTrees.Valid();
        tree.Table("Traffic")["Dns"] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        var result = PlanTrees.Read(tree);

        Assert.Contains(result.Problems, p => p.Field == "Traffic" && p.Fix.Contains("exactly one"));
    }

    [Fact]
    public void An_inline_secret_works_but_warns()
    {
        var tree = PlanTrees.Valid();
        tree.Table("Environments", "Blue", "Redis")["Password"] = "hunter2-inline";

        var result = PlanTrees.Read(tree);

        Assert.NotNull(result.Plan);
        var warning = Assert.Single(result.Problems);
        Assert.Equal(PlanProblemSeverity.Warning, warning.Severity);
        Assert.Equal("Environments.Blue.Redis.Password", warning.Field);
        Assert.DoesNotContain("hunter2", result.Plan!.Environments.Blue.Redis!.Password!.ToString());
    }
}
