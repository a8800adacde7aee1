using System.Xml.Linq;
using FakeElb.Protocol;

namespace FakeElb.Tests;

/// <summary>Responses parsed back: element names and list layout as botocore's Query parser expects them.</summary>
public sealed class XmlShapeTests
{
    private static readonly XNamespace Ns = TestSandbox.Ns;
    private readonly TestSandbox sandbox = new();

    private static XElement Result(XDocument response, string operation)
    {
        Assert.Equal(Ns + $"{operation}Response", response.Root!.Name);
        Assert.False(string.IsNullOrEmpty(response.Root.Element(Ns + "ResponseMetadata")?.Element(Ns + "RequestId")?.Value));
        return response.Root.Element(Ns + $"{operation}Result")!;
    }

    private static IEnumerable<XElement> Members(XElement? list) => list!.Elements(Ns + "member");

    [Fact]
    public void DescribeRulesHasTheRuleShape()
    {
        var result = Result(sandbox.Call(("Action", "DescribeRules"), ("RuleArns.member.1", TestSandbox.RuleArn)), "DescribeRules");
        var rule = Assert.Single(Members(result.Element(Ns + "Rules")));
        Assert.Equal(TestSandbox.RuleArn, rule.Element(Ns + "RuleArn")!.Value);
        Assert.Equal("10", rule.Element(Ns + "Priority")!.Value);
        Assert.Equal("false", rule.Element(Ns + "IsDefault")!.Value);

        var condition = Assert.Single(Members(rule.Element(Ns + "Conditions")));
        Assert.Equal("path-pattern", condition.Element(Ns + "Field")!.Value);
        Assert.Equal("/*", Members(condition.Element(Ns + "PathPatternConfig")!.Element(Ns + "Values")).Single().Value);

        var action = Assert.Single(Members(rule.Element(Ns + "Actions")));
        Assert.Equal("forward", action.Element(Ns + "Type")!.Value);
        Assert.Null(action.Element(Ns + "TargetGroupArn"));
        var forward = action.Element(Ns + "ForwardConfig")!;
        Assert.Equal(
            [(TestSandbox.Green, "100"), (TestSandbox.Blue, "0")],
            Members(forward.Element(Ns + "TargetGroups")).Select(t => (t.Element(Ns + "TargetGroupArn")!.Value, t.Element(Ns + "Weight")!.Value)));
        Assert.Equal("false", forward.Element(Ns + "TargetGroupStickinessConfig")!.Element(Ns + "Enabled")!.Value);
        Assert.Null(result.Element(Ns + "NextMarker"));
    }

    [Fact]
    public void ModifyRuleAnswersTheModifiedRule()
    {
        var result = Result(sandbox.Call([.. TestSandbox.ModifyWeights((TestSandbox.Blue, 80), (TestSandbox.Green, 20)),
            ("Actions.member.1.ForwardConfig.TargetGroupStickinessConfig.Enabled", "true"),
            ("Actions.member.1.ForwardConfig.TargetGroupStickinessConfig.DurationSeconds", "600")]), "ModifyRule");
        var forward = Members(Members(result.Element(Ns + "Rules")).Single().Element(Ns + "Actions")).Single().Element(Ns + "ForwardConfig")!;
        Assert.Equal(["80", "20"], Members(forward.Element(Ns + "TargetGroups")).Select(t => t.Element(Ns + "Weight")!.Value));
        var stickiness = forward.Element(Ns + "TargetGroupStickinessConfig")!;
        Assert.Equal(("true", "600"), (stickiness.Element(Ns + "Enabled")!.Value, stickiness.Element(Ns + "DurationSeconds")!.Value));
    }

    [Fact]
    public void ASingleTargetGroupForwardAlsoCarriesTargetGroupArn()
    {
        var result = Result(sandbox.Call(TestSandbox.ModifyWeights((TestSandbox.Blue, 1))), "ModifyRule");
        var action = Members(Members(result.Element(Ns + "Rules")).Single().Element(Ns + "Actions")).Single();
        Assert.Equal(TestSandbox.Blue, action.Element(Ns + "TargetGroupArn")!.Value);
    }

    [Fact]
    public void DescribeRulesByListenerPagesWithNextMarker()
    {
        var first = Result(sandbox.Call(("Action", "DescribeRules"), ("ListenerArn", TestSandbox.ListenerArn), ("PageSize", "1")), "DescribeRules");
        Assert.Equal("10", Members(first.Element(Ns + "Rules")).Single().Element(Ns + "Priority")!.Value);
        var marker = first.Element(Ns + "NextMarker")!.Value;

        var second = Result(sandbox.Call(("Action", "DescribeRules"), ("ListenerArn", TestSandbox.ListenerArn), ("PageSize", "1"), ("Marker", marker)), "DescribeRules");
        var last = Members(second.Element(Ns + "Rules")).Single();
        Assert.Equal(("default", "true"), (last.Element(Ns + "Priority")!.Value, last.Element(Ns + "IsDefault")!.Value));
        Assert.Null(second.Element(Ns + "NextMarker"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("401")]
    public void PageSizeMustBeBetween1And400(string pageSize) =>
        Assert.Equal("ValidationError", sandbox.Fail(("Action", "DescribeRules"), ("ListenerArn", TestSandbox.ListenerArn), ("PageSize", pageSize)).Code);

    [Fact]
    public void DescribeRulesErrors()
    {
        Assert.Equal("RuleNotFound", sandbox.Fail(("Action", "DescribeRules"), ("RuleArns.member.1", TestSandbox.RuleArn + "0")).Code);
        Assert.Equal("ListenerNotFound", sandbox.Fail(("Action", "DescribeRules"), ("ListenerArn", TestSandbox.ListenerArn + "0")).Code);
        Assert.Equal("ValidationError", sandbox.Fail(("Action", "DescribeRules")).Code);
    }

    [Fact]
    public void DescribeTargetHealthHasTheTargetHealthShape()
    {
        var result = Result(sandbox.Call(("Action", "DescribeTargetHealth"), ("TargetGroupArn", TestSandbox.Green)), "DescribeTargetHealth");
        var description = Members(result.Element(Ns + "TargetHealthDescriptions")).Single();
        Assert.Equal(("127.0.0.1", "48082"), (description.Element(Ns + "Target")!.Element(Ns + "Id")!.Value, description.Element(Ns + "Target")!.Element(Ns + "Port")!.Value));
        Assert.Equal("healthy", description.Element(Ns + "TargetHealth")!.Element(Ns + "State")!.Value);
        Assert.Null(description.Element(Ns + "TargetHealth")!.Element(Ns + "Reason"));
    }

    [Fact]
    public void AnUnregisteredTargetIsUnused()
    {
        var result = Result(sandbox.Call(("Action", "DescribeTargetHealth"), ("TargetGroupArn", TestSandbox.Green),
            ("Targets.member.1.Id", "127.0.0.2"), ("Targets.member.1.Port", "80")), "DescribeTargetHealth");
        var health = Members(result.Element(Ns + "TargetHealthDescriptions")).Single().Element(Ns + "TargetHealth")!;
        Assert.Equal(("unused", "Target.NotRegistered"), (health.Element(Ns + "State")!.Value, health.Element(Ns + "Reason")!.Value));
    }

    [Fact]
    public void DescribeTargetGroupsHasTheTargetGroupShape()
    {
        var result = Result(sandbox.Call(("Action", "DescribeTargetGroups"), ("Names.member.1", "blue-tg")), "DescribeTargetGroups");
        var group = Members(result.Element(Ns + "TargetGroups")).Single();
        string Value(string name) => group.Element(Ns + name)!.Value;
        Assert.Equal(
            [TestSandbox.Blue, "blue-tg", "HTTP", "48081", "HTTP", "traffic-port", "true", "30", "5", "2", "3", "/health", "ip"],
            [Value("TargetGroupArn"), Value("TargetGroupName"), Value("Protocol"), Value("Port"), Value("HealthCheckProtocol"), Value("HealthCheckPort"),
             Value("HealthCheckEnabled"), Value("HealthCheckIntervalSeconds"), Value("HealthCheckTimeoutSeconds"), Value("HealthyThresholdCount"),
             Value("UnhealthyThresholdCount"), Value("HealthCheckPath"), Value("TargetType")]);
        Assert.Equal("200", group.Element(Ns + "Matcher")!.Element(Ns + "HttpCode")!.Value);
        Assert.Equal(TestSandbox.LoadBalancerArn, Members(group.Element(Ns + "LoadBalancerArns")).Single().Value);
    }

    [Fact]
    public void DescribeTargetGroupsErrors()
    {
        Assert.Equal("TargetGroupNotFound", sandbox.Fail(("Action", "DescribeTargetGroups"), ("Names.member.1", "red-tg")).Code);
        Assert.Equal("LoadBalancerNotFound", sandbox.Fail(("Action", "DescribeTargetGroups"), ("LoadBalancerArn", TestSandbox.LoadBalancerArn + "0")).Code);
    }

    [Fact]
    public void DescribeTargetGroupAttributesListsKeysAndValues()
    {
        var result = Result(sandbox.Call(("Action", "DescribeTargetGroupAttributes"), ("TargetGroupArn", TestSandbox.Blue)), "DescribeTargetGroupAttributes");
        var attributes = Members(result.Element(Ns + "Attributes")).ToDictionary(a => a.Element(Ns + "Key")!.Value, a => a.Element(Ns + "Value")!.Value);
        Assert.Equal("300", attributes["deregistration_delay.timeout_seconds"]);
        Assert.Equal("lb_cookie", attributes["stickiness.type"]);
        Assert.Equal("round_robin", attributes["load_balancing.algorithm.type"]);
        Assert.Equal(7, attributes.Count);
    }

    [Fact]
    public void DescribeListenersIncludesDefaultActions()
    {
        var result = Result(sandbox.Call(("Action", "DescribeListeners"), ("LoadBalancerArn", TestSandbox.LoadBalancerArn)), "DescribeListeners");
        var listener = Members(result.Element(Ns + "Listeners")).Single();
        Assert.Equal((TestSandbox.ListenerArn, "80", "HTTP"),
            (listener.Element(Ns + "ListenerArn")!.Value, listener.Element(Ns + "Port")!.Value, listener.Element(Ns + "Protocol")!.Value));
        var defaultAction = Members(listener.Element(Ns + "DefaultActions")).Single();
        Assert.Equal("fixed-response", defaultAction.Element(Ns + "Type")!.Value);
        Assert.Equal("404", defaultAction.Element(Ns + "FixedResponseConfig")!.Element(Ns + "StatusCode")!.Value);
        Assert.Equal("ListenerNotFound", sandbox.Fail(("Action", "DescribeListeners"), ("ListenerArns.member.1", TestSandbox.ListenerArn + "0")).Code);
    }

    [Theory]
    [InlineData("DescribeRules", "ListenerArn", "RuleArns.member.1", "listener", "rule")]
    [InlineData("DescribeListeners", "LoadBalancerArn", "ListenerArns.member.1", "load balancer", "listener")]
    public void DescribeTakesEitherTheParentOrTheItemArnsNeverBothNorNeither(string action, string parent, string item, string parentNoun, string itemNoun)
    {
        var neither = sandbox.Fail(("Action", action));
        Assert.Equal(("ValidationError", $"A {parentNoun} ARN or a set of {itemNoun} ARNs must be specified"), (neither.Code, neither.Message));
        var both = sandbox.Fail(("Action", action), (parent, "arn:x"), (item, "arn:y"));
        Assert.Equal(("ValidationError", $"A {parentNoun} ARN and a set of {itemNoun} ARNs cannot be specified at the same time"), (both.Code, both.Message));
    }

    [Fact]
    public void UnknownActionIsInvalidAction() =>
        Assert.Equal("InvalidAction", sandbox.Fail(("Action", "DeleteRule"), ("RuleArn", TestSandbox.RuleArn)).Code);

    [Fact]
    public void ErrorResponseHasTheAwsShape()
    {
        var document = XDocument.Parse(QueryXml.Error(ElbError.RuleNotFound(), "f6431622-8699-4229-8bf8-502d69b4e1c1"));
        Assert.Equal(Ns + "ErrorResponse", document.Root!.Name);
        var error = document.Root.Element(Ns + "Error")!;
        Assert.Equal(("Sender", "RuleNotFound", "One or more rules not found"),
            (error.Element(Ns + "Type")!.Value, error.Element(Ns + "Code")!.Value, error.Element(Ns + "Message")!.Value));
        Assert.Equal("f6431622-8699-4229-8bf8-502d69b4e1c1", document.Root.Element(Ns + "RequestId")!.Value);
    }
}
