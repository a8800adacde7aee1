using System.Management.Automation;
using Cutover.Commands.Hosting;
using Cutover.Engine.Hosting;

namespace Cutover.Commands;

/// <summary>
/// The base of every Cutover cmdlet: one blocking wait per engine call on the pipeline thread,
/// engine chatter drained into PowerShell's streams, Ctrl+C turned into cancellation, and engine
/// errors mapped to error records in one place.
/// </summary>
public abstract class CutoverCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _stopping = new();

    protected CancellationToken CancellationToken => _stopping.Token;

    protected SecretRedactor Redactor => SecretRedactor.Global;

    protected override void StopProcessing() => _stopping.Cancel();

    protected override void EndProcessing() => _stopping.Dispose();

    /// <summary>Runs an engine operation and returns its result; engine exceptions propagate.</summary>
    protected T Run<T>(Func<ICutoverHost, CancellationToken, Task<T>> operation)
    {
        var host = new PipelineHost(Redactor);
        var task = Task.Run(async () =>
        {
            using var scope = CutoverHostScope.Enter(host);
            return await operation(host, _stopping.Token).ConfigureAwait(false);
        }, _stopping.Token);
        host.Pump(task, this);
        return task.GetAwaiter().GetResult();
    }

    protected void Run(Func<ICutoverHost, CancellationToken, Task> operation) =>
        Run(async (host, ct) =>
        {
            await operation(host, ct).ConfigureAwait(false);
            return true;
        });

    /// <summary>Writes a non-terminating error for one target; the pipeline goes on.</summary>
    protected void WriteCutoverError(Exception error, object? target = null) =>
        WriteError(ErrorRecordFactory.Create(error, Redactor, target));

    /// <summary>Stops the whole call with a terminating error.</summary>
    protected void ThrowCutoverError(Exception error, object? target = null) =>
        ThrowTerminatingError(ErrorRecordFactory.Create(error, Redactor, target));
}
