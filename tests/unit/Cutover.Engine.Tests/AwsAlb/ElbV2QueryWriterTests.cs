using Cutover.Engine.Traffic.AwsAlb;

namespace Cutover.Engine.Tests.AwsAlb;

public sealed class ElbV2QueryWriterTests
{
    private static ElbRule RuleWithAuthRedirectAndForward() => new(ElbV2Samples.RuleArn, "10", false,
    [
        new ElbAction("authenticate-oidc", Order: 1, Configs: [new ElbActionConfig("AuthenticateOidcConfig",
            new Dictionary<string, string> { ["Issuer"] = "https://idp.example.test", ["ClientId"] = "cutover" },
            new Dictionary<string, string> { ["prompt"] = "login" })]),
        new ElbAction("redirect", Order: 2, Configs: [new ElbActionConfig("RedirectConfig",
            new Dictionary<string, string> { ["Protocol"] = "HTTPS", ["StatusCode"] = "HTTP_301" })]),
        new ElbAction("forward", Order: 3, TargetGroupArn: ElbV2Samples.Green, ForwardConfig: new ElbForwardConfig(
            [new ElbTargetGroupTuple(ElbV2Samples.Green, 1)], new ElbStickinessConfig(true, 600))),
    ]);

    [Fact]
    public void Changing_weights_sends_every_action_back_with_its_order_config_and_stickiness()
    {
        var actions = AlbRuleEditor.WithWeights(RuleWithAuthRedirectAndForward(), ElbV2Samples.Blue, ElbV2Samples.Green, 30, 70);
        var parameters = ElbV2QueryWriter.Request("ModifyRule");
        ElbV2QueryWriter.AddActions(parameters, actions);

        Assert.Equal(
        [
            ("Action", "ModifyRule"), ("Version", "2015-12-01"),
            ("Actions.member.1.Type", "authenticate-oidc"), ("Actions.member.1.Order", "1"),
            ("Actions.member.1.AuthenticateOidcConfig.ClientId", "cutover"),
            ("Actions.member.1.AuthenticateOidcConfig.Issuer", "https://idp.example.test"),
            ("Actions.member.1.AuthenticateOidcConfig.UseExistingClientSecret", "true"),
            ("Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.key", "prompt"),
            ("Actions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.value", "login"),
            ("Actions.member.2.Type", "redirect"), ("Actions.member.2.Order", "2"),
            ("Actions.member.2.RedirectConfig.Protocol", "HTTPS"), ("Actions.member.2.RedirectConfig.StatusCode", "HTTP_301"),
            ("Actions.member.3.Type", "forward"), ("Actions.member.3.Order", "3"),
            ("Actions.member.3.ForwardConfig.TargetGroups.member.1.TargetGroupArn", ElbV2Samples.Green),
            ("Actions.member.3.ForwardConfig.TargetGroups.member.1.Weight", "70"),
            ("Actions.member.3.ForwardConfig.TargetGroups.member.2.TargetGroupArn", ElbV2Samples.Blue),
            ("Actions.member.3.ForwardConfig.TargetGroups.member.2.Weight", "30"),
            ("Actions.member.3.ForwardConfig.TargetGroupStickinessConfig.Enabled", "true"),
            ("Actions.member.3.ForwardConfig.TargetGroupStickinessConfig.DurationSeconds", "600"),
        ], parameters.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void A_bare_target_group_arn_is_sent_only_without_forward_config()
    {
        var parameters = new List<KeyValuePair<string, string>>();
        ElbV2QueryWriter.AddAction(parameters, "Actions.member.1", new ElbAction("forward", TargetGroupArn: ElbV2Samples.Blue));
        Assert.Equal([("Actions.member.1.Type", "forward"), ("Actions.member.1.TargetGroupArn", ElbV2Samples.Blue)], parameters.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void Another_weighted_target_group_an_unknown_action_or_a_sixth_group_is_refused()
    {
        var busy = new ElbRule(ElbV2Samples.RuleArn, "10", false, [new ElbAction("forward", ForwardConfig: new ElbForwardConfig(
            [new ElbTargetGroupTuple(ElbV2Samples.Green, 50), new ElbTargetGroupTuple("arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/canary/1", 50)], null))]);
        Assert.Equal(CutoverErrorIds.TrafficWeightUnsupported,
            Assert.Throws<CutoverException>(() => AlbRuleEditor.WithWeights(busy, ElbV2Samples.Blue, ElbV2Samples.Green, 50, 50)).ErrorId);

        var jwt = new ElbRule(ElbV2Samples.RuleArn, "10", false, [new ElbAction("jwt-validation", 1), new ElbAction("forward", 2, ElbV2Samples.Green)]);
        Assert.Equal(CutoverErrorIds.TrafficWeightUnsupported,
            Assert.Throws<CutoverException>(() => AlbRuleEditor.WithWeights(jwt, ElbV2Samples.Blue, ElbV2Samples.Green, 50, 50)).ErrorId);

        var full = new ElbRule(ElbV2Samples.RuleArn, "10", false, [new ElbAction("forward", ForwardConfig: new ElbForwardConfig(
            Enumerable.Range(1, 5).Select(i => new ElbTargetGroupTuple($"arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/tg{i}/1", 0))
                .Append(new ElbTargetGroupTuple(ElbV2Samples.Green, 100)).Skip(1).ToList(), null))]);
        Assert.Contains("at most 5", Assert.Throws<CutoverException>(() => AlbRuleEditor.WithWeights(full, ElbV2Samples.Blue, ElbV2Samples.Green, 50, 50)).Message);
    }

    [Theory]
    [InlineData(0, 0, 100)]
    [InlineData(50, 50, 50)]
    [InlineData(100, 100, 0)]
    [InlineData(33, 33, 67)]
    public void Percentages_are_written_as_weights_summing_to_100(int percent, int blue, int green)
    {
        Assert.Equal((blue, green), AlbWeightMapping.ToWeights(percent));
        Assert.Equal(percent, AlbWeightMapping.ToPercent(blue, blue + green));
    }

    [Fact]
    public void Weights_written_by_others_read_as_shares_and_out_of_range_is_refused()
    {
        Assert.Equal(100, AlbWeightMapping.ToPercent(999, 1000));
        Assert.Equal(50, AlbWeightMapping.ToPercent(1, 2));
        Assert.Equal(1, AlbWeightMapping.ToPercent(1, 200));   // 0.5 rounds away from zero
        Assert.Null(AlbWeightMapping.ToPercent(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AlbWeightMapping.ToWeights(101));
        Assert.Throws<ArgumentOutOfRangeException>(() => AlbRuleEditor.WithWeights(RuleWithAuthRedirectAndForward(), ElbV2Samples.Blue, ElbV2Samples.Green, 1000, 0));
    }
}
