using System.Text.Json;

namespace Cutover.Engine.Health.Evaluation;

/// <summary>The app's <c>/health</c> answer as its top-level fields (strings as they are, anything else as raw JSON).</summary>
public static class AppHealthDocument
{
    /// <summary>The fields, case-insensitively; null when the body is not JSON, with <paramref name="problem"/> saying why.</summary>
    public static IReadOnlyDictionary<string, string?>? Parse(string body, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "JSON that is not an object";
                return null;
            }
            problem = null;
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText(), StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            problem = "a body that is not JSON";
            return null;
        }
    }
}
