using FakeElb.Model;

namespace FakeElb.Tests;

/// <summary>ModifyRule's behaviour and each of its validation rules.</summary>
public sealed class ModifyRuleTests
{
    private readonly TestSandbox sandbox = new();

    [Fact]
    public void ReplacesTheActionsAndKeepsTheConditions()
    {
        sandbox.Call([.. TestSandbox.ModifyWeights((TestSandbox.Blue, 80), (TestSandbox.Green, 20)),
            ("Actions.member.1.ForwardConfig.TargetGroupStickinessConfig.Enabled", "true"),
            ("Actions.member.1.ForwardConfig.TargetGroupStickinessConfig.DurationSeconds", "600")]);

        var rule = sandbox.Model.FindRule(TestSandbox.RuleArn)!;
        var forward = Assert.Single(rule.Actions).ForwardConfig!;
        Assert.Equal([(TestSandbox.Blue, 80), (TestSandbox.Green, 20)], forward.TargetGroups.Select(t => (t.TargetGroupArn, t.Weight)));
        Assert.Equal(new TargetGroupStickiness(true, 600), forward.TargetGroupStickinessConfig);
        Assert.Equal("/*", Assert.Single(rule.Conditions).PathPatternConfig!.Values.Single());
    }

    [Fact]
    public void ReplacesConditionsWhenGiven()
    {
        sandbox.Call(("Action", "ModifyRule"), ("RuleArn", TestSandbox.RuleArn),
            ("Conditions.member.1.Field", "host-header"), ("Conditions.member.1.HostHeaderConfig.Values.member.1", "app.example.com"));
        var condition = Assert.Single(sandbox.Model.FindRule(TestSandbox.RuleArn)!.Conditions);
        Assert.Equal(["app.example.com"], condition.HostHeaderConfig!.Values);
        Assert.Equal(100, sandbox.RuleWeights().Green);
    }

    [Fact]
    public void ABareTargetGroupArnBecomesAForwardConfigOfWeightOne()
    {
        sandbox.Call(("Action", "ModifyRule"), ("RuleArn", TestSandbox.RuleArn),
            ("Actions.member.1.Type", "forward"), ("Actions.member.1.TargetGroupArn", TestSandbox.Blue));
        var action = Assert.Single(sandbox.Model.FindRule(TestSandbox.RuleArn)!.Actions);
        Assert.Equal(new TargetGroupTuple(TestSandbox.Blue, 1), Assert.Single(action.ForwardConfig!.TargetGroups));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(-1)]
    public void WeightsMustBeBetween0And999(int weight)
    {
        var error = sandbox.Fail(TestSandbox.ModifyWeights((TestSandbox.Blue, weight), (TestSandbox.Green, 20)));
        Assert.Equal("ValidationError", error.Code);
        Assert.Contains("between 0 and 999", error.Message);
        Assert.Equal(100, sandbox.RuleWeights().Green);
    }

    [Fact]
    public void AcceptsTheWeightLimits()
    {
        sandbox.Call(TestSandbox.ModifyWeights((TestSandbox.Blue, 999), (TestSandbox.Green, 0)));
        Assert.Equal(new(999, 0), sandbox.RuleWeights());
    }

    [Fact]
    public void AtMostFiveTargetGroupsPerForwardAction()
    {
        var six = Enumerable.Range(0, 6).Select(i => (TestSandbox.Blue + i, 1)).ToArray();
        var error = sandbox.Fail(TestSandbox.ModifyWeights(six));
        Assert.Equal("ValidationError", error.Code);
        Assert.Contains("at most 5", error.Message);
    }

    [Fact]
    public void UnknownTargetGroupIsTargetGroupNotFound() =>
        Assert.Equal("TargetGroupNotFound", sandbox.Fail(TestSandbox.ModifyWeights((TestSandbox.Blue + "0", 1))).Code);

    [Fact]
    public void UnknownRuleIsRuleNotFound() =>
        Assert.Equal("RuleNotFound", sandbox.Fail(("Action", "ModifyRule"), ("RuleArn", TestSandbox.RuleArn + "0")).Code);

    [Fact]
    public void MissingRuleArnIsAValidationError()
    {
        var error = sandbox.Fail(("Action", "ModifyRule"));
        Assert.Equal("ValidationError", error.Code);
        Assert.Contains("'ruleArn'", error.Message);
    }

    [Fact]
    public void TheDefaultRuleCannotBeModified()
    {
        var defaultRule = sandbox.Model.Rules.Single(r => r.IsDefault).RuleArn;
        Assert.Equal("OperationNotPermitted", sandbox.Fail(("Action", "ModifyRule"), ("RuleArn", defaultRule)).Code);
    }

    [Fact]
    public void TargetGroupArnAndForwardConfigMustAgree()
    {
        var error = sandbox.Fail([.. TestSandbox.ModifyWeights((TestSandbox.Green, 1)), ("Actions.member.1.TargetGroupArn", TestSandbox.Blue)]);
        Assert.Equal("ValidationError", error.Code);

        sandbox.Call([.. TestSandbox.ModifyWeights((TestSandbox.Blue, 1)), ("Actions.member.1.TargetGroupArn", TestSandbox.Blue)]);
        Assert.Equal(new(1, 0), sandbox.RuleWeights());
    }

    [Fact]
    public void TargetGroupArnWithSeveralForwardGroupsIsRefused() =>
        Assert.Equal("ValidationError", sandbox.Fail([.. TestSandbox.ModifyWeights((TestSandbox.Blue, 1), (TestSandbox.Green, 1)),
            ("Actions.member.1.TargetGroupArn", TestSandbox.Blue)]).Code);

    [Theory]
    [InlineData(0)]
    [InlineData(604801)]
    public void StickinessDurationMustBeBetween1SecondAnd7Days(int seconds)
    {
        var error = sandbox.Fail([.. TestSandbox.ModifyWeights((TestSandbox.Blue, 50), (TestSandbox.Green, 50)),
            ("Actions.member.1.ForwardConfig.TargetGroupStickinessConfig.Enabled", "true"),
            ("Actions.member.1.ForwardConfig.TargetGroupStickinessConfig.DurationSeconds", seconds.ToString())]);
        Assert.Equal("ValidationError", error.Code);
    }

    [Fact]
    public void DuplicateTargetGroupsAreRefused() =>
        Assert.Equal("ValidationError", sandbox.Fail(TestSandbox.ModifyWeights((TestSandbox.Blue, 1), (TestSandbox.Blue, 2))).Code);

    [Fact]
    public void UnknownActionTypeIsRefused() =>
        Assert.Equal("ValidationError", sandbox.Fail(("Action", "ModifyRule"), ("RuleArn", TestSandbox.RuleArn), ("Actions.member.1.Type", "teleport")).Code);

    [Fact]
    public void ActionOrderMustBeBetween1And50000() =>
        Assert.Equal("ValidationError", sandbox.Fail([.. TestSandbox.ModifyWeights((TestSandbox.Blue, 1)), ("Actions.member.1.Order", "50001")]).Code);

    [Fact]
    public void ARedirectActionNeedsItsConfiguration()
    {
        Assert.Equal("ValidationError", sandbox.Fail(("Action", "ModifyRule"), ("RuleArn", TestSandbox.RuleArn), ("Actions.member.1.Type", "redirect")).Code);

        sandbox.Call(("Action", "ModifyRule"), ("RuleArn", TestSandbox.RuleArn), ("Actions.member.1.Type", "redirect"),
            ("Actions.member.1.RedirectConfig.StatusCode", "HTTP_301"), ("Actions.member.1.RedirectConfig.Host", "example.com"));
        Assert.Equal("HTTP_301", sandbox.Model.FindRule(TestSandbox.RuleArn)!.Actions.Single().RedirectConfig!.Members["StatusCode"]);
    }

    [Fact]
    public void UnknownParametersAreRefusedAndNothingChanges()
    {
        var error = sandbox.Fail([.. TestSandbox.ModifyWeights((TestSandbox.Blue, 50), (TestSandbox.Green, 50)), ("ResetTransforms", "true")]);
        Assert.Equal("ValidationError", error.Code);
        Assert.Contains("ResetTransforms", error.Message);
        Assert.Equal(new(0, 100), sandbox.RuleWeights());
    }
}
