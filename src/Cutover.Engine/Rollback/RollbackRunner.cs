using Cutover.Engine.Journal;
using Cutover.Engine.Locking;
using Cutover.Engine.Notifications;
using Cutover.Engine.Traffic;
using Cutover.Engine.Traffic.AwsAlb;

namespace Cutover.Engine.Rollback;

/// <summary>
/// A rollback with the plan's real lock, traffic provider, notification channels, verification and journal;
/// what Invoke-CutoverRollback and Watch-CutoverMetric -AutoRollback both call.
/// </summary>
public static class RollbackRunner
{
    /// <param name="runId">The run; null: the plan's current run from the journal, or a new one.</param>
    /// <param name="timeout">The traffic shift's bound (and the lock wait); null: 30 s.</param>
    /// <param name="aws">A command's -ProfileName/-Region for an ALB plan; null: the plan's.</param>
    public static async Task<CutoverRollbackResult> RunAsync(CutoverPlan plan, ISecretResolver secrets, string reason, string? runId,
        TimeSpan? timeout, AwsAlbOverrides? aws, TimeProvider time, ICutoverHost host, CancellationToken cancellationToken)
    {
        var router = TrafficRouterFactory.Create(plan, secrets, time, aws);
        var id = runId ?? new JournalPaths(plan).CurrentRunId() ?? CutoverRunId.Create(time);
        host.WriteVerbose(runId is null ? $"Rolling back run {id} (the plan's current run from its journal, or a new one)." : $"Rolling back run {id}.");
        var (cutoverLock, connection) = await CutoverLocks.ForPlanAsync(plan, secrets, time).ConfigureAwait(false);
        try
        {
            using var journal = new JournalRollbackRecorder(plan, id, time);
            var orchestrator = new RollbackOrchestrator(plan, cutoverLock, router,
                NotificationFactory.CreateDispatcher(plan, secrets, time), new GreenVerifier(plan, TimeSpan.FromSeconds(5), time), journal, time);
            var bound = timeout ?? TimeSpan.FromSeconds(30);
            return await orchestrator.RunAsync(new RollbackOptions { Reason = reason, RunId = id, TrafficTimeout = bound, LockWait = bound }, host,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (connection is not null)
                await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
