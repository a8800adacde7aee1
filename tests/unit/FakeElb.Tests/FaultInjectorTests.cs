using FakeElb.Faults;

namespace FakeElb.Tests;

public sealed class FaultInjectorTests
{
    private readonly FaultInjector faults = new();

    [Fact]
    public void ThrottlesThenFailsThenPasses()
    {
        faults.Configure(new FaultSettings(ThrottleNext: 3, FailNext: 2, FailStatus: 503, LatencyMs: 500));

        var decisions = Enumerable.Range(0, 7).Select(_ => faults.Next("DescribeRules")).ToArray();

        Assert.Equal(["Throttling", "Throttling", "Throttling", "ServiceUnavailable", "ServiceUnavailable", null, null],
            decisions.Select(d => d.Error?.Code));
        Assert.All(decisions, d => Assert.Equal(TimeSpan.FromMilliseconds(500), d.Latency));
        Assert.Equal((400, "Rate exceeded"), (decisions[0].Error!.HttpStatus, decisions[0].Error!.Message));
        Assert.Equal(503, decisions[3].Error!.HttpStatus);
    }

    [Fact]
    public void FailStatus500IsInternalFailure()
    {
        faults.Configure(new FaultSettings(FailNext: 1, FailStatus: 500));
        var error = faults.Next("ModifyRule").Error!;
        Assert.Equal(("InternalFailure", 500), (error.Code, error.HttpStatus));
    }

    [Fact]
    public void OnlyMatchingActionsCount()
    {
        faults.Configure(new FaultSettings(ThrottleNext: 1, LatencyMs: 100, Action: "ModifyRule"));

        var other = faults.Next("DescribeRules");
        Assert.Equal((TimeSpan.Zero, (string?)null), (other.Latency, other.Error?.Code));
        Assert.Equal("Throttling", faults.Next("ModifyRule").Error?.Code);
        Assert.Null(faults.Next("ModifyRule").Error);
    }

    [Fact]
    public void ClearStopsEverything()
    {
        faults.Configure(new FaultSettings(ThrottleNext: 5, LatencyMs: 100));
        faults.Clear();
        Assert.Equal(default, faults.Next("ModifyRule"));
    }

    [Theory]
    [InlineData(-1, 0, 503, 0)]
    [InlineData(0, 0, 502, 0)]
    [InlineData(0, 0, 503, -5)]
    public void RefusesNonsense(int throttle, int fail, int status, int latency) =>
        Assert.NotNull(new FaultSettings(throttle, fail, status, latency).Problem());
}
