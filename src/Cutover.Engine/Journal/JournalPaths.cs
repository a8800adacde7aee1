namespace Cutover.Engine.Journal;

/// <summary>Where a plan's journals live: <c>&lt;State.Path&gt;/journal/&lt;plan&gt;_&lt;run&gt;.jsonl</c>.</summary>
public sealed class JournalPaths
{
    public JournalPaths(CutoverPlan plan)
    {
        Directory = Path.Combine(plan.State.Path, "journal");
        PlanName = plan.Name;
    }

    public string Directory { get; }
    public string PlanName { get; }

    /// <summary>Names the run that was started last, so a fresh process finds it.</summary>
    public string CurrentRunMarker => Path.Combine(Directory, PlanName + ".current");

    public string ForRun(string runId) => Path.Combine(Directory, $"{PlanName}_{runId}.jsonl");

    public IEnumerable<(string RunId, string Path)> AllRuns()
    {
        if (!System.IO.Directory.Exists(Directory))
            return [];
        var prefix = PlanName + "_";
        return System.IO.Directory.EnumerateFiles(Directory, prefix + "*.jsonl")
            .Select(p => (RunId: Path.GetFileNameWithoutExtension(p)[prefix.Length..], Path: p))
            .Where(r => CutoverRunId.IsValid(r.RunId))
            .OrderBy(r => r.RunId, StringComparer.Ordinal);
    }

    public string? CurrentRunId()
    {
        if (!File.Exists(CurrentRunMarker))
            return AllRuns().Select(r => r.RunId).LastOrDefault();
        var id = File.ReadAllText(CurrentRunMarker).Trim();
        return CutoverRunId.IsValid(id) ? id : null;
    }
}
