namespace Cutover;

/// <summary>
/// One instant value read from a metric source. <see cref="Value"/> is null when the value is Unknown
/// (empty result, NaN, infinity, a transport error, a timeout), and <see cref="UnknownReason"/> says why.
/// </summary>
public sealed class MetricSample
{
    /// <summary>The query as sent (PromQL).</summary>
    public required string Query { get; init; }

    public double? Value { get; init; }

    /// <summary>Why <see cref="Value"/> is null; null when the value is known.</summary>
    public string? UnknownReason { get; init; }

    /// <summary>When the value was evaluated (the source's timestamp when it gives one).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public bool IsKnown => Value is not null;

    public static MetricSample Known(string query, double value, DateTimeOffset timestamp) =>
        new() { Query = query, Value = value, Timestamp = timestamp };

    public static MetricSample Unknown(string query, string reason, DateTimeOffset timestamp) =>
        new() { Query = query, UnknownReason = reason, Timestamp = timestamp };

    public override string ToString() => IsKnown ? Value!.Value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : $"Unknown ({UnknownReason})";
}
