namespace Cutover.Engine.Tests.Fakes;

/// <summary>A host that keeps the objects and debug lines written and drops every other stream.</summary>
internal sealed class RecordingHost : ICutoverHost
{
    public List<object> Objects { get; } = [];
    public void WriteObject(object value) { lock (Objects) Objects.Add(value); }
    public void WriteVerbose(string message) { }
    public List<string> Debug { get; } = [];
    public void WriteDebug(string message) { lock (Debug) Debug.Add(message); }
    public void WriteWarning(string message) { }
    public void WriteInformation(string message, params string[] tags) { }
    public void WriteProgress(CutoverProgress progress) { }
    public void WriteError(CutoverException error) { }
}
