using Cutover.Engine.Health.Checks;
using Cutover.Engine.Tests.Fakes;
using Cutover.Engine.Tests.Plans;

namespace Cutover.Engine.Tests.Health;

public sealed class LoadBalancerCheckTests
{
    private static readonly CutoverPlan Plan = PlanTrees.Read(PlanTrees.Valid()).Plan!;

    private sealed class FakeRouter(Func<CutoverTrafficState> read) : ITrafficRouter
    {
        public TrafficProviderKind Provider => TrafficProviderKind.AwsAlb;
        public Task<CutoverTrafficState> GetStateAsync(CancellationToken cancellationToken) => Task.FromResult(read());
        public Task EnsureCanApplyAsync(int bluePercent, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task ApplyAsync(int bluePercent, ICutoverHost host, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class NoSecrets : ISecretResolver
    {
        public string Resolve(SecretReference reference, string field) => throw new InvalidOperationException("no secret expected");
    }

    private static TrafficTargetDetail Target(CutoverEnvironment? environment, string state = "healthy") =>
        new() { Environment = environment, Target = $"{environment}-1", State = state };

    private static TrafficHealthCheck Procedure(CutoverEnvironment environment) => new()
    {
        Environment = environment, Target = $"tg-{environment}", Enabled = true, Protocol = "HTTP", Path = Plan.GetEnvironment(environment).HealthPath,
        Port = "traffic-port", TrafficPort = Plan.GetEnvironment(environment).AppUrl.Port,
        HealthyThreshold = 2, UnhealthyThreshold = 3, IntervalSec = 30, TimeoutSec = 5,
    };

    private static CutoverTrafficState State(int blue, IReadOnlyList<TrafficTargetDetail> targets, IReadOnlyList<TrafficHealthCheck>? checks = null,
        IReadOnlyList<string>? warnings = null) => new()
    {
        Provider = TrafficProviderKind.AwsAlb, Blue = blue, Green = blue == 0 && targets.Count == 0 ? 0 : 100 - blue, Raw = "raw", Targets = targets,
        HealthChecks = checks ?? [], Warnings = warnings ?? [], ObservedAt = DateTimeOffset.UnixEpoch,
    };

    private static Task<HealthObservation> Run(Func<CutoverTrafficState> read) =>
        new LoadBalancerCheck((_, _) => new FakeRouter(read))
            .RunAsync(new HealthCheckContext(Plan, null, new NoSecrets(), new RecordingHost(), TimeSpan.FromSeconds(5)), CancellationToken.None);

    [Fact]
    public async Task Both_sides_known_with_the_procedures_health_checks_pass()
    {
        var result = await Run(() => State(100, [Target(CutoverEnvironment.Blue), Target(CutoverEnvironment.Green)],
            [Procedure(CutoverEnvironment.Blue), Procedure(CutoverEnvironment.Green)]));

        Assert.Equal(HealthStatus.Pass, result.Status);
        Assert.Contains("blue 100% / green 0%", result.Message);
    }

    [Fact]
    public async Task Health_check_settings_that_differ_are_a_warning_naming_each_difference()
    {
        var loose = new TrafficHealthCheck
        {
            Environment = CutoverEnvironment.Green, Target = "tg-green", Enabled = true, Protocol = "HTTP", Path = "/", Port = "8081",
            HealthyThreshold = 5, UnhealthyThreshold = 3, IntervalSec = 10, TimeoutSec = 5,
        };

        var result = await Run(() => State(100, [Target(CutoverEnvironment.Blue), Target(CutoverEnvironment.Green)], [Procedure(CutoverEnvironment.Blue), loose]));

        Assert.Equal(HealthStatus.Warn, result.Status);
        Assert.Contains("Green health check of tg-green", result.Message);
        Assert.Contains("path / (expected /health)", result.Message);
        Assert.Contains("healthy threshold 5 (expected 2)", result.Message);
        Assert.Contains("interval 10 (expected 30)", result.Message);
        Assert.Contains("port 8081", result.Message);
        Assert.DoesNotContain("Blue health check", result.Message);
        Assert.DoesNotContain("unhealthy threshold", result.Message);
    }

    [Fact]
    public async Task A_disabled_health_check_is_a_warning()
    {
        var disabled = new TrafficHealthCheck { Environment = CutoverEnvironment.Blue, Target = "tg-blue", Enabled = false };

        var result = await Run(() => State(100, [Target(CutoverEnvironment.Blue)], [disabled]));

        Assert.Equal(HealthStatus.Warn, result.Status);
        Assert.Contains("health check disabled", result.Message);
        Assert.Contains("timeout not set (expected 5)", result.Message);
    }

    [Fact]
    public async Task The_providers_own_warnings_are_passed_on()
    {
        var result = await Run(() => State(100, [Target(CutoverEnvironment.Blue)], warnings: ["stickiness is on"]));

        Assert.Equal(HealthStatus.Warn, result.Status);
        Assert.Contains("stickiness is on", result.Message);
    }

    [Fact]
    public async Task Traffic_to_neither_side_fails()
    {
        var result = await Run(() => State(0, [], warnings: ["no nameserver answers"]));

        Assert.Equal(HealthStatus.Fail, result.Status);
        Assert.Contains("neither blue nor green", result.Message);
        Assert.Contains("no nameserver answers", result.Message);
    }

    [Fact]
    public async Task A_side_that_receives_traffic_but_has_no_target_fails()
    {
        var result = await Run(() => State(50, [Target(CutoverEnvironment.Blue)]));

        Assert.Equal(HealthStatus.Fail, result.Status);
        Assert.Contains("sends traffic to Green but lists no target", result.Message);
    }

    [Fact]
    public async Task A_provider_that_refuses_the_read_fails_with_its_reason()
    {
        var result = await Run(() => throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.ObjectNotFound, "backend web has no server 'green'", "web/green", "check"));

        Assert.Equal(HealthStatus.Fail, result.Status);
        Assert.Contains("has no server 'green'", result.Message);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_fails()
    {
        var result = await Run(() => throw new System.Net.Sockets.SocketException(111));

        Assert.Equal(HealthStatus.Fail, result.Status);
        Assert.Contains("does not answer", result.Message);
    }
}
