namespace Cutover;

/// <summary>One measured baseline figure: a value, or null with the reason it is Unknown.</summary>
public sealed class BaselineValue
{
    public double? Value { get; init; }
    public string? UnknownReason { get; init; }

    /// <summary>Where it came from: the PromQL or SQL, or the Redis INFO field.</summary>
    public string? Source { get; init; }

    public bool IsKnown => Value is not null;

    public static BaselineValue Known(double value, string? source) => new() { Value = value, Source = source };

    public static BaselineValue Unknown(string reason, string? source) => new() { UnknownReason = reason, Source = source };

    public static BaselineValue From(MetricSample sample) =>
        new() { Value = sample.Value, UnknownReason = sample.UnknownReason, Source = sample.Query };

    public override string ToString() =>
        IsKnown ? Value!.Value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : $"Unknown ({UnknownReason})";
}
