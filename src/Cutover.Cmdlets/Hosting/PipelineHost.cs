using System.Collections.Concurrent;
using System.Management.Automation;

namespace Cutover.Commands.Hosting;

/// <summary>
/// The engine's voice in PowerShell. Engine threads post what they want to say; the pipeline thread
/// drains the queue while it waits for the engine, because Write* may only be called from there.
/// Every string is redacted on its way out.
/// </summary>
internal sealed class PipelineHost : ICutoverHost
{
    private readonly BlockingCollection<Action<Cmdlet>> _queue = new();
    private readonly SecretRedactor _redactor;

    public PipelineHost(SecretRedactor redactor)
    {
        _redactor = redactor;
    }

    public void WriteObject(object value) => Post(c => c.WriteObject(value));

    public void WriteVerbose(string message) => Post(c => c.WriteVerbose(_redactor.Redact(message)));

    public void WriteDebug(string message) => Post(c => c.WriteDebug(_redactor.Redact(message)));

    public void WriteWarning(string message) => Post(c => c.WriteWarning(_redactor.Redact(message)));

    public void WriteInformation(string message, params string[] tags) =>
        Post(c => c.WriteInformation(new InformationRecord(_redactor.Redact(message), "Cutover"), tags));

    public void WriteProgress(CutoverProgress progress) => Post(c =>
    {
        var record = new ProgressRecord(progress.ActivityId, progress.Activity, _redactor.Redact(progress.Status))
        {
            PercentComplete = progress.PercentComplete,
            SecondsRemaining = progress.SecondsRemaining,
            ParentActivityId = progress.ParentActivityId,
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        if (progress.CurrentOperation is not null)
            record.CurrentOperation = _redactor.Redact(progress.CurrentOperation);
        c.WriteProgress(record);
    });

    public void WriteError(CutoverException error) => Post(c => c.WriteError(ErrorRecordFactory.Create(error, _redactor)));

    private void Post(Action<Cmdlet> write)
    {
        try
        {
            _queue.Add(write);
        }
        catch (InvalidOperationException)
        {
            // The operation has ended; late chatter from background work has nowhere to go.
        }
    }

    /// <summary>Drains the queue on the pipeline thread until <paramref name="operation"/> ends.</summary>
    public void Pump(Task operation, Cmdlet cmdlet)
    {
        operation.ContinueWith(_ => _queue.CompleteAdding(), TaskScheduler.Default);
        PipelineStoppedException? stopped = null;
        foreach (var write in _queue.GetConsumingEnumerable())
        {
            if (stopped is not null)
                continue;
            try
            {
                write(cmdlet);
            }
            catch (PipelineStoppedException e)
            {
                // Keep draining so the engine can finish its compensations; stop writing.
                stopped = e;
            }
        }
        if (stopped is not null)
            throw stopped;
    }
}
