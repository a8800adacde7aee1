using Cutover.Engine.Traffic.AwsAlb;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Engine.Tests.AwsAlb;

public sealed class AwsAlbRouterTests
{
    /// <summary>An in-memory ELBv2 behind the port: one rule, two target groups, ModifyRule stores the actions it is given.</summary>
    private sealed class InMemoryElb : IElasticLoadBalancingV2
    {
        public ElbRule Rule { get; set; } = ElbV2XmlReader.Rules(ElbV2XmlReader.Result(ElbV2Samples.DescribeRulesWithNewerElements(0, 100), "DescribeRules"))[0];
        public Dictionary<string, List<ElbTargetHealthDescription>> Health { get; } = new()
        {
            [ElbV2Samples.Blue] = [new("127.0.0.1", 3000, null, "3000", "healthy", null, null)],
            [ElbV2Samples.Green] = [new("127.0.0.1", 3001, null, "3001", "healthy", null, null)],
        };
        public List<IReadOnlyList<ElbAction>> Modifications { get; } = [];

        public Task<IReadOnlyList<ElbRule>> DescribeRulesAsync(IReadOnlyList<string> ruleArns, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ElbRule>>([Rule]);

        public Task<ElbRule> ModifyRuleActionsAsync(string ruleArn, IReadOnlyList<ElbAction> actions, CancellationToken cancellationToken)
        {
            Modifications.Add(actions);
            Rule = Rule with { Actions = actions };
            return Task.FromResult(Rule);
        }

        public Task<IReadOnlyList<ElbTargetHealthDescription>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ElbTargetHealthDescription>>(Health[targetGroupArn]);

        public Task<IReadOnlyList<ElbTargetGroup>> DescribeTargetGroupsAsync(IReadOnlyList<string> targetGroupArns, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ElbTargetGroup>>(targetGroupArns.Select(arn =>
                new ElbTargetGroup(arn, null, "HTTP", 3000, "ip", true, "HTTP", "traffic-port", "/health", 30, 5, 2, 3, "200")).ToList());

        public Task<IReadOnlyList<ElbAttribute>> DescribeTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<ElbAttribute>> ModifyTargetGroupAttributesAsync(string targetGroupArn, IReadOnlyList<ElbAttribute> attributes,
            CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class NullHost : ICutoverHost
    {
        public List<string> Verbose { get; } = [];
        public void WriteObject(object value) { }
        public void WriteVerbose(string message) => Verbose.Add(message);
        public void WriteDebug(string message) { }
        public void WriteWarning(string message) { }
        public void WriteInformation(string message, params string[] tags) { }
        public void WriteProgress(CutoverProgress progress) { }
        public void WriteError(CutoverException error) { }
    }

    private readonly InMemoryElb _elb = new();
    private readonly AwsAlbRouter _router;

    public AwsAlbRouterTests() => _router = new AwsAlbRouter(ElbV2Samples.Plan, _elb, new FakeTimeProvider());

    [Fact]
    public async Task State_reports_percentages_stickiness_targets_and_health_checks()
    {
        var state = await _router.GetStateAsync(CancellationToken.None);

        Assert.Equal((0, 100), (state.Blue, state.Green));
        Assert.Contains(state.Warnings, w => w.Contains("stickiness is on", StringComparison.Ordinal) && w.Contains("stay", StringComparison.Ordinal));
        Assert.Equal([CutoverEnvironment.Blue, CutoverEnvironment.Green], state.Targets.Select(t => t.Environment!.Value));
        Assert.Equal("green-tg=100 blue-tg=0 stickiness=600s", state.Raw);
        var blueCheck = Assert.Single(state.HealthChecks, h => h.Environment == CutoverEnvironment.Blue);
        Assert.Equal(("HTTP", "/health", "traffic-port", 3000, 2, 3, 30, 5),
            (blueCheck.Protocol, blueCheck.Path, blueCheck.Port, blueCheck.TrafficPort, blueCheck.HealthyThreshold, blueCheck.UnhealthyThreshold,
             blueCheck.IntervalSec, blueCheck.TimeoutSec));
    }

    [Fact]
    public async Task Apply_changes_only_the_weights_and_is_idempotent()
    {
        var host = new NullHost();
        await _router.ApplyAsync(50, host, CancellationToken.None);
        await _router.ApplyAsync(50, host, CancellationToken.None);

        var sent = Assert.Single(_elb.Modifications);
        Assert.Equal(["authenticate-oidc", "forward"], sent.Select(a => a.Type));
        Assert.Equal(1, sent[0].Order);
        Assert.Equal(new ElbStickinessConfig(true, 600), sent[1].ForwardConfig!.Stickiness);
        Assert.Equal((50, 50), ((await _router.GetStateAsync(CancellationToken.None)).Blue, (await _router.GetStateAsync(CancellationToken.None)).Green));
        Assert.Contains(host.Verbose, v => v.Contains("nothing to change", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Moving_traffic_to_a_side_without_healthy_targets_is_refused_with_the_targets_listed()
    {
        _elb.Health[ElbV2Samples.Blue] = [new("127.0.0.1", 3000, null, "3000", "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [503]")];

        var e = await Assert.ThrowsAsync<CutoverException>(() => _router.EnsureCanApplyAsync(50, CancellationToken.None));

        Assert.Equal(CutoverErrorIds.TrafficRefusedUnhealthyTargets, e.ErrorId);
        Assert.Contains("127.0.0.1:3000 unhealthy (Target.ResponseCodeMismatch)", e.Message);
        await _router.EnsureCanApplyAsync(0, CancellationToken.None);   // green only: blue's health does not matter
    }
}
