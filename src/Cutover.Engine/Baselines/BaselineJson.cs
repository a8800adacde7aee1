using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cutover.Engine.Baselines;

/// <summary>Writes and reads a baseline as JSON; a file that is not a complete baseline is <c>BaselineUnreadable</c>.</summary>
public static class BaselineJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static string Serialize(CutoverBaseline baseline) => JsonSerializer.Serialize(baseline, Options);

    public static CutoverBaseline Deserialize(string json, string source)
    {
        try
        {
            var baseline = JsonSerializer.Deserialize<CutoverBaseline>(json, Options) ?? throw new JsonException("the file holds null");
            foreach (var (name, value) in Values(baseline))
            {
                if (value is null)
                    throw new JsonException($"{name} is missing");
                if (value.Value is null && string.IsNullOrWhiteSpace(value.UnknownReason))
                    throw new JsonException($"{name} has neither a value nor the reason it is Unknown");
            }
            return baseline;
        }
        catch (JsonException e)
        {
            throw new CutoverException(CutoverErrorIds.BaselineUnreadable, CutoverErrorKind.InvalidData,
                $"'{source}' is not a Cutover baseline: {e.Message}", source, "Export the baseline again with Export-CutoverBaseline.");
        }
    }

    private static IEnumerable<(string Name, BaselineValue? Value)> Values(CutoverBaseline b)
    {
        yield return (nameof(b.RequestRate), b.RequestRate);
        yield return (nameof(b.ErrorRatio), b.ErrorRatio);
        yield return (nameof(b.P50Ms), b.P50Ms);
        yield return (nameof(b.P95Ms), b.P95Ms);
        yield return (nameof(b.P99Ms), b.P99Ms);
        yield return (nameof(b.DatabaseConnections), b.DatabaseConnections);
        yield return (nameof(b.CacheHitRatio), b.CacheHitRatio);
        yield return (nameof(b.ReplicationLagSec), b.ReplicationLagSec);
        yield return (nameof(b.CpuRatio), b.CpuRatio);
        yield return (nameof(b.MemoryRatio), b.MemoryRatio);
        foreach (var q in b.Queues ?? [])
        {
            yield return ($"Queues[{q.Name}].Depth", q.Depth);
            yield return ($"Queues[{q.Name}].Consumers", q.Consumers);
        }
    }
}
