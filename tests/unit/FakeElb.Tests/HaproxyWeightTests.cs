using FakeElb.Haproxy;
using FakeElb.Protocol;

namespace FakeElb.Tests;

public sealed class HaproxyWeightTests
{
    private static readonly HaproxySettings Settings = new("tcp://127.0.0.1:48405", "be_app", "blue", "green");

    [Theory]
    [InlineData(0, 100, 0, 256)]
    [InlineData(100, 0, 256, 0)]
    [InlineData(80, 20, 205, 51)]
    [InlineData(50, 50, 128, 128)]
    [InlineData(1, 999, 1, 255)]
    [InlineData(999, 1, 255, 1)]
    [InlineData(1, 2, 85, 171)]
    [InlineData(0, 0, 0, 0)]
    public void MapsAlbWeightsProportionallyKeepingNonZeroSidesNonZero(int blue, int green, int haproxyBlue, int haproxyGreen) =>
        Assert.Equal(new BlueGreenWeights(haproxyBlue, haproxyGreen), HaproxyWeightMapping.ToHaproxy(new(blue, green)));

    [Fact]
    public void RaisesTheReceivingSideFirst()
    {
        Assert.Equal(["set weight be_app/blue 205", "set weight be_app/green 51"],
            HaproxyWeightPlan.Commands(Settings, new(0, 256), new(205, 51)));
        Assert.Equal(["set weight be_app/green 256", "set weight be_app/blue 0"],
            HaproxyWeightPlan.Commands(Settings, new(205, 51), new(0, 256)));
    }

    [Fact]
    public void WithoutKnownWeightsTheHeavierSideGoesFirst() =>
        Assert.Equal(["set weight be_app/green 256", "set weight be_app/blue 0"], HaproxyWeightPlan.Commands(Settings, null, new(0, 256)));

    [Fact]
    public void SendsBothCommandsInOneLine()
    {
        var haproxy = new RecordingHaproxy();
        var sandbox = new TestSandbox(haproxy);
        sandbox.Call(TestSandbox.ModifyWeights((TestSandbox.Blue, 80), (TestSandbox.Green, 20)));
        Assert.Equal(["set weight be_app/blue 205; set weight be_app/green 51"], haproxy.Lines);
    }

    [Fact]
    public void LeavesHaproxyAloneWhenTheWeightsDoNotChange()
    {
        var haproxy = new RecordingHaproxy();
        var sandbox = new TestSandbox(haproxy);
        sandbox.Call(TestSandbox.ModifyWeights((TestSandbox.Green, 100), (TestSandbox.Blue, 0)));
        sandbox.Call(("Action", "ModifyRule"), ("RuleArn", TestSandbox.RuleArn), ("Conditions.member.1.Field", "path-pattern"),
            ("Conditions.member.1.PathPatternConfig.Values.member.1", "/api/*"));
        Assert.Empty(haproxy.Lines);
    }

    [Fact]
    public void AnUnreachableHaproxyIsInternalFailureAndTheRuleStays()
    {
        var sandbox = new TestSandbox(new RecordingHaproxy { Unreachable = true });
        var error = sandbox.Fail(TestSandbox.ModifyWeights((TestSandbox.Blue, 80), (TestSandbox.Green, 20)));
        Assert.Equal(("InternalFailure", 500), (error.Code, error.HttpStatus));
        Assert.Equal(new(0, 100), sandbox.RuleWeights());
    }

    [Fact]
    public void AnHaproxyErrorReplyIsInternalFailureAndTheRuleStays()
    {
        var sandbox = new TestSandbox(new RecordingHaproxy { Reply = "No such server.\n" });
        Assert.Equal("InternalFailure", sandbox.Fail(TestSandbox.ModifyWeights((TestSandbox.Blue, 80), (TestSandbox.Green, 20))).Code);
        Assert.Equal(new(0, 100), sandbox.RuleWeights());
    }

    [Fact]
    public void ResetAppliesTheInitialWeights()
    {
        var haproxy = new RecordingHaproxy();
        var sandbox = new TestSandbox(haproxy);
        sandbox.Call(TestSandbox.ModifyWeights((TestSandbox.Blue, 100)));
        sandbox.Server.Reset();
        Assert.Equal("set weight be_app/green 256; set weight be_app/blue 0", haproxy.Lines[^1]);
        Assert.Equal(new(0, 100), sandbox.RuleWeights());
    }

    [Theory]
    [InlineData("tcp://10.0.0.1:9999")]
    [InlineData("tcp://localhost:9999")]
    [InlineData("http://127.0.0.1:9999")]
    public void TheRuntimeApiMustBeLoopbackTcpOrAUnixSocket(string runtimeApi) =>
        Assert.Throws<ArgumentException>(() => HaproxyRuntimeClient.ParseEndPoint(runtimeApi));

    private sealed class RecordingHaproxy : IHaproxyRuntime
    {
        public List<string> Lines { get; } = [];
        public bool Unreachable { get; init; }
        public string Reply { get; init; } = "\n";

        public string Execute(string commandLine)
        {
            if (Unreachable) throw new HaproxyUnavailableException("connection refused");
            Lines.Add(commandLine);
            return Reply;
        }
    }
}
