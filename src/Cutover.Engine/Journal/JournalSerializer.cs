using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cutover.Engine.Journal;

/// <summary>One journal entry per line of JSON, and back. Data comes back as plain tables, lists and scalars.</summary>
internal static class JournalSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private sealed record Line(string RunId, long Sequence, DateTimeOffset Time, JournalEntryKind Kind, string Name, string? Status,
        string? Message, IReadOnlyDictionary<string, object?>? Data, string Plan);

    public static string Serialize(CutoverJournalEntry entry) => JsonSerializer.Serialize(
        new Line(entry.RunId, entry.Sequence, entry.Time, entry.Kind, entry.Name, entry.Status, entry.Message,
            entry.Data.Count == 0 ? null : entry.Data, entry.Plan), Options);

    public static CutoverJournalEntry Deserialize(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object
            ? (IReadOnlyDictionary<string, object?>)ToPlain(d)!
            : new Dictionary<string, object?>();
        return new CutoverJournalEntry
        {
            RunId = root.GetProperty("runId").GetString()!,
            Sequence = root.GetProperty("sequence").GetInt64(),
            Time = root.GetProperty("time").GetDateTimeOffset(),
            Kind = Enum.Parse<JournalEntryKind>(root.GetProperty("kind").GetString()!),
            Name = root.GetProperty("name").GetString()!,
            Status = root.TryGetProperty("status", out var s) ? s.GetString() : null,
            Message = root.TryGetProperty("message", out var m) ? m.GetString() : null,
            Data = data,
            Plan = root.GetProperty("plan").GetString()!,
        };
    }

    private static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value), StringComparer.OrdinalIgnoreCase),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
