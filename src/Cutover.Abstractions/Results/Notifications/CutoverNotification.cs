namespace Cutover;

/// <summary>One event of a cutover run, with the facts every channel shows.</summary>
public sealed class CutoverNotification
{
    /// <summary>The plan's name; it names the run for every channel.</summary>
    public required string Plan { get; init; }

    public required CutoverNotificationEvent Event { get; init; }

    /// <summary>The run this event belongs to. PagerDuty's dedup key and the Statuspage incident follow it.</summary>
    public required string RunId { get; init; }

    /// <summary>Why, in one line (the rollback trigger, the stage reached).</summary>
    public string? Message { get; init; }

    public string? BlueVersion { get; init; }
    public string? GreenVersion { get; init; }

    /// <summary>Percentage of traffic on blue, when the sender knows it.</summary>
    public int? BluePercent { get; init; }

    /// <summary>Percentage of traffic on green, when the sender knows it.</summary>
    public int? GreenPercent { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The facts as label/value pairs, in display order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts()
    {
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Plan", Plan),
            new("Event", Event.ToString()),
            new("Run", RunId),
            new("Versions", $"blue {BlueVersion ?? "?"} / green {GreenVersion ?? "?"}"),
            new("Traffic", BluePercent is null && GreenPercent is null
                ? "not reported"
                : $"blue {Percent(BluePercent)} / green {Percent(GreenPercent)}"),
            new("Reason", string.IsNullOrWhiteSpace(Message) ? "(none given)" : Message),
            new("At", OccurredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ")),
        };
        return facts;
    }

    private static string Percent(int? value) => value is null ? "?" : value + "%";

    public override string ToString() => $"{Plan}: {Event} (run {RunId})";
}
