using System.Globalization;

namespace Cutover.Engine.Plans;

/// <summary>
/// One table of a plan, read field by field. Every accessor records the key as known and reports
/// missing, mistyped or out-of-range values; <see cref="ReportUnknownKeys"/> then names every key
/// nobody asked for, because a typo must never be silently ignored.
/// </summary>
internal sealed class PlanNode
{
    private readonly IReadOnlyDictionary<string, object?> _values;
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    public PlanNode(IReadOnlyDictionary<string, object?> values, string path, PlanProblems problems)
    {
        _values = values;
        Path = path;
        Problems = problems;
    }

    public string Path { get; }
    public PlanProblems Problems { get; }

    public string FieldPath(string key) => Path.Length == 0 ? key : Path + "." + key;

    public bool Has(string key)
    {
        _known.Add(key);
        return _values.TryGetValue(key, out var v) && v is not null;
    }

    private bool TryGet(string key, bool required, string fix, out object value)
    {
        _known.Add(key);
        if (_values.TryGetValue(key, out var v) && v is not null && !(v is string s && s.Length == 0))
        {
            value = v;
            return true;
        }
        if (required)
            Problems.Error(FieldPath(key), "is required", fix);
        value = null!;
        return false;
    }

    public string? String(string key, bool required = false, string fix = "set a value")
    {
        if (!TryGet(key, required, fix, out var v))
            return null;
        if (v is string s)
            return s;
        if (v is IReadOnlyDictionary<string, object?> or IReadOnlyList<object?>)
        {
            Problems.Error(FieldPath(key), "must be a single value, not a table or list", fix);
            return null;
        }
        return Convert.ToString(v, CultureInfo.InvariantCulture);
    }

    public int Int(string key, int defaultValue, int min, int max, bool required = false)
    {
        var d = Number(key, defaultValue, min, max, required, integer: true);
        return (int)d;
    }

    public double Double(string key, double defaultValue, double min, double max, bool required = false) =>
        Number(key, defaultValue, min, max, required, integer: false);

    public double? OptionalDouble(string key, double min, double max) =>
        Has(key) ? Number(key, min, min, max, false, integer: false) : null;

    public int? OptionalInt(string key, int min, int max) =>
        Has(key) ? (int)Number(key, min, min, max, false, integer: true) : null;

    private double Number(string key, double defaultValue, double min, double max, bool required, bool integer)
    {
        var range = integer ? $"a whole number from {min} to {max}" : $"a number from {min} to {max}";
        if (!TryGet(key, required, "set " + range, out var v))
            return defaultValue;
        double value;
        switch (v)
        {
            case int or long or short or byte:
                value = Convert.ToDouble(v, CultureInfo.InvariantCulture);
                break;
            case double or float or decimal:
                value = Convert.ToDouble(v, CultureInfo.InvariantCulture);
                break;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                value = parsed;
                break;
            default:
                Problems.Error(FieldPath(key), $"'{v}' is not a number", "use " + range);
                return defaultValue;
        }
        if (integer && Math.Abs(value - Math.Round(value)) > 0)
        {
            Problems.Error(FieldPath(key), $"{value.ToString(CultureInfo.InvariantCulture)} is not a whole number", "use " + range);
            return defaultValue;
        }
        if (double.IsNaN(value) || value < min || value > max)
        {
            Problems.Error(FieldPath(key), $"{value.ToString(CultureInfo.InvariantCulture)} is out of range", "use " + range);
            return defaultValue;
        }
        return value;
    }

    public bool Bool(string key, bool defaultValue)
    {
        if (!TryGet(key, false, "", out var v))
            return defaultValue;
        switch (v)
        {
            case bool b:
                return b;
            case string s when bool.TryParse(s, out var parsed):
                return parsed;
            default:
                Problems.Error(FieldPath(key), $"'{v}' is not true or false", "use $true or $false (true or false in JSON)");
                return defaultValue;
        }
    }

    public Uri? Url(string key, bool required, params string[] schemes)
    {
        var allowed = string.Join(" or ", schemes);
        var text = String(key, required, $"set an absolute {allowed} URL");
        if (text is null)
            return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            Problems.Error(FieldPath(key), $"'{text}' is not an absolute {allowed} URL", $"write it as {schemes[0]}://host:port/...");
            return null;
        }
        return uri;
    }

    /// <summary>A host:port pair (a bare host takes <paramref name="defaultPort"/> when given).</summary>
    public string? HostPort(string key, bool required, int? defaultPort = null)
    {
        var text = String(key, required, "set host:port, e.g. 127.0.0.1:6379");
        if (text is null)
            return null;
        if (TryParseHostPort(text, defaultPort, out var host, out var port))
            return host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}";
        Problems.Error(FieldPath(key), $"'{text}' is not a host:port pair", "write it as host:port, e.g. 127.0.0.1:6379");
        return null;
    }

    public static bool TryParseHostPort(string text, int? defaultPort, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        string hostPart;
        string? portPart;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
                return false;
            hostPart = text[1..close];
            portPart = close + 1 < text.Length && text[close + 1] == ':' ? text[(close + 2)..] : null;
            if (close + 1 < text.Length && portPart is null)
                return false;
        }
        else
        {
            var colon = text.LastIndexOf(':');
            hostPart = colon < 0 ? text : text[..colon];
            portPart = colon < 0 ? null : text[(colon + 1)..];
            if (hostPart.Contains(':'))
                return false;
        }
        if (!IsHostName(hostPart))
            return false;
        if (portPart is null)
        {
            if (defaultPort is null)
                return false;
            port = defaultPort.Value;
        }
        else if (!int.TryParse(portPart, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }
        host = hostPart;
        return true;
    }

    public static bool IsHostName(string text) =>
        text.Length is > 0 and <= 253 &&
        Uri.CheckHostName(text) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6;

    public SecretReference? Secret(string key, bool required)
    {
        const string fix = "use env:VARIABLE or vault:VaultName/SecretName";
        var text = String(key, required, fix);
        if (text is null)
            return null;
        var reference = SecretReference.Parse(text, out var problem);
        if (reference is null)
        {
            Problems.Error(FieldPath(key), problem!, fix);
            return null;
        }
        if (reference.Source == SecretSource.Inline)
            Problems.Warning(FieldPath(key), "holds an inline secret", "move it to an environment variable (env:NAME) or a vault (vault:VaultName/SecretName)");
        return reference;
    }

    public PlanNode? Child(string key, bool required)
    {
        if (!TryGet(key, required, "add the table", out var v))
            return null;
        if (v is IReadOnlyDictionary<string, object?> table)
            return new PlanNode(table, FieldPath(key), Problems);
        Problems.Error(FieldPath(key), "must be a table (@{ ... } or a JSON object)", "write it as a table of settings");
        return null;
    }

    public IReadOnlyList<object?>? List(string key, bool required)
    {
        if (!TryGet(key, required, "add a list", out var v))
            return null;
        if (v is IReadOnlyList<object?> list)
            return list;
        return [v];
    }

    public IReadOnlyList<string>? StringList(string key, bool required = false, bool allowEmpty = true)
    {
        var list = List(key, required);
        if (list is null)
            return null;
        var result = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is string s && s.Length > 0)
                result.Add(s);
            else
                Problems.Error($"{FieldPath(key)}[{i}]", "must be a non-empty string", "remove it or write a value");
        }
        foreach (var dup in result.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            Problems.Error(FieldPath(key), $"'{dup.Key}' appears {dup.Count()} times", "list each value once");
        if (!allowEmpty && result.Count == 0)
            Problems.Error(FieldPath(key), "is empty", "list at least one value");
        return result;
    }

    public IReadOnlyList<PlanNode>? NodeList(string key, bool required)
    {
        var list = List(key, required);
        if (list is null)
            return null;
        var nodes = new List<PlanNode>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"{FieldPath(key)}[{i}]";
            if (list[i] is IReadOnlyDictionary<string, object?> table)
                nodes.Add(new PlanNode(table, path, Problems));
            else
                Problems.Error(path, "must be a table", "write each entry as @{ ... }");
        }
        return nodes;
    }

    public void ReportUnknownKeys()
    {
        foreach (var key in _values.Keys.Where(k => !_known.Contains(k)))
        {
            var suggestion = _known.Select(k => (Key: k, Distance: EditDistance.Between(k.ToLowerInvariant(), key.ToLowerInvariant())))
                .Where(x => x.Distance <= Math.Max(2, key.Length / 3))
                .OrderBy(x => x.Distance)
                .Select(x => x.Key)
                .FirstOrDefault();
            var known = string.Join(", ", _known.Order(StringComparer.OrdinalIgnoreCase));
            Problems.Error(FieldPath(key), "is not a known setting",
                suggestion is not null ? $"did you mean '{suggestion}'?" : $"remove it; known settings here: {known}");
        }
    }
}
