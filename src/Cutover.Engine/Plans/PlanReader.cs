using System.Net;
using System.Text.RegularExpressions;

namespace Cutover.Engine.Plans;

/// <summary>
/// Reads a plan from its parsed tree (tables, lists and scalars, from a .psd1 or JSON file), applying
/// the procedure's defaults and collecting every problem, including cross-field rules.
/// </summary>
public static partial class PlanReader
{
    public sealed record Result(CutoverPlan? Plan, IReadOnlyList<PlanProblem> Problems);

    public static Result Read(IReadOnlyDictionary<string, object?> tree, string? sourcePath)
    {
        var problems = new PlanProblems();
        var root = new PlanNode(tree, string.Empty, problems);
        var baseDirectory = sourcePath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(sourcePath))!;

        var name = root.String("Name", required: true, fix: "name the cutover, e.g. 'orchestrator-2.1.0'");
        if (name is not null && !SafeName().IsMatch(name))
            problems.Error("Name", $"'{name}' has characters that cannot name a journal file", "use letters, digits, '.', '_' and '-' only");

        var environments = ReadEnvironments(root.Child("Environments", required: true));
        var monitoring = ReadMonitoring(root.Child("Monitoring", required: true));
        var traffic = ReadTraffic(root.Child("Traffic", required: true));
        var thresholds = ReadThresholds(root.Child("Thresholds", required: false));
        var triggers = ReadTriggers(root.Child("Triggers", required: false));
        var stages = ReadStages(root, traffic);
        var notifications = ReadNotifications(root.Child("Notifications", required: false));
        var state = ReadState(root.Child("State", required: false), baseDirectory);
        var smokeTests = (root.StringList("SmokeTests") ?? []).Select(p => Path.GetFullPath(p, baseDirectory)).ToList();
        for (var i = 0; i < smokeTests.Count; i++)
        {
            if (!File.Exists(smokeTests[i]))
                problems.Error($"SmokeTests[{i}]", $"'{smokeTests[i]}' does not exist", "give the path of a Pester test file, relative to the plan");
        }
        var extended = root.Int("ExtendedMonitoringSec", 0, 0, 86_400);
        var retention = root.Int("GreenRetentionMin", 60, 0, 10_080);
        root.ReportUnknownKeys();

        if (problems.HasErrors || name is null || environments is null || monitoring is null || traffic is null)
            return new Result(null, problems.Items);

        var plan = new CutoverPlan
        {
            Name = name,
            SourcePath = sourcePath is null ? null : Path.GetFullPath(sourcePath),
            Environments = environments,
            Monitoring = monitoring,
            Traffic = traffic,
            Thresholds = thresholds,
            Triggers = triggers,
            Stages = stages,
            Notifications = notifications,
            State = state,
            SmokeTests = smokeTests,
            ExtendedMonitoringSec = extended,
            GreenRetentionMin = retention,
        };
        return new Result(plan, problems.Items);
    }

    private static EnvironmentsPlan? ReadEnvironments(PlanNode? node)
    {
        if (node is null)
            return null;
        var blue = ReadEnvironment(node.Child("Blue", required: true), CutoverEnvironment.Blue);
        var green = ReadEnvironment(node.Child("Green", required: true), CutoverEnvironment.Green);
        node.ReportUnknownKeys();
        if (blue is null || green is null)
            return null;
        if (Uri.Compare(blue.AppUrl, green.AppUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            node.Problems.Error("Environments.Green.AppUrl", "is the same as Environments.Blue.AppUrl", "point each environment at its own application");
        if (blue.PrometheusSelector == green.PrometheusSelector)
            node.Problems.Error("Environments.Green.PrometheusSelector", "is the same as Blue's, so metrics cannot tell the environments apart", "give each environment its own label matchers, e.g. env=\"green\"");
        return new EnvironmentsPlan { Blue = blue, Green = green };
    }

    private static EnvironmentPlan? ReadEnvironment(PlanNode? node, CutoverEnvironment environment)
    {
        if (node is null)
            return null;
        var appUrl = node.Url("AppUrl", required: true, "http", "https");
        var healthPath = ReadUrlPath(node, "HealthPath") ?? "/health";
        var version = node.String("ExpectedVersion", required: true, fix: "set the version the application must report on its health endpoint");
        var endpoints = node.StringList("ApiEndpoints");
        if (endpoints is not null)
        {
            for (var i = 0; i < endpoints.Count; i++)
            {
                if (!endpoints[i].StartsWith('/'))
                    node.Problems.Error($"{node.FieldPath("ApiEndpoints")}[{i}]", $"'{endpoints[i]}' is not a path", "start each endpoint with '/'");
            }
        }
        var selector = node.String("PrometheusSelector", required: true, fix: "give label matchers that select this environment's series, e.g. env=\"blue\"");
        if (selector is not null && !SelectorPattern().IsMatch(selector))
            node.Problems.Error(node.FieldPath("PrometheusSelector"), $"'{selector}' is not a list of label matchers", "write matchers like job=\"app\",env=\"blue\" (without braces)");
        var postgres = ReadPostgres(node.Child("Postgres", required: false));
        var rabbit = ReadRabbitMq(node.Child("RabbitMq", required: false));
        var redis = ReadRedis(node.Child("Redis", required: false));
        node.ReportUnknownKeys();
        if (appUrl is null || version is null || selector is null)
            return null;
        return new EnvironmentPlan
        {
            Environment = environment,
            AppUrl = appUrl,
            HealthPath = healthPath,
            ExpectedVersion = version,
            ApiEndpoints = endpoints ?? ["/api/agents", "/api/messages", "/api/status"],
            PrometheusSelector = selector,
            Postgres = postgres,
            RabbitMq = rabbit,
            Redis = redis,
        };
    }

    private static string? ReadUrlPath(PlanNode node, string key)
    {
        var path = node.String(key);
        if (path is not null && !path.StartsWith('/'))
        {
            node.Problems.Error(node.FieldPath(key), $"'{path}' is not a path", "start it with '/'");
            return null;
        }
        return path;
    }

    private static PostgresPlan? ReadPostgres(PlanNode? node)
    {
        if (node is null)
            return null;
        var host = ReadHost(node, "Host", required: true);
        var port = node.Int("Port", 5432, 1, 65535);
        var database = node.String("Database", required: true, fix: "name the application database");
        var user = node.String("Username", required: true, fix: "name the database role to connect as");
        var password = node.Secret("Password", required: false);
        var maxConnections = node.Int("MaxConnections", 80, 1, 100_000);
        PostgresReplicaPlan? replica = null;
        if (node.Child("Replica", required: false) is { } r)
        {
            var replicaHost = ReadHost(r, "Host", required: true);
            var replicaPort = r.Int("Port", 5432, 1, 65535);
            r.ReportUnknownKeys();
            if (replicaHost is not null)
                replica = new PostgresReplicaPlan { Host = replicaHost, Port = replicaPort };
        }
        node.ReportUnknownKeys();
        if (host is null || database is null || user is null)
            return null;
        return new PostgresPlan { Host = host, Port = port, Database = database, Username = user, Password = password, Replica = replica, MaxConnections = maxConnections };
    }

    private static string? ReadHost(PlanNode node, string key, bool required)
    {
        var host = node.String(key, required, "set a host name or IP address");
        if (host is not null && !PlanNode.IsHostName(host))
        {
            node.Problems.Error(node.FieldPath(key), $"'{host}' is not a host name or IP address", "write a bare host such as db.internal or 127.0.0.1 (the port goes in Port)");
            return null;
        }
        return host;
    }

    private static RabbitMqPlan? ReadRabbitMq(PlanNode? node)
    {
        if (node is null)
            return null;
        var amqp = node.Url("AmqpUri", required: true, "amqp", "amqps");
        if (amqp is not null && amqp.UserInfo.Length > 0)
            node.Problems.Error(node.FieldPath("AmqpUri"), "carries credentials in the URI", "remove them from the URI; use Username and Password (a secret reference)");
        var management = node.Url("ManagementUrl", required: true, "http", "https");
        var user = node.String("Username", required: true, fix: "name the RabbitMQ user");
        var password = node.Secret("Password", required: false);
        var queues = node.StringList("Queues") ?? [];
        node.ReportUnknownKeys();
        if (amqp is null || management is null || user is null)
            return null;
        return new RabbitMqPlan { AmqpUri = amqp, ManagementUrl = management, Username = user, Password = password, Queues = queues };
    }

    private static RedisPlan? ReadRedis(PlanNode? node)
    {
        if (node is null)
            return null;
        var endpoint = node.HostPort("Endpoint", required: true, defaultPort: 6379);
        var password = node.Secret("Password", required: false);
        node.ReportUnknownKeys();
        return endpoint is null ? null : new RedisPlan { Endpoint = endpoint, Password = password };
    }

    private static MonitoringPlan? ReadMonitoring(PlanNode? node)
    {
        if (node is null)
            return null;
        var prometheus = node.Url("PrometheusUrl", required: true, "http", "https");
        var grafana = node.Url("GrafanaUrl", required: false, "http", "https");
        var minTargets = node.Int("MinActiveTargets", 20, 0, 100_000);
        var minGroups = node.Int("MinRuleGroups", 10, 0, 100_000);
        var scrape = node.Int("ScrapeIntervalSec", 15, 1, 3600);
        var queries = ReadQueries(node.Child("Queries", required: false));
        node.ReportUnknownKeys();
        if (prometheus is null)
            return null;
        return new MonitoringPlan
        {
            PrometheusUrl = prometheus, GrafanaUrl = grafana, MinActiveTargets = minTargets, MinRuleGroups = minGroups,
            ScrapeIntervalSec = scrape, Queries = queries,
        };
    }

    private static QueryTemplates ReadQueries(PlanNode? node)
    {
        if (node is null)
            return new QueryTemplates();
        string Template(string key, string fallback, params string[] placeholders)
        {
            var text = node.String(key);
            if (text is null)
                return fallback;
            foreach (var placeholder in placeholders.Where(p => !text.Contains(p, StringComparison.Ordinal)))
                node.Problems.Error(node.FieldPath(key), $"does not contain {placeholder}", $"put {placeholder} where it belongs, as in the default: {fallback}");
            return text;
        }
        var queries = new QueryTemplates
        {
            RequestRate = Template("RequestRate", QueryTemplates.DefaultRequestRate, "{selector}", "{window}"),
            ErrorRatio = Template("ErrorRatio", QueryTemplates.DefaultErrorRatio, "{selector}", "{window}"),
            RequestCount = Template("RequestCount", QueryTemplates.DefaultRequestCount, "{selector}", "{window}"),
            LatencyQuantile = Template("LatencyQuantile", QueryTemplates.DefaultLatencyQuantile, "{selector}", "{window}", "{quantile}"),
            CpuRatio = Template("CpuRatio", QueryTemplates.DefaultCpuRatio, "{selector}"),
            MemoryRatio = Template("MemoryRatio", QueryTemplates.DefaultMemoryRatio, "{selector}"),
            QueueDepth = Template("QueueDepth", QueryTemplates.DefaultQueueDepth, "{selector}"),
        };
        node.ReportUnknownKeys();
        return queries;
    }

    private static TrafficPlan? ReadTraffic(PlanNode? node)
    {
        if (node is null)
            return null;
        var present = new[] { "HAProxy", "AwsAlb", "Dns" }.Where(node.Has).ToList();
        HAProxyPlan? haproxy = ReadHAProxy(node.Child("HAProxy", required: false));
        AwsAlbPlan? alb = ReadAwsAlb(node.Child("AwsAlb", required: false));
        DnsPlan? dns = ReadDns(node.Child("Dns", required: false));
        node.ReportUnknownKeys();
        if (present.Count != 1)
        {
            node.Problems.Error("Traffic", present.Count == 0 ? "names no traffic provider" : $"names {present.Count} providers ({string.Join(", ", present)})",
                "configure exactly one of HAProxy, AwsAlb or Dns");
            return null;
        }
        if (haproxy is null && alb is null && dns is null)
            return null;
        return new TrafficPlan { HAProxy = haproxy, AwsAlb = alb, Dns = dns };
    }

    private static HAProxyPlan? ReadHAProxy(PlanNode? node)
    {
        if (node is null)
            return null;
        var api = node.Url("RuntimeApi", required: true, "tcp", "unix");
        if (api is not null && api.Scheme == "tcp" && (api.Port <= 0 || api.AbsolutePath.Length > 1))
        {
            node.Problems.Error(node.FieldPath("RuntimeApi"), $"'{api}' has no port", "write tcp://host:port or unix:///path/to/admin.sock");
            api = null;
        }
        var backend = node.String("Backend", required: true, fix: "name the HAProxy backend that holds both servers");
        var blue = node.String("BlueServer", required: true, fix: "name blue's server in the backend");
        var green = node.String("GreenServer", required: true, fix: "name green's server in the backend");
        var drain = node.Bool("DrainOnZero", false);
        node.ReportUnknownKeys();
        if (blue is not null && string.Equals(blue, green, StringComparison.Ordinal))
            node.Problems.Error(node.FieldPath("GreenServer"), "is the same server as BlueServer", "name two different servers");
        if (api is null || backend is null || blue is null || green is null)
            return null;
        return new HAProxyPlan { RuntimeApi = api, Backend = backend, BlueServer = blue, GreenServer = green, DrainOnZero = drain };
    }

    private static AwsAlbPlan? ReadAwsAlb(PlanNode? node)
    {
        if (node is null)
            return null;
        var region = node.String("Region", required: true, fix: "set the AWS region, e.g. us-east-1");
        if (region is not null && !RegionPattern().IsMatch(region))
        {
            node.Problems.Error(node.FieldPath("Region"), $"'{region}' is not an AWS region name", "write a region such as us-east-1");
            region = null;
        }
        var profile = node.String("ProfileName");
        var rule = node.String("ListenerRuleArn", required: true, fix: "copy the listener rule's ARN from the console or describe-rules");
        if (rule is not null && !ListenerRuleArnPattern().IsMatch(rule))
        {
            node.Problems.Error(node.FieldPath("ListenerRuleArn"), "not a listener-rule ARN", "use arn:aws:elasticloadbalancing:<region>:<account>:listener-rule/app/<lb>/<id>/<id>/<id>");
            rule = null;
        }
        var blue = ReadTargetGroupArn(node, "BlueTargetGroupArn");
        var green = ReadTargetGroupArn(node, "GreenTargetGroupArn");
        var endpoint = node.Url("EndpointUrl", required: false, "https", "http");
        var appPort = node.OptionalInt("AppPort", 1, 65535);
        node.ReportUnknownKeys();
        if (blue is not null && blue == green)
            node.Problems.Error(node.FieldPath("GreenTargetGroupArn"), "is the same target group as BlueTargetGroupArn", "name two different target groups");
        foreach (var (key, arn) in new[] { ("ListenerRuleArn", rule), ("BlueTargetGroupArn", blue), ("GreenTargetGroupArn", green) })
        {
            if (arn is not null && region is not null && arn.Split(':')[3] != region)
                node.Problems.Error(node.FieldPath(key), $"is in region {arn.Split(':')[3]}, not {region}", "use ARNs from the plan's region, or fix Region");
        }
        if (region is null || rule is null || blue is null || green is null)
            return null;
        return new AwsAlbPlan
        {
            Region = region, ProfileName = profile, ListenerRuleArn = rule, BlueTargetGroupArn = blue, GreenTargetGroupArn = green,
            EndpointUrl = endpoint, AppPort = appPort,
        };
    }

    private static string? ReadTargetGroupArn(PlanNode node, string key)
    {
        var arn = node.String(key, required: true, fix: "copy the target group's ARN");
        if (arn is not null && !TargetGroupArnPattern().IsMatch(arn))
        {
            node.Problems.Error(node.FieldPath(key), "not a target-group ARN", "use arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>");
            return null;
        }
        return arn;
    }

    private static readonly string[] TsigAlgorithms = ["hmac-sha256", "hmac-sha384", "hmac-sha512", "hmac-sha1", "hmac-md5"];

    private static DnsPlan? ReadDns(PlanNode? node)
    {
        if (node is null)
            return null;
        var servers = node.StringList("Nameservers", required: true, allowEmpty: false);
        var nameservers = new List<string>();
        for (var i = 0; servers is not null && i < servers.Count; i++)
        {
            if (PlanNode.TryParseHostPort(servers[i], 53, out var host, out var port))
                nameservers.Add(host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}");
            else
                node.Problems.Error($"{node.FieldPath("Nameservers")}[{i}]", $"'{servers[i]}' is not host or host:port", "write each nameserver as host:port, e.g. 127.0.0.1:53");
        }
        var zone = node.String("Zone", required: true, fix: "name the zone that holds the record, e.g. example.com");
        var record = node.String("Record", required: true, fix: "name the record to flip, e.g. app.example.com");
        if (zone is not null && record is not null)
        {
            var z = zone.TrimEnd('.');
            var r = record.TrimEnd('.');
            if (!r.Equals(z, StringComparison.OrdinalIgnoreCase) && !r.EndsWith("." + z, StringComparison.OrdinalIgnoreCase))
                node.Problems.Error(node.FieldPath("Record"), $"'{record}' is not inside zone '{zone}'", "write the record's full name, ending with the zone");
        }
        var blue = ReadAddress(node, "BlueAddress");
        var green = ReadAddress(node, "GreenAddress");
        if (blue is not null && green is not null)
        {
            if (blue.Equals(green))
                node.Problems.Error(node.FieldPath("GreenAddress"), "is the same address as BlueAddress", "give each environment its own address");
            else if (blue.AddressFamily != green.AddressFamily)
                node.Problems.Error(node.FieldPath("GreenAddress"), "is not the same address family as BlueAddress", "use two IPv4 (A) or two IPv6 (AAAA) addresses");
        }
        var keyName = node.String("TsigKeyName", required: true, fix: "name the TSIG key the server allows to update the zone");
        var algorithm = node.String("TsigAlgorithm") ?? "hmac-sha256";
        if (!TsigAlgorithms.Contains(algorithm, StringComparer.OrdinalIgnoreCase))
            node.Problems.Error(node.FieldPath("TsigAlgorithm"), $"'{algorithm}' is not a TSIG algorithm", "use one of " + string.Join(", ", TsigAlgorithms));
        var secret = node.Secret("TsigSecret", required: true);
        var cutoverTtl = node.Int("CutoverTtlSec", 60, 1, 86_400);
        var normalTtl = node.Int("NormalTtlSec", 300, 1, 604_800);
        node.ReportUnknownKeys();
        if (cutoverTtl > normalTtl)
            node.Problems.Error(node.FieldPath("CutoverTtlSec"), $"{cutoverTtl} is longer than NormalTtlSec ({normalTtl})", "the cutover TTL is the short one: make it at most NormalTtlSec");
        if (servers is null || nameservers.Count != servers.Count || zone is null || record is null || blue is null || green is null || keyName is null || secret is null)
            return null;
        return new DnsPlan
        {
            Nameservers = nameservers, Zone = zone.TrimEnd('.'), Record = record.TrimEnd('.'), BlueAddress = blue.ToString(), GreenAddress = green.ToString(),
            TsigKeyName = keyName, TsigAlgorithm = algorithm.ToLowerInvariant(), TsigSecret = secret, CutoverTtlSec = cutoverTtl, NormalTtlSec = normalTtl,
        };
    }

    private static IPAddress? ReadAddress(PlanNode node, string key)
    {
        var text = node.String(key, required: true, fix: "set the IP address the record holds for this environment");
        if (text is null)
            return null;
        // IPv4 only in its canonical dotted-quad form: the parser also takes "127.1" and reads "010.0.0.1" as octal (8.0.0.1).
        if (IPAddress.TryParse(text, out var address) &&
            (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address.ToString() == text : text.Contains(':')))
            return address;
        node.Problems.Error(node.FieldPath(key), $"'{text}' is not an IP address", "write an IPv4 or IPv6 address");
        return null;
    }

    private static ThresholdsPlan ReadThresholds(PlanNode? node)
    {
        if (node is null)
            return new ThresholdsPlan();
        var thresholds = new ThresholdsPlan
        {
            MaxErrorRatio = node.Double("MaxErrorRatio", 0.01, 0, 1),
            MaxP95Ms = node.Double("MaxP95Ms", 200, 1, 600_000),
            MaxReplicationLagSec = node.Double("MaxReplicationLagSec", 1, 0, 86_400),
            MinRequestCount = node.Int("MinRequestCount", 20, 0, 1_000_000_000),
            MaxCpuRatio = node.Double("MaxCpuRatio", 0.8, 0, 1),
            MaxMemoryRatio = node.Double("MaxMemoryRatio", 0.8, 0, 1),
        };
        node.ReportUnknownKeys();
        return thresholds;
    }

    private static TriggersPlan ReadTriggers(PlanNode? node)
    {
        var defaults = new TriggersPlan();
        if (node is null)
            return defaults;
        var triggers = new TriggersPlan
        {
            ErrorRatio = ReadSustained(node, "ErrorRatio", defaults.ErrorRatio, 1),
            P95Ms = ReadSustained(node, "P95Ms", defaults.P95Ms, 600_000),
            DatabaseUnreachableSec = node.Int("DatabaseUnreachableSec", defaults.DatabaseUnreachableSec, 0, 3600),
            HealthDownSec = node.Int("HealthDownSec", defaults.HealthDownSec, 0, 3600),
            MemoryRatio = ReadSustained(node, "MemoryRatio", defaults.MemoryRatio, 1),
            CpuRatio = ReadSustained(node, "CpuRatio", defaults.CpuRatio, 1),
            ErrorBudget = node.Int("ErrorBudget", defaults.ErrorBudget, 1, 100),
            Alerts = node.StringList("Alerts") ?? defaults.Alerts,
            RelativeP95 = node.OptionalDouble("RelativeP95", 1, 100),
        };
        node.ReportUnknownKeys();
        return triggers;
    }

    private static SustainedCondition ReadSustained(PlanNode parent, string key, SustainedCondition fallback, double maxAbove)
    {
        var node = parent.Child(key, required: false);
        if (node is null)
            return fallback;
        var condition = new SustainedCondition
        {
            Above = node.Double("Above", fallback.Above, 0, maxAbove),
            ForSec = node.Int("ForSec", fallback.ForSec, 0, 3600),
        };
        node.ReportUnknownKeys();
        return condition;
    }

    private static IReadOnlyList<StagePlan> ReadStages(PlanNode root, TrafficPlan? traffic)
    {
        var nodes = root.NodeList("Stages", required: false);
        if (nodes is null)
        {
            IReadOnlyList<StagePlan> defaults = traffic?.Dns is not null
                ? [new StagePlan { BluePercent = 100, BakeSec = 120 }]
                : [new StagePlan { BluePercent = 50, BakeSec = 60 }, new StagePlan { BluePercent = 100, BakeSec = 120 }];
            return defaults;
        }
        var stages = new List<StagePlan>();
        var problemsBefore = root.Problems.Items.Count;
        foreach (var node in nodes)
        {
            var percent = node.Int("BluePercent", 0, 1, 100, required: true);
            var bake = node.Int("BakeSec", 60, 0, 86_400);
            node.ReportUnknownKeys();
            if (traffic?.Dns is not null && percent is not 100 and not 0)
                root.Problems.Error(node.FieldPath("BluePercent"), $"{percent}% cannot be done with DNS, which points at one address at a time", "use a single stage of 100% with the Dns provider");
            stages.Add(new StagePlan { BluePercent = percent, BakeSec = bake });
        }
        if (stages.Count == 0)
            root.Problems.Error("Stages", "is empty", "list at least one stage, ending at 100%");
        if (root.Problems.Items.Count != problemsBefore)
            return stages;
        for (var i = 1; i < stages.Count; i++)
        {
            if (stages[i].BluePercent <= stages[i - 1].BluePercent)
                root.Problems.Error($"Stages[{i}].BluePercent", $"{stages[i].BluePercent}% does not rise above the previous stage's {stages[i - 1].BluePercent}%", "order the stages by rising percentage");
        }
        if (stages.Count > 0 && stages[^1].BluePercent != 100)
            root.Problems.Error($"Stages[{stages.Count - 1}].BluePercent", $"the last stage ends at {stages[^1].BluePercent}%, not 100%", "end with a stage of 100%");
        return stages;
    }

    private static NotificationsPlan ReadNotifications(PlanNode? node)
    {
        if (node is null)
            return new NotificationsPlan();
        PagerDutyPlan? pagerDuty = null;
        if (node.Child("PagerDuty", required: false) is { } pd)
        {
            var key = pd.Secret("RoutingKey", required: true);
            var url = pd.Url("EventsUrl", required: false, "https", "http");
            pd.ReportUnknownKeys();
            if (key is not null)
                pagerDuty = url is null ? new PagerDutyPlan { RoutingKey = key } : new PagerDutyPlan { RoutingKey = key, EventsUrl = url };
        }
        SlackPlan? slack = null;
        if (node.Child("Slack", required: false) is { } s)
        {
            var url = s.Secret("WebhookUrl", required: true);
            s.ReportUnknownKeys();
            if (url is not null)
                slack = new SlackPlan { WebhookUrl = url };
        }
        StatuspagePlan? statuspage = null;
        if (node.Child("Statuspage", required: false) is { } sp)
        {
            var page = sp.String("PageId", required: true, fix: "copy the page id from Statuspage's API settings");
            var token = sp.Secret("Token", required: true);
            var api = sp.Url("ApiUrl", required: false, "https", "http");
            sp.ReportUnknownKeys();
            if (page is not null && token is not null)
                statuspage = api is null ? new StatuspagePlan { PageId = page, Token = token } : new StatuspagePlan { PageId = page, Token = token, ApiUrl = api };
        }
        node.ReportUnknownKeys();
        return new NotificationsPlan { PagerDuty = pagerDuty, Slack = slack, Statuspage = statuspage };
    }

    private static StatePlan ReadState(PlanNode? node, string baseDirectory)
    {
        var path = node?.String("Path") ?? ".cutover";
        var redis = node?.HostPort("RedisLock", required: false, defaultPort: 6379);
        var redisPassword = node?.Secret("RedisLockPassword", required: false);
        node?.ReportUnknownKeys();
        return new StatePlan { Path = Path.GetFullPath(path, baseDirectory), RedisLock = redis, RedisLockPassword = redisPassword };
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex SafeName();

    [GeneratedRegex(@"^\s*[a-zA-Z_][a-zA-Z0-9_]*\s*(=|!=|=~|!~)\s*""(?:[^""\\]|\\.)*""\s*(,\s*[a-zA-Z_][a-zA-Z0-9_]*\s*(=|!=|=~|!~)\s*""(?:[^""\\]|\\.)*""\s*)*$")]
    private static partial Regex SelectorPattern();

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener-rule/app/[A-Za-z0-9-]{1,32}/[0-9a-f]+/[0-9a-f]+/[0-9a-f]+$")]
    private static partial Regex ListenerRuleArnPattern();

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup/[A-Za-z0-9-]{1,32}/[0-9a-f]+$")]
    private static partial Regex TargetGroupArnPattern();
}
