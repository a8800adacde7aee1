using Cutover.Engine.Traffic.AwsAlb;

namespace Cutover.Engine.Tests.AwsAlb;

public sealed class ElbV2XmlReaderTests
{
    [Fact]
    public void Rule_reads_lists_as_member_and_ignores_elements_of_newer_models()
    {
        var rules = ElbV2XmlReader.Rules(ElbV2XmlReader.Result(ElbV2Samples.DescribeRulesWithNewerElements(30, 70), "DescribeRules"));

        var rule = Assert.Single(rules);
        Assert.Equal(ElbV2Samples.RuleArn, rule.RuleArn);
        Assert.Equal("10", rule.Priority);
        Assert.False(rule.IsDefault);
        Assert.Equal(["authenticate-oidc", "forward"], rule.Actions.Select(a => a.Type));

        var oidc = rule.Actions[0];
        Assert.Equal(1, oidc.Order);
        var config = Assert.Single(oidc.Configs);
        Assert.Equal("AuthenticateOidcConfig", config.Name);
        Assert.Equal("cutover", config.Members["ClientId"]);
        Assert.False(config.Members.ContainsKey("FutureMember"));
        Assert.Equal("login", config.ExtraParams!["prompt"]);

        var forward = rule.Actions[1].ForwardConfig!;
        Assert.Equal([(ElbV2Samples.Green, 70), (ElbV2Samples.Blue, 30)], forward.TargetGroups.Select(t => (t.TargetGroupArn, t.Weight!.Value)));
        Assert.Equal(new ElbStickinessConfig(true, 600), forward.Stickiness);
    }

    [Fact]
    public void Target_health_reads_states_reasons_and_the_newer_unhealthy_draining_state()
    {
        var xml = ElbV2Samples.Response("DescribeTargetHealth", """
            <TargetHealthDescriptions>
              <member><Target><Id>127.0.0.1</Id><Port>3000</Port></Target><HealthCheckPort>3000</HealthCheckPort><TargetHealth><State>healthy</State></TargetHealth></member>
              <member><Target><Id>10.0.0.7</Id><Port>3000</Port><AvailabilityZone>us-east-1a</AvailabilityZone></Target><HealthCheckPort>3000</HealthCheckPort>
                <TargetHealth><State>unhealthy.draining</State><Reason>Target.FailedHealthChecks</Reason><Description>Health checks failed</Description></TargetHealth>
                <AdministrativeOverride><State>no_override</State></AdministrativeOverride></member>
            </TargetHealthDescriptions>
            """);

        var health = ElbV2XmlReader.TargetHealth(ElbV2XmlReader.Result(xml, "DescribeTargetHealth"));

        Assert.Equal(2, health.Count);
        Assert.Equal(new ElbTargetHealthDescription("127.0.0.1", 3000, null, "3000", "healthy", null, null), health[0]);
        Assert.Equal(new ElbTargetHealthDescription("10.0.0.7", 3000, "us-east-1a", "3000", "unhealthy.draining", "Target.FailedHealthChecks",
            "Health checks failed"), health[1]);
    }

    [Fact]
    public void Target_groups_read_the_health_check_settings()
    {
        var xml = ElbV2Samples.Response("DescribeTargetGroups", $"""
            <TargetGroups><member><TargetGroupArn>{ElbV2Samples.Blue}</TargetGroupArn><TargetGroupName>blue-tg</TargetGroupName><Protocol>HTTP</Protocol>
              <Port>3000</Port><VpcId>vpc-1</VpcId><HealthCheckProtocol>HTTP</HealthCheckProtocol><HealthCheckPort>traffic-port</HealthCheckPort>
              <HealthCheckEnabled>true</HealthCheckEnabled><HealthCheckIntervalSeconds>30</HealthCheckIntervalSeconds><HealthCheckTimeoutSeconds>5</HealthCheckTimeoutSeconds>
              <HealthyThresholdCount>2</HealthyThresholdCount><UnhealthyThresholdCount>3</UnhealthyThresholdCount><HealthCheckPath>/health</HealthCheckPath>
              <Matcher><HttpCode>200</HttpCode></Matcher><LoadBalancerArns><member>arn:lb</member></LoadBalancerArns><TargetType>ip</TargetType>
              <TargetControlPort>4000</TargetControlPort></member></TargetGroups>
            """);

        var group = Assert.Single(ElbV2XmlReader.TargetGroups(ElbV2XmlReader.Result(xml, "DescribeTargetGroups")));

        Assert.Equal(new ElbTargetGroup(ElbV2Samples.Blue, "blue-tg", "HTTP", 3000, "ip", true, "HTTP", "traffic-port", "/health", 30, 5, 2, 3, "200"), group);
    }

    [Fact]
    public void Attributes_and_errors_are_read()
    {
        var xml = ElbV2Samples.Response("DescribeTargetGroupAttributes",
            "<Attributes><member><Key>deregistration_delay.timeout_seconds</Key><Value>300</Value></member><member><Key>stickiness.enabled</Key><Value>false</Value></member></Attributes>");

        Assert.Equal([new ElbAttribute("deregistration_delay.timeout_seconds", "300"), new ElbAttribute("stickiness.enabled", "false")],
            ElbV2XmlReader.Attributes(ElbV2XmlReader.Result(xml, "DescribeTargetGroupAttributes")));
        Assert.Equal(("RuleNotFound", "One or more rules not found", "f6431622"), ElbV2XmlReader.Error(ElbV2Samples.Error("RuleNotFound", "One or more rules not found")));
        Assert.Null(ElbV2XmlReader.Error("<html>bad gateway</html>"));
    }

    [Fact]
    public void An_answer_without_the_result_element_is_a_protocol_error()
    {
        var e = Assert.Throws<CutoverException>(() => ElbV2XmlReader.Result(ElbV2Samples.Response("DescribeRules", ""), "ModifyRule"));
        Assert.Equal(CutoverErrorIds.TrafficProviderError, e.ErrorId);
        Assert.Throws<CutoverException>(() => ElbV2XmlReader.Result("not xml", "DescribeRules"));
    }
}
