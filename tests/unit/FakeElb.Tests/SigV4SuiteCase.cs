using System.Globalization;
using System.Text;
using System.Text.Json;
using FakeElb.Signing;

namespace FakeElb.Tests;

/// <summary>One case of the official SigV4 test suite: its context and its header-signed request.</summary>
internal sealed record SigV4SuiteCase(
    string Name,
    string AccessKeyId,
    string SecretAccessKey,
    DateTimeOffset Timestamp,
    bool Normalize,
    SigV4Request Request,
    string ExpectedSignature,
    string ExpectedCanonicalRequest)
{
    public static IReadOnlyList<string> Names() =>
        Directory.GetDirectories(ReferenceData.SigV4SuiteDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    public static SigV4SuiteCase Load(string name)
    {
        var directory = Path.Combine(ReferenceData.SigV4SuiteDirectory, name);
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "context.json")));
        var root = context.RootElement;
        var credentials = root.GetProperty("credentials");
        return new SigV4SuiteCase(
            name,
            credentials.GetProperty("access_key_id").GetString()!,
            credentials.GetProperty("secret_access_key").GetString()!,
            DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture),
            root.GetProperty("normalize").GetBoolean(),
            ParseRequest(File.ReadAllText(Path.Combine(directory, "header-signed-request.txt"))),
            File.ReadAllText(Path.Combine(directory, "header-signature.txt")).Trim(),
            File.ReadAllText(Path.Combine(directory, "header-canonical-request.txt")));
    }

    /// <summary>
    /// Parses the raw HTTP text: request line, <c>Name:value</c> headers (a line starting with whitespace continues the
    /// previous value, folded with a space), an empty line, then the body.
    /// </summary>
    private static SigV4Request ParseRequest(string text)
    {
        var headerEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? text : text[..headerEnd];
        var body = headerEnd < 0 ? "" : text[(headerEnd + 2)..];
        var lines = head.Split('\n');

        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ')];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var question = target.IndexOf('?');
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]))
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + line.Trim());
                continue;
            }

            var colon = line.IndexOf(':');
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        return new SigV4Request(method, path, query, headers, Encoding.UTF8.GetBytes(body));
    }
}
