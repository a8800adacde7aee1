namespace Cutover.Engine.Notifications;

/// <summary>Builds the channels a plan configures, and events carrying the plan's facts.</summary>
public static class NotificationFactory
{
    /// <summary>A dispatcher with one notifier per configured channel; the others are reported Skipped.</summary>
    public static NotificationDispatcher CreateDispatcher(CutoverPlan plan, ISecretResolver secrets, TimeProvider time)
    {
        var notifiers = new List<INotifier>();
        var unavailable = new Dictionary<NotificationChannel, string>();
        var settings = plan.Notifications;
        if (settings.PagerDuty is { } pagerDuty)
            notifiers.Add(new PagerDutyNotifier(pagerDuty, secrets));
        else
            unavailable[NotificationChannel.PagerDuty] = NotConfigured("PagerDuty");
        if (settings.Slack is { } slack)
            notifiers.Add(new SlackNotifier(slack, secrets));
        else
            unavailable[NotificationChannel.Slack] = NotConfigured("Slack");
        if (settings.Statuspage is { } statuspage)
            notifiers.Add(new StatuspageNotifier(statuspage, secrets, new NotificationState(plan.State.Path, plan.Name, time)));
        else
            unavailable[NotificationChannel.Statuspage] = NotConfigured("Statuspage");
        return new NotificationDispatcher(notifiers, unavailable, time);
    }

    /// <summary>
    /// An event with the plan's versions. Without <paramref name="runId"/>, the plan's current run is
    /// joined (or a new one begun) through the state under State.Path, so separate processes agree.
    /// </summary>
    public static CutoverNotification CreateNotification(CutoverPlan plan, CutoverNotificationEvent notificationEvent, string? runId,
        string? message, TimeProvider time, int? bluePercent = null, int? greenPercent = null) => new()
    {
        Plan = plan.Name,
        Event = notificationEvent,
        RunId = new NotificationState(plan.State.Path, plan.Name, time).ResolveRunId(runId, notificationEvent),
        Message = message,
        BlueVersion = plan.Environments.Blue.ExpectedVersion,
        GreenVersion = plan.Environments.Green.ExpectedVersion,
        BluePercent = bluePercent,
        GreenPercent = greenPercent ?? (100 - bluePercent),
        OccurredAt = time.GetUtcNow(),
    };

    private static string NotConfigured(string channel) => $"{channel} is not configured in the plan (Notifications.{channel})";
}
