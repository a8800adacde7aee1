using System.Collections.Concurrent;

namespace Cutover.Engine.Tests.Watch;

/// <summary>Collects everything the engine writes, thread-safe.</summary>
internal sealed class WatchHost : ICutoverHost
{
    public ConcurrentQueue<object> Objects { get; } = new();
    public ConcurrentQueue<string> Warnings { get; } = new();
    public ConcurrentQueue<string> Verbose { get; } = new();
    public ConcurrentQueue<CutoverProgress> Progress { get; } = new();
    public ConcurrentQueue<CutoverException> Errors { get; } = new();

    public void WriteObject(object value) => Objects.Enqueue(value);
    public void WriteVerbose(string message) => Verbose.Enqueue(message);
    public void WriteDebug(string message) { }
    public void WriteWarning(string message) => Warnings.Enqueue(message);
    public void WriteInformation(string message, params string[] tags) { }
    public void WriteProgress(CutoverProgress progress) => Progress.Enqueue(progress);
    public void WriteError(CutoverException error) => Errors.Enqueue(error);
}
