namespace FakeElb.Tests;

public sealed class TargetGroupAttributeTests
{
    private readonly TestSandbox sandbox = new();

    private static (string, string)[] Modify(params (string Key, string Value)[] attributes) =>
    [
        ("Action", "ModifyTargetGroupAttributes"), ("TargetGroupArn", TestSandbox.Blue),
        .. attributes.SelectMany((a, i) => new[] { ($"Attributes.member.{i + 1}.Key", a.Key), ($"Attributes.member.{i + 1}.Value", a.Value) }),
    ];

    private string Attribute(string arn, string key) =>
        sandbox.Model.FindTargetGroup(arn)!.Attributes.Single(a => a.Key == key).Value;

    [Fact]
    public void ChangesOnlyTheNamedGroupAndAnswersAllAttributes()
    {
        var response = sandbox.Call(Modify(("deregistration_delay.timeout_seconds", "45"), ("stickiness.enabled", "true")));
        Assert.Equal("45", Attribute(TestSandbox.Blue, "deregistration_delay.timeout_seconds"));
        Assert.Equal("true", Attribute(TestSandbox.Blue, "stickiness.enabled"));
        Assert.Equal("300", Attribute(TestSandbox.Green, "deregistration_delay.timeout_seconds"));
        Assert.Equal(7, response.Descendants(TestSandbox.Ns + "Attributes").Single().Elements().Count());
    }

    [Theory]
    [InlineData("deregistration_delay.timeout_seconds", "3601")]
    [InlineData("deregistration_delay.timeout_seconds", "-1")]
    [InlineData("stickiness.enabled", "yes")]
    [InlineData("stickiness.type", "source_ip")]
    [InlineData("stickiness.lb_cookie.duration_seconds", "0")]
    [InlineData("stickiness.lb_cookie.duration_seconds", "604801")]
    [InlineData("load_balancing.algorithm.type", "random")]
    [InlineData("slow_start.duration_seconds", "29")]
    public void BadValuesAreInvalidConfigurationRequests(string key, string value)
    {
        Assert.Equal("InvalidConfigurationRequest", sandbox.Fail(Modify((key, value))).Code);
    }

    [Fact]
    public void UnknownKeysAreValidationErrors() =>
        Assert.Equal("ValidationError", sandbox.Fail(Modify(("proxy_protocol_v2.enabled", "true"))).Code);

    [Fact]
    public void OneBadAttributeChangesNothing()
    {
        sandbox.Fail(Modify(("deregistration_delay.timeout_seconds", "10"), ("stickiness.type", "bad")));
        Assert.Equal("300", Attribute(TestSandbox.Blue, "deregistration_delay.timeout_seconds"));
    }

    [Fact]
    public void AttributesAreRequired() =>
        Assert.Equal("ValidationError", sandbox.Fail(("Action", "ModifyTargetGroupAttributes"), ("TargetGroupArn", TestSandbox.Blue)).Code);

    [Fact]
    public void UnknownTargetGroupIsTargetGroupNotFound() =>
        Assert.Equal("TargetGroupNotFound", sandbox.Fail(("Action", "DescribeTargetGroupAttributes"), ("TargetGroupArn", TestSandbox.Blue + "0")).Code);
}
