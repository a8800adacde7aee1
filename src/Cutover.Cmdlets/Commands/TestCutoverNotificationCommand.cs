using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Notifications;

namespace Cutover.Commands;

/// <summary>Checks each notification channel's readiness without paging or posting anything.</summary>
[Cmdlet(VerbsDiagnostic.Test, "CutoverNotification")]
[OutputType(typeof(CutoverNotificationReadiness))]
public sealed class TestCutoverNotificationCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 10;

    protected override void ProcessRecord()
    {
        var secrets = PlanSecretResolver.Create(Plan, this, Redactor);
        var checker = new NotificationReadinessChecker(NotificationFactory.CreateDispatcher(Plan, secrets, TimeProvider.System), TimeProvider.System);
        foreach (var result in Run((host, ct) => checker.CheckAsync(Plan.Name, TimeSpan.FromSeconds(TimeoutSec), host, ct)))
            WriteObject(result);
    }
}
