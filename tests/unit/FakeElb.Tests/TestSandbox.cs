using System.Text;
using System.Xml.Linq;
using FakeElb.Haproxy;
using FakeElb.Hosting;
using FakeElb.Model;
using FakeElb.Protocol;

namespace FakeElb.Tests;

/// <summary>An in-memory FakeElb built from the sandbox seed of docs/sandbox.md, and helpers to call it as a client would.</summary>
internal sealed class TestSandbox
{
    public const string RuleArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/sandbox-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
    public const string ListenerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/sandbox-alb/50dc6c495c0c9188/f2f7dc8efc522ab2";
    public const string LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/sandbox-alb/50dc6c495c0c9188";
    public const string Blue = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue-tg/73e2d6bc24d8a067";
    public const string Green = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green-tg/2453ed029918f21f";

    public static readonly XNamespace Ns = QueryXml.Namespace;

    public static SandboxSeed Seed(HaproxySettings? haproxy = null) => new(
        "us-east-1", "AKIDFAKEEXAMPLE", "fakeSecretKey/EXAMPLE+0123456789", RuleArn, Blue, Green, haproxy, 48081);

    public TestSandbox(IHaproxyRuntime? haproxy = null)
    {
        var seed = Seed(haproxy is null ? null : new HaproxySettings("tcp://127.0.0.1:48405", "be_app", "blue", "green"));
        Server = new FakeElbServer(seed, SandboxModelBuilder.Build(seed), persist: null, haproxy, TimeProvider.System);
    }

    public FakeElbServer Server { get; }

    public ElbModel Model => Server.Store.Current;

    /// <summary>Runs one request (form pairs, Action first) and returns the parsed <c>&lt;{Op}Response&gt;</c> document.</summary>
    public XDocument Call(params (string Key, string Value)[] form)
    {
        var body = string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var parameters = QueryParameters.FromFormBody(Encoding.UTF8.GetBytes("Version=2015-12-01&" + body));
        var operation = Server.Dispatcher.Resolve(parameters);
        return XDocument.Parse(QueryXml.Success(operation.Name, operation.Handle(parameters), "test-request"));
    }

    /// <summary>Runs a request that must fail and returns the error.</summary>
    public ElbError Fail(params (string Key, string Value)[] form) => Assert.Throws<ElbError>(() => Call(form));

    /// <summary>A ModifyRule of the sandbox rule to a weighted forward action.</summary>
    public static (string, string)[] ModifyWeights(params (string Arn, int Weight)[] groups) =>
    [
        ("Action", "ModifyRule"), ("RuleArn", RuleArn), ("Actions.member.1.Type", "forward"),
        .. groups.SelectMany((g, i) => new[]
        {
            ($"Actions.member.1.ForwardConfig.TargetGroups.member.{i + 1}.TargetGroupArn", g.Arn),
            ($"Actions.member.1.ForwardConfig.TargetGroups.member.{i + 1}.Weight", g.Weight.ToString()),
        }),
    ];

    public BlueGreenWeights RuleWeights() => Server.WeightSync.AlbWeights(Model);
}
