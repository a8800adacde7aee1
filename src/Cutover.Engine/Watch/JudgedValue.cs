using System.Globalization;

namespace Cutover.Engine.Watch;

/// <summary>One value of a sample with its judgement: Pass, Fail or Unknown, and why.</summary>
public sealed record JudgedValue(double? Value, HealthStatus Status, string Reason)
{
    public static JudgedValue Unknown(string reason) => new(null, HealthStatus.Unknown, reason);

    public string Display => Value is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "Unknown";

    public override string ToString() => $"{Display} ({Status}: {Reason})";
}
