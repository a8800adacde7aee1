using System.Management.Automation;
using Cutover.Commands.Plans;
using Cutover.Engine.Notifications;

namespace Cutover.Commands;

/// <summary>Tells PagerDuty, Slack and Statuspage about a cutover event, all channels in parallel.</summary>
[Cmdlet(VerbsCommunications.Send, "CutoverNotification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(CutoverNotificationResult))]
public sealed class SendCutoverNotificationCommand : CutoverCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [CutoverPlanTransformation]
    public CutoverPlan Plan { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public CutoverNotificationEvent Event { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Message { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern("^[A-Za-z0-9._:-]{1,100}$")]
    public string? RunId { get; set; }

    [Parameter]
    [ValidateRange(0, 100)]
    public int? BluePercent { get; set; }

    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 10;

    protected override void ProcessRecord()
    {
        var time = TimeProvider.System;
        var preview = NotificationFactory.CreateNotification(Plan, Event, RunId, Message, time, BluePercent, record: false);
        var approved = NotificationFactory.ConfiguredChannels(Plan)
            .Where(c => ShouldProcess($"{c} ({Plan.Name}, run {preview.RunId})", $"Send the {Event} notification"))
            .ToHashSet();
        if (approved.Count == 0)
            return;
        var notification = NotificationFactory.CreateNotification(Plan, Event, preview.RunId, Message, time, BluePercent);
        WriteVerbose($"Run {notification.RunId}: sending {Event} to {string.Join(", ", approved)}; PagerDuty dedup key {DedupKey.For(notification.Plan, notification.RunId)}.");
        var secrets = PlanSecretResolver.Create(Plan, this, Redactor);
        var dispatcher = NotificationFactory.CreateDispatcher(Plan, secrets, time, approved);
        var options = new NotificationOptions { Timeout = TimeSpan.FromSeconds(TimeoutSec) };
        var results = Run((host, ct) => dispatcher.SendAsync(notification, options, host, ct));
        foreach (var result in results)
            WriteObject(result);
    }
}
