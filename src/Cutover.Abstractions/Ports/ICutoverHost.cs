namespace Cutover;

/// <summary>
/// What the engine may say while it works. The cmdlet layer queues these and writes them from the
/// pipeline thread, redacting secrets on the way.
/// </summary>
public interface ICutoverHost
{
    void WriteObject(object value);
    void WriteVerbose(string message);
    void WriteDebug(string message);
    void WriteWarning(string message);
    void WriteInformation(string message, params string[] tags);
    void WriteProgress(CutoverProgress progress);

    /// <summary>A non-terminating error about one target; the operation goes on.</summary>
    void WriteError(CutoverException error);
}

/// <summary>A progress report; <see cref="Completed"/> closes the bar.</summary>
public sealed record CutoverProgress(int ActivityId, string Activity, string Status, int PercentComplete = -1,
    int SecondsRemaining = -1, string? CurrentOperation = null, bool Completed = false, int ParentActivityId = -1);
