using System.Text.Json;

namespace Cutover.Engine.Plans;

/// <summary>Parses a JSON plan into the same tree of tables, lists and scalars a .psd1 plan gives.</summary>
public static class JsonPlanTree
{
    public static IReadOnlyDictionary<string, object?> Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CutoverException(CutoverErrorIds.PlanUnreadable, CutoverErrorKind.InvalidData,
                $"The plan '{source}' is not valid JSON: {e.Message}", source, "Fix the JSON syntax at the line and position named.");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new CutoverException(CutoverErrorIds.PlanUnreadable, CutoverErrorKind.InvalidData,
                    $"The plan '{source}' must hold one JSON object at the top.", source, "Wrap the settings in { ... }.");
            return (IReadOnlyDictionary<string, object?>)Convert(document.RootElement, source, "")!;
        }
    }

    private static object? Convert(JsonElement element, string source, string path) => element.ValueKind switch
    {
        JsonValueKind.Object => ConvertObject(element, source, path),
        JsonValueKind.Array => element.EnumerateArray().Select((e, i) => Convert(e, source, $"{path}[{i}]")).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),   // whole numbers stay long
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static Dictionary<string, object?> ConvertObject(JsonElement element, string source, string path)
    {
        var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            var field = path.Length == 0 ? property.Name : path + "." + property.Name;
            if (!table.TryAdd(property.Name, Convert(property.Value, source, field)))
                throw new CutoverException(CutoverErrorIds.PlanUnreadable, CutoverErrorKind.InvalidData,
                    $"The plan '{source}' sets {field} twice (keys are case-insensitive).", source, "Keep one of the two.");
        }
        return table;
    }
}
