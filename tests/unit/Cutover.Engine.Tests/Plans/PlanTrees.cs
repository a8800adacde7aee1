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

    public static Dictionary<string, object?> Valid() => (Dictionary<string, object?>)JsonPlanTree.Parse(ValidHAProxyPlan, "test.json");

    public static Dictionary<string, object?> Table(this Dictionary<string, object?> tree, params string[] path)
    {
        var node = tree;
        foreach (var key in path)
            node = (Dictionary<string, object?>)node[key]!;
        return node;
    }

    public static PlanReader.Result Read(Dictionary<string, object?> tree) => PlanReader.Read(tree, null);
}
