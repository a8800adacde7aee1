namespace Cutover.Engine.Traffic.HAProxy;

/// <summary>
/// Parses the output of <c>show servers state &lt;backend&gt;</c>: a format version line, a <c># </c>
/// header naming the columns, then one space-separated line per server. Columns are found by name.
/// </summary>
internal static class HAProxyServerStateParser
{
    private static readonly string[] Required =
        ["be_name", "srv_name", "srv_addr", "srv_op_state", "srv_admin_state", "srv_uweight", "srv_iweight"];

    /// <summary>The servers, or a <see cref="CutoverException"/> quoting HAProxy when the text is not a state table.</summary>
    public static IReadOnlyList<HAProxyServerState> Parse(string text, string backend)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines.FirstOrDefault(l => l.StartsWith('#'));
        if (header is null)
            throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.InvalidData,
                $"HAProxy did not return a server state table for backend '{backend}': {Quote(text)}", backend,
                "Check the backend name in Traffic.HAProxy.Backend and that the runtime API runs at admin level.");
        var columns = header.TrimStart('#').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var index = Required.ToDictionary(c => c, c => Array.IndexOf(columns, c));
        var missing = index.Where(p => p.Value < 0).Select(p => p.Key).ToList();
        if (missing.Count > 0)
            throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.ProtocolError,
                $"HAProxy's server state header lacks {string.Join(", ", missing)}: {Quote(header)}", backend);

        var servers = new List<HAProxyServerState>();
        foreach (var line in lines.Where(l => !l.StartsWith('#') && l.Contains(' ')))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < columns.Length)
                throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.ProtocolError,
                    $"HAProxy server state line has {fields.Length} fields, the header names {columns.Length}: {Quote(line)}", backend);
            servers.Add(new HAProxyServerState(fields[index["be_name"]], fields[index["srv_name"]], fields[index["srv_addr"]],
                Number(fields, index, "srv_op_state", line, backend), Number(fields, index, "srv_admin_state", line, backend),
                Number(fields, index, "srv_uweight", line, backend), Number(fields, index, "srv_iweight", line, backend)));
        }
        return servers;
    }

    private static int Number(string[] fields, Dictionary<string, int> index, string column, string line, string backend) =>
        int.TryParse(fields[index[column]], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.ProtocolError,
                $"HAProxy server state column {column} is not a number in: {Quote(line)}", backend);

    private static string Quote(string text) => $"\"{text.Trim()}\"";
}
