namespace Cutover;

/// <summary>One configured queue: depth, consumers and message rates, or Unknown with the reason.</summary>
public sealed class QueueDiagnostic : DiagnosticSection
{
    public required string Name { get; init; }
    public long? Messages { get; init; }
    public long? Consumers { get; init; }

    /// <summary>Messages published per second (null when the broker reports no rate).</summary>
    public double? PublishRate { get; init; }

    /// <summary>Messages delivered or fetched per second.</summary>
    public double? DeliverRate { get; init; }

    protected override string Summary =>
        $"{Name}: {Messages} message(s), {Consumers} consumer(s), publish {PublishRate?.ToString("0.##") ?? "n/a"}/s, deliver {DeliverRate?.ToString("0.##") ?? "n/a"}/s";

    public override string ToString() => IsKnown ? Summary : $"{Name}: Unknown ({UnknownReason})";
}
