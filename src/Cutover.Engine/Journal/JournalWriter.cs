using System.Text;

namespace Cutover.Engine.Journal;

/// <summary>
/// Appends entries to a run's journal, one JSON line each, flushed to disk as written so that a killed
/// process leaves everything up to its last entry. Text passes through the redactor first.
/// </summary>
public sealed class JournalWriter : IDisposable
{
    // One gate per journal file for the whole process: two writers on the same run (a watch and a
    // rollback) must not interleave, and each appends at the file's current end, not its own position.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SharedFile> Files = new(StringComparer.Ordinal);

    private readonly FileStream _stream;
    private readonly SharedFile _file;
    private readonly TimeProvider _time;
    private readonly SecretRedactor _redactor;

    private JournalWriter(FileStream stream, string runId, string planName, long lastSequence, TimeProvider time, SecretRedactor redactor)
    {
        _stream = stream;
        _file = Files.GetOrAdd(stream.Name, _ => new SharedFile());
        lock (_file)
            _file.Sequence = Math.Max(_file.Sequence, lastSequence);
        RunId = runId;
        PlanName = planName;
        _time = time;
        _redactor = redactor;
    }

    public string RunId { get; }
    public string PlanName { get; }
    public string Path => _stream.Name;

    /// <summary>Opens (or continues) the journal of <paramref name="runId"/> and marks it as the plan's current run.</summary>
    public static JournalWriter Open(CutoverPlan plan, string runId, TimeProvider? time = null, SecretRedactor? redactor = null)
    {
        if (!CutoverRunId.IsValid(runId))
            throw new CutoverException(CutoverErrorIds.JournalNotFound, CutoverErrorKind.InvalidArgument,
                $"'{runId}' is not a run id.", runId, "Use a run id as Get-CutoverJournal shows it, e.g. 20261128T101500Z-3fa9c1.");
        var paths = new JournalPaths(plan);
        Directory.CreateDirectory(paths.Directory);
        var file = paths.ForRun(runId);
        var last = File.Exists(file) ? JournalReader.ReadFile(file).LastOrDefault()?.Sequence ?? 0 : 0;
        var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        File.WriteAllText(paths.CurrentRunMarker + ".tmp", runId);
        File.Move(paths.CurrentRunMarker + ".tmp", paths.CurrentRunMarker, overwrite: true);
        return new JournalWriter(stream, runId, plan.Name, last, time ?? TimeProvider.System, redactor ?? SecretRedactor.Global);
    }

    public CutoverJournalEntry Append(JournalEntryKind kind, string name, string? status = null, string? message = null,
        IReadOnlyDictionary<string, object?>? data = null)
    {
        lock (_file)
        {
            var entry = new CutoverJournalEntry
            {
                RunId = RunId, Sequence = ++_file.Sequence, Time = _time.GetUtcNow(), Kind = kind, Name = name, Status = status,
                Message = message, Data = data ?? new Dictionary<string, object?>(), Plan = PlanName,
            };
            var line = _redactor.Redact(JournalSerializer.Serialize(entry)) + "\n";
            _stream.Seek(0, SeekOrigin.End);
            _stream.Write(Encoding.UTF8.GetBytes(line));
            _stream.Flush(flushToDisk: true);
            return entry;
        }
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>What every writer of one journal file in this process shares: the gate and the last sequence number.</summary>
internal sealed class SharedFile
{
    public long Sequence { get; set; }
}
