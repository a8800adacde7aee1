namespace Cutover.Engine.Watch;

/// <summary>How a watch runs. Cmdlet parameters map one to one onto these.</summary>
public sealed class WatchOptions
{
    /// <summary>The environments judged. Default blue.</summary>
    public IReadOnlyList<CutoverEnvironment> Environments { get; init; } = [CutoverEnvironment.Blue];

    /// <summary>How long to watch. Default 30 minutes.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Time between sample starts. Default 5 s.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Keep watching after a trigger fires. Default false: the first trigger ends the watch.</summary>
    public bool Continue { get; init; }

    /// <summary>The run the samples and triggers belong to; null: not journaled.</summary>
    public string? RunId { get; init; }

    /// <summary>The pre-switch baseline for the relative P95 guard.</summary>
    public CutoverBaseline? Baseline { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming every bad field.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Environments.Count == 0)
            problems.Add("Environments must name at least one environment");
        if (Interval < TimeSpan.FromMilliseconds(100) || Interval > TimeSpan.FromHours(1))
            problems.Add($"Interval must be between 100 ms and 1 hour (was {Interval})");
        if (Duration < Interval || Duration > TimeSpan.FromDays(1))
            problems.Add($"Duration must be at least one interval and at most 1 day (was {Duration})");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid watch options: " + string.Join("; ", problems));
    }
}
