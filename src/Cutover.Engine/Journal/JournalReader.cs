using System.Text.Json;

namespace Cutover.Engine.Journal;

/// <summary>Reads a plan's runs and a run's entries back as objects.</summary>
public static class JournalReader
{
    public static IReadOnlyList<CutoverRunInfo> ListRuns(CutoverPlan plan) =>
        new JournalPaths(plan).AllRuns().Select(r =>
        {
            var entries = ReadFile(r.Path);
            var ended = entries.LastOrDefault(e => e.Kind == JournalEntryKind.RunEnded);
            return new CutoverRunInfo
            {
                RunId = r.RunId, Plan = plan.Name, Path = r.Path, Entries = entries.Count,
                Started = entries.FirstOrDefault()?.Time, Ended = ended?.Time, Outcome = ended?.Status,
            };
        }).ToList();

    /// <summary>The entries of <paramref name="runId"/>, or of the plan's current run when null.</summary>
    public static IReadOnlyList<CutoverJournalEntry> Read(CutoverPlan plan, string? runId)
    {
        var paths = new JournalPaths(plan);
        var id = runId ?? paths.CurrentRunId() ?? throw new CutoverException(CutoverErrorIds.JournalNotFound, CutoverErrorKind.ObjectNotFound,
            $"Plan '{plan.Name}' has no journal in {paths.Directory}.", plan.Name, "Run Invoke-CutoverRunbook first, or check the plan's State.Path.");
        var file = paths.ForRun(id);
        if (!File.Exists(file))
            throw new CutoverException(CutoverErrorIds.JournalNotFound, CutoverErrorKind.ObjectNotFound,
                $"Plan '{plan.Name}' has no run '{id}' in {paths.Directory}.", id, "List the runs with Get-CutoverJournal -Plan <plan> -List.");
        return ReadFile(file);
    }

    /// <summary>Every complete line; a last line cut short by a killed process is skipped.</summary>
    internal static IReadOnlyList<CutoverJournalEntry> ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var entries = new List<CutoverJournalEntry>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
                continue;
            try
            {
                entries.Add(JournalSerializer.Deserialize(line));
            }
            catch (JsonException) when (reader.EndOfStream)
            {
                // The process was killed mid-write: everything before the torn line stands.
            }
        }
        return entries;
    }
}
