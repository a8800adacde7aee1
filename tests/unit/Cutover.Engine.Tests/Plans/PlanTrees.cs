using Cutover.Engine.Plans;

namespace Cutover.Engine.Tests.Plans;

/// <summary>A valid plan as JSON, and helpers to break one field of it at a time.</summary>
internal static class PlanTrees
{
    public const string ValidHAProxyPlan = """
    {
      "Name": "orchestrator-2.1.0",
      "Environments": {
        "Blue":  { "AppUrl": "http://127.0.0.1:48081", "ExpectedVersion": "2.1.0", "PrometheusSelector": "job=\"orchestrator\",env=\"blue\"",
                   "Postgres": { "Host": "127.0.0.1", "Port": 45432, "Database": "orchestrator_blue", "Username": "app_blue", "Password": "env:BLUE_PG",
                                 "Replica": { "Host": "127.0.0.1", "Port": 45433 } },
                   "RabbitMq": { "AmqpUri": "amqp://127.0.0.1:45672/appvh", "ManagementUrl": "http://127.0.0.1:45673", "Username": "app", "Password": "env:BLUE_RMQ", "Queues": ["agent-tasks"] },
                   "Redis": { "Endpoint": "127.0.0.1:46379", "Password": "env:BLUE_REDIS" } },
        "Green": { "AppUrl": "http://127.0.0.1:48082", "ExpectedVersion": "2.0.5", "PrometheusSelector": "job=\"orchestrator\",env=\"green\"" }
      },
      "Monitoring": { "PrometheusUrl": "http://127.0.0.1:49090", "MinActiveTargets": 2, "MinRuleGroups": 1, "ScrapeIntervalSec": 1 },
      "Traffic": { "HAProxy": { "RuntimeApi": "tcp://127.0.0.1:48405", "Backend": "be_app", "BlueServer": "blue", "GreenServer": "green" } }
    }
    """;

    public const string ValidAlb = """
    { "Region": "us-east-1",
      "ListenerRuleArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/prod/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee",
      "BlueTargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue-tg/73e2d6bc24d8a067",
      "GreenTargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green-tg/2453ed029918f21f" }
    """;

    public const string ValidDns = """
    { "Nameservers": ["127.0.0.1:5353"], "Zone": "example.test", "Record": "app.example.test",
      "BlueAddress": "127.0.0.20", "GreenAddress": "127.0.0.10", "TsigKeyName": "ddns-key", "TsigSecret": "env:TSIG" }
    """;

    public static Dictionary<string, object?> Valid() => (Dictionary<string, object?>)JsonPlanTree.Parse(ValidHAProxyPlan, "test.json");

    /// <summary>The valid plan with its traffic provider replaced by "AwsAlb" or "Dns" (with the JSON above).</summary>
    public static Dictionary<string, object?> ValidWith(string provider, string json)
    {
        var tree = Valid();
        tree["Traffic"] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { [provider] = Value(json) };
        return tree;
    }

    /// <summary>Any JSON value (object, list, scalar) as the tree holds it.</summary>
    public static object? Value(string json) => JsonPlanTree.Parse("{\"v\": " + json + "}", "fragment.json")["v"];

    public static Dictionary<string, object?> Table(this Dictionary<string, object?> tree, params string[] path)
    {
        var node = tree;
        foreach (var key in path)
            node = (Dictionary<string, object?>)node[key]!;
        return node;
    }

    /// <summary>Sets (or, with <see cref="Remove"/>, deletes) the value at a dotted path such as "Traffic.HAProxy.Backend".</summary>
    public static Dictionary<string, object?> Set(this Dictionary<string, object?> tree, string path, object? value)
    {
        var keys = path.Split('.');
        var table = tree.Table(keys[..^1]);
        if (ReferenceEquals(value, Remove))
            table.Remove(keys[^1]);
        else
            table[keys[^1]] = value;
        return tree;
    }

    public static readonly object Remove = new();

    public static PlanReader.Result Read(Dictionary<string, object?> tree) => PlanReader.Read(tree, null);

    /// <summary>The error problems naming exactly this field.</summary>
    public static IReadOnlyList<PlanProblem> ErrorsAt(this PlanReader.Result result, string field) =>
        result.Problems.Where(p => p.Field == field && p.Severity == PlanProblemSeverity.Error).ToList();
}
