using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>
/// Reads ELBv2 Query responses: <c>&lt;{Op}Response&gt;&lt;{Op}Result&gt;…</c>, lists as <c>&lt;member&gt;</c> children.
/// Elements are matched by local name and unknown ones are ignored, so answers shaped by newer models
/// (Transforms, RegexValues, jwt-validation…) still read.
/// </summary>
public static class ElbV2XmlReader
{
    /// <summary>The members of a non-forward action configuration, from the 2015-12-01 model.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> ConfigMembers = new Dictionary<string, string[]>
    {
        ["RedirectConfig"] = ["Protocol", "Port", "Host", "Path", "Query", "StatusCode"],
        ["FixedResponseConfig"] = ["MessageBody", "StatusCode", "ContentType"],
        ["AuthenticateOidcConfig"] = ["Issuer", "AuthorizationEndpoint", "TokenEndpoint", "UserInfoEndpoint", "ClientId", "ClientSecret",
            "SessionCookieName", "Scope", "SessionTimeout", "OnUnauthenticatedRequest", "UseExistingClientSecret"],
        ["AuthenticateCognitoConfig"] = ["UserPoolArn", "UserPoolClientId", "UserPoolDomain", "SessionCookieName", "Scope", "SessionTimeout",
            "OnUnauthenticatedRequest"],
    };

    /// <summary>The <c>{operation}Result</c> element of a success response.</summary>
    public static XElement Result(string body, string operation)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(body);
        }
        catch (XmlException e)
        {
            throw Unreadable(operation, $"the answer is not XML ({e.Message})", e);
        }
        return Child(document.Root, $"{operation}Result") ?? throw Unreadable(operation, $"the answer has no <{operation}Result>");
    }

    /// <summary>Code, message and request id of an <c>&lt;ErrorResponse&gt;</c>, or null when the body is not one.</summary>
    public static (string Code, string Message, string? RequestId)? Error(string body)
    {
        try
        {
            var root = XDocument.Parse(body).Root;
            var error = Child(root, "Error");
            var code = Text(error, "Code");
            return code is null ? null : (code, Text(error, "Message") ?? "", Text(root, "RequestId") ?? Text(error, "RequestId"));
        }
        catch (XmlException)
        {
            return null;
        }
    }

    public static IReadOnlyList<ElbRule> Rules(XElement result) =>
        Members(Child(result, "Rules")).Select(Rule).ToList();

    public static ElbRule Rule(XElement rule) => new(
        Required(rule, "RuleArn"),
        Text(rule, "Priority"),
        Bool(rule, "IsDefault") ?? false,
        Members(Child(rule, "Actions")).Select(Action).ToList());

    public static ElbAction Action(XElement action)
    {
        var forward = Child(action, "ForwardConfig");
        return new ElbAction(
            Required(action, "Type"),
            Int(action, "Order"),
            Text(action, "TargetGroupArn"),
            forward is null ? null : new ElbForwardConfig(
                Members(Child(forward, "TargetGroups")).Select(t => new ElbTargetGroupTuple(Required(t, "TargetGroupArn"), Int(t, "Weight"))).ToList(),
                Child(forward, "TargetGroupStickinessConfig") is { } sticky
                    ? new ElbStickinessConfig(Bool(sticky, "Enabled") ?? false, Int(sticky, "DurationSeconds"))
                    : null),
            ConfigMembers.Keys.Select(name => Config(action, name)).OfType<ElbActionConfig>().ToList());
    }

    public static IReadOnlyList<ElbTargetHealthDescription> TargetHealth(XElement result) =>
        Members(Child(result, "TargetHealthDescriptions")).Select(d =>
        {
            var target = Child(d, "Target");
            var health = Child(d, "TargetHealth");
            return new ElbTargetHealthDescription(Required(target, "Id"), Int(target, "Port"), Text(target, "AvailabilityZone"),
                Text(d, "HealthCheckPort"), Text(health, "State") ?? "unknown", Text(health, "Reason"), Text(health, "Description"));
        }).ToList();

    public static IReadOnlyList<ElbTargetGroup> TargetGroups(XElement result) =>
        Members(Child(result, "TargetGroups")).Select(g => new ElbTargetGroup(
            Required(g, "TargetGroupArn"), Text(g, "TargetGroupName"), Text(g, "Protocol"), Int(g, "Port"), Text(g, "TargetType"),
            Bool(g, "HealthCheckEnabled"), Text(g, "HealthCheckProtocol"), Text(g, "HealthCheckPort"), Text(g, "HealthCheckPath"),
            Int(g, "HealthCheckIntervalSeconds"), Int(g, "HealthCheckTimeoutSeconds"), Int(g, "HealthyThresholdCount"),
            Int(g, "UnhealthyThresholdCount"), Text(Child(g, "Matcher"), "HttpCode"))).ToList();

    public static IReadOnlyList<ElbAttribute> Attributes(XElement result) =>
        Members(Child(result, "Attributes")).Select(a => new ElbAttribute(Required(a, "Key"), Text(a, "Value") ?? "")).ToList();

    private static ElbActionConfig? Config(XElement action, string name)
    {
        var config = Child(action, name);
        if (config is null)
            return null;
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in ConfigMembers[name])
        {
            if (Text(config, member) is { } value)
                members[member] = value;
        }
        var extra = Child(config, "AuthenticationRequestExtraParams");
        return new ElbActionConfig(name, members, extra is null ? null : extra.Elements()
            .Where(e => e.Name.LocalName == "entry")
            .ToDictionary(e => Required(e, "key"), e => Text(e, "value") ?? "", StringComparer.Ordinal));
    }

    private static IEnumerable<XElement> Members(XElement? list) =>
        list?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    private static XElement? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static string? Text(XElement? parent, string name) => Child(parent, name)?.Value;

    private static string Required(XElement? parent, string name) =>
        Text(parent, name) ?? throw Unreadable(parent?.Name.LocalName ?? "response", $"<{name}> is missing");

    private static int? Int(XElement? parent, string name) =>
        Text(parent, name) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Unreadable(parent!.Name.LocalName, $"<{name}> is not a number: '{text}'")
            : null;

    private static bool? Bool(XElement? parent, string name) =>
        Text(parent, name) is { } text
            ? bool.TryParse(text, out var value) ? value : throw Unreadable(parent!.Name.LocalName, $"<{name}> is not a boolean: '{text}'")
            : null;

    private static CutoverException Unreadable(string where, string problem, Exception? inner = null) =>
        new(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.ProtocolError, $"Unreadable ELBv2 answer ({where}): {problem}.",
            recommendedAction: "Check that the endpoint is an ELBv2 (Elastic Load Balancing v2) endpoint.", innerException: inner);
}
