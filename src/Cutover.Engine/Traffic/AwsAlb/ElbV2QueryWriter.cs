using System.Globalization;

namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>
/// Serialises request members in the Query protocol: lists as <c>Name.member.N</c> (1-based), structures as dotted
/// paths, maps as <c>Name.entry.N.key</c>/<c>.value</c>, booleans as <c>true</c>/<c>false</c>.
/// </summary>
public static class ElbV2QueryWriter
{
    public const string ApiVersion = "2015-12-01";

    /// <summary>The parameters of one call: <c>Action</c> and <c>Version</c> first, then the members in order.</summary>
    public static List<KeyValuePair<string, string>> Request(string action) =>
        [new("Action", action), new("Version", ApiVersion)];

    public static void AddList(List<KeyValuePair<string, string>> parameters, string name, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
            parameters.Add(new($"{name}.member.{i + 1}", values[i]));
    }

    public static void AddActions(List<KeyValuePair<string, string>> parameters, IReadOnlyList<ElbAction> actions)
    {
        for (var i = 0; i < actions.Count; i++)
            AddAction(parameters, $"Actions.member.{i + 1}", actions[i]);
    }

    public static void AddAttributes(List<KeyValuePair<string, string>> parameters, IReadOnlyList<ElbAttribute> attributes)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            parameters.Add(new($"Attributes.member.{i + 1}.Key", attributes[i].Key));
            parameters.Add(new($"Attributes.member.{i + 1}.Value", attributes[i].Value));
        }
    }

    /// <summary>
    /// One action. A bare <c>TargetGroupArn</c> is sent only without a ForwardConfig (AWS echoes it next to a
    /// single-group ForwardConfig, and rejects it next to several groups). DescribeRules never returns an OIDC
    /// client secret, so an authenticate-oidc action sent back without one says <c>UseExistingClientSecret=true</c>.
    /// </summary>
    public static void AddAction(List<KeyValuePair<string, string>> parameters, string prefix, ElbAction action)
    {
        parameters.Add(new($"{prefix}.Type", action.Type));
        if (action.Order is { } order)
            parameters.Add(new($"{prefix}.Order", Format(order)));
        if (action.ForwardConfig is null && action.TargetGroupArn is not null)
            parameters.Add(new($"{prefix}.TargetGroupArn", action.TargetGroupArn));
        if (action.ForwardConfig is { } forward)
            AddForwardConfig(parameters, $"{prefix}.ForwardConfig", forward);
        foreach (var config in action.Configs)
            AddConfig(parameters, $"{prefix}.{config.Name}", config);
    }

    private static void AddForwardConfig(List<KeyValuePair<string, string>> parameters, string prefix, ElbForwardConfig forward)
    {
        for (var i = 0; i < forward.TargetGroups.Count; i++)
        {
            var tuple = forward.TargetGroups[i];
            parameters.Add(new($"{prefix}.TargetGroups.member.{i + 1}.TargetGroupArn", tuple.TargetGroupArn));
            if (tuple.Weight is { } weight)
                parameters.Add(new($"{prefix}.TargetGroups.member.{i + 1}.Weight", Format(weight)));
        }

        if (forward.Stickiness is { } stickiness)
        {
            parameters.Add(new($"{prefix}.TargetGroupStickinessConfig.Enabled", Format(stickiness.Enabled)));
            if (stickiness.DurationSeconds is { } duration)
                parameters.Add(new($"{prefix}.TargetGroupStickinessConfig.DurationSeconds", Format(duration)));
        }
    }

    private static void AddConfig(List<KeyValuePair<string, string>> parameters, string prefix, ElbActionConfig config)
    {
        foreach (var (key, value) in config.Members.OrderBy(m => m.Key, StringComparer.Ordinal))
            parameters.Add(new($"{prefix}.{key}", value));
        if (config.Name == "AuthenticateOidcConfig" && !config.Members.ContainsKey("ClientSecret") && !config.Members.ContainsKey("UseExistingClientSecret"))
            parameters.Add(new($"{prefix}.UseExistingClientSecret", "true"));
        if (config.ExtraParams is null)
            return;
        var n = 0;
        foreach (var (key, value) in config.ExtraParams.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            n++;
            parameters.Add(new($"{prefix}.AuthenticationRequestExtraParams.entry.{n}.key", key));
            parameters.Add(new($"{prefix}.AuthenticationRequestExtraParams.entry.{n}.value", value));
        }
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(bool value) => value ? "true" : "false";
}
