using System.Text;
using FakeElb.Actions;
using FakeElb.Protocol;

namespace FakeElb.Tests;

public sealed class QueryParametersTests
{
    private static QueryParameters Form(string body) => QueryParameters.FromFormBody(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void DecodesFormValues()
    {
        var parameters = Form("RuleArn=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A1%3Alistener-rule%2Fapp%2Fx&Text=a+b%20c");
        Assert.Equal("arn:aws:elasticloadbalancing:us-east-1:1:listener-rule/app/x", parameters.GetString("RuleArn"));
        Assert.Equal("a b c", parameters.GetString("Text"));
    }

    [Fact]
    public void ReadsNestedListMembers()
    {
        var parameters = Form(
            "Actions.member.1.Type=forward" +
            "&Actions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn=green" +
            "&Actions.member.1.ForwardConfig.TargetGroups.member.2.Weight=20" +
            "&Actions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn=blue" +
            "&Actions.member.1.ForwardConfig.TargetGroups.member.1.Weight=80" +
            "&Actions.member.1.ForwardConfig.TargetGroupStickinessConfig.Enabled=true" +
            "&Actions.member.1.ForwardConfig.TargetGroupStickinessConfig.DurationSeconds=600");

        Assert.Equal(
            ["Actions.member.1.ForwardConfig.TargetGroups.member.1", "Actions.member.1.ForwardConfig.TargetGroups.member.2"],
            parameters.ListPrefixes("Actions.member.1.ForwardConfig.TargetGroups"));
        Assert.Equal(20, parameters.GetInt("Actions.member.1.ForwardConfig.TargetGroups.member.2.Weight"));

        var action = Assert.Single(RuleActionParser.Parse(parameters)!);
        Assert.Equal([("blue", 80), ("green", 20)], action.ForwardConfig!.TargetGroups.Select(t => (t.TargetGroupArn, t.Weight)));
        Assert.Equal(new(true, 600), action.ForwardConfig.TargetGroupStickinessConfig);
        parameters.RejectUnrecognized();
    }

    [Fact]
    public void ListsMustBeNumberedWithoutGaps()
    {
        var error = Assert.Throws<ElbError>(() => Form("RuleArns.member.1=a&RuleArns.member.3=c").ListPrefixes("RuleArns"));
        Assert.Equal("MalformedQueryString", error.Code);
    }

    [Fact]
    public void AbsentListIsNull() => Assert.Null(Form("Action=DescribeRules").ListPrefixes("RuleArns"));

    [Fact]
    public void RefusesARepeatedParameter() =>
        Assert.Equal("MalformedQueryString", Assert.Throws<ElbError>(() => Form("Marker=a&Marker=b")).Code);

    [Fact]
    public void RejectsParametersNoActionRead()
    {
        var parameters = Form("RuleArn=x&Actions.member.1.Transforms.member.1.Type=host-header-rewrite");
        parameters.GetString("RuleArn");
        var error = Assert.Throws<ElbError>(parameters.RejectUnrecognized);
        Assert.Equal("ValidationError", error.Code);
        Assert.Contains("Actions.member.1.Transforms.member.1.Type", error.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    public void RefusesANonInteger(string value) =>
        Assert.Equal("ValidationError", Assert.Throws<ElbError>(() => Form($"PageSize={value}").GetInt("PageSize")).Code);

    [Fact]
    public void RefusesANonBoolean() =>
        Assert.Equal("ValidationError", Assert.Throws<ElbError>(() => Form("Enabled=yes").GetBool("Enabled")).Code);

    [Fact]
    public void ReadsAMap()
    {
        var map = Form("P.entry.1.key=display&P.entry.1.value=page&P.entry.2.key=prompt&P.entry.2.value=login").GetMap("P");
        Assert.Equal(new Dictionary<string, string> { ["display"] = "page", ["prompt"] = "login" }, map);
    }
}
