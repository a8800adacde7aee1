using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Cutover.Engine.Notifications;

/// <summary>
/// What notifications remember between processes, in files under the plan's State.Path: the current run
/// of a plan (so a later event without a run id joins it) and the Statuspage incident of each run.
/// Writes are atomic (temporary file, then rename).
/// </summary>
public sealed class NotificationState
{
    private static readonly CutoverNotificationEvent[] Closing = [CutoverNotificationEvent.Completed, CutoverNotificationEvent.RollbackCompleted];
    private readonly string _directory;
    private readonly string _plan;
    private readonly TimeProvider _time;

    public NotificationState(string statePath, string plan, TimeProvider time)
    {
        _directory = Path.Combine(statePath, "notifications");
        _plan = plan;
        _time = time;
    }

    private sealed record RunRecord(string RunId, CutoverNotificationEvent LastEvent, DateTimeOffset UpdatedAt);

    /// <summary>
    /// The run this event belongs to: the given id; else the plan's current run while it has not closed
    /// (Completed, RollbackCompleted); else a new id. With <paramref name="record"/>, records the event as the run's last.
    /// </summary>
    public string ResolveRunId(string? runId, CutoverNotificationEvent notificationEvent, bool record = true)
    {
        var file = Path.Combine(_directory, FileName(_plan) + ".run.json");
        if (string.IsNullOrWhiteSpace(runId))
        {
            var current = Read<RunRecord>(file);
            runId = current is not null && !Closing.Contains(current.LastEvent)
                ? current.RunId
                : _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + RandomNumberGenerator.GetHexString(4, lowercase: true);
        }
        if (record)
            Write(file, new RunRecord(runId, notificationEvent, _time.GetUtcNow()));
        return runId;
    }

    public string? ReadIncidentId(string runId) => Read<string>(IncidentFile(runId));

    /// <summary>Remembers the run's incident; false when the state folder cannot be written (the listing still finds it).</summary>
    public bool WriteIncidentId(string runId, string incidentId)
    {
        try
        {
            Write(IncidentFile(runId), incidentId);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string IncidentFile(string runId) => Path.Combine(_directory, FileName(_plan) + "." + FileName(runId) + ".statuspage.json");

    private static T? Read<T>(string file) where T : class
    {
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<T>(File.ReadAllText(file)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Write<T>(string file, T value)
    {
        Directory.CreateDirectory(_directory);
        var temporary = file + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(value));
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>A name safe in any file system, still recognisable, unique by a short hash.</summary>
    internal static string FileName(string text)
    {
        var safe = new string(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
        return (safe.Length > 60 ? safe[..60] : safe) + "-" + hash;
    }
}
