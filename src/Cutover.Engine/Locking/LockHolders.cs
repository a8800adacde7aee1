using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Cutover.Engine.Locking;

/// <summary>Making, reading and judging lock holders, the same for every backend.</summary>
public static class LockHolders
{
    /// <summary>A holder describing this process.</summary>
    public static CutoverLockHolder ForThisProcess(string key, string operation, TimeProvider time)
    {
        DateTimeOffset? started;
        try
        {
            started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            started = null;
        }
        return new CutoverLockHolder
        {
            Key = key,
            Token = RandomNumberGenerator.GetHexString(32, lowercase: true),
            Host = Environment.MachineName,
            ProcessId = Environment.ProcessId,
            ProcessStartTime = started,
            User = Environment.UserName,
            Operation = operation,
            AcquiredAt = time.GetUtcNow(),
        };
    }

    public static string Serialize(CutoverLockHolder holder) => JsonSerializer.Serialize(holder);

    /// <summary>The holder, or null when the text is not one (a half-written or foreign file).</summary>
    public static CutoverLockHolder? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return JsonSerializer.Deserialize<CutoverLockHolder>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The start time of a live process of this host, or null when there is no such process.</summary>
    public static DateTimeOffset? ProcessStartTime(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited ? null : process.StartTime.ToUniversalTime();
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// True only when the holder is a process of this host that is gone (or whose pid now belongs to a
    /// process started at another time). A holder on another host is never judged stale here.
    /// </summary>
    public static bool IsStale(CutoverLockHolder holder, Func<int, DateTimeOffset?> processStartTime)
    {
        if (!string.Equals(holder.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
            return false;
        var started = processStartTime(holder.ProcessId);
        if (started is null)
            return true;
        return holder.ProcessStartTime is { } recorded && (started.Value - recorded).Duration() > TimeSpan.FromSeconds(2);
    }

    public static CutoverException Held(string key, CutoverLockHolder? holder, TimeSpan waited, TimeProvider time) => new(
        CutoverErrorIds.LockHeld, CutoverErrorKind.ResourceBusy,
        holder is null
            ? $"The lock on {key} is held (holder unreadable); waited {waited.TotalSeconds:0.#} s."
            : $"The lock on {key} is held by {holder.User}@{holder.Host} (pid {holder.ProcessId}) for '{holder.Operation}' since " +
              $"{holder.AcquiredAt.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ} ({(time.GetUtcNow() - holder.AcquiredAt).TotalSeconds:0} s ago); waited {waited.TotalSeconds:0.#} s.",
        key, "Wait for that operation to finish (Get-CutoverLock shows the holder), or stop it; never run two on one traffic target.");
}
