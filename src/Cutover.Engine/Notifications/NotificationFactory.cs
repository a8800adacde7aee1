namespace Cutover.Engine.Notifications;

/// <summary>Builds the channels a plan configures, and events carrying the plan's facts.</summary>
public static class NotificationFactory
{
    /// <summary>A dispatcher with one notifier per configured channel; the others are reported Skipped.</summary>
    /// <param name="include">Channels to use (the ones confirmed by ShouldProcess); null for all.</param>
    public static NotificationDispatcher CreateDispatcher(CutoverPlan plan, ISecretResolver secrets, TimeProvider time,
        IReadOnlySet<NotificationChannel>? include = null)
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
        if (include is not null)
            notifiers.RemoveAll(n => !include.Contains(n.Channel));
        return new NotificationDispatcher(notifiers, unavailable, time);
    }

    /// <summary>
    /// An event with the plan's versions. Without <paramref name="runId"/>, the plan's current run is
    /// joined (or a new one begun) through the state under State.Path, so separate processes agree.
    /// </summary>
    public static CutoverNotification CreateNotification(CutoverPlan plan, CutoverNotificationEvent notificationEvent, string? runId,
        string? message, TimeProvider time, int? bluePercent = null, int? greenPercent = null, bool record = true) => new()
    {
        Plan = plan.Name,
        Event = notificationEvent,
        RunId = new NotificationState(plan.State.Path, plan.Name, time).ResolveRunId(runId, notificationEvent, record),
        Message = message,
        BlueVersion = plan.Environments.Blue.ExpectedVersion,
        GreenVersion = plan.Environments.Green.ExpectedVersion,
        BluePercent = bluePercent,
        GreenPercent = greenPercent ?? (100 - bluePercent),
        OccurredAt = time.GetUtcNow(),
    };

    /// <summary>The channels the plan configures.</summary>
    public static IReadOnlyList<NotificationChannel> ConfiguredChannels(CutoverPlan plan) =>
        new (NotificationChannel Channel, object? Settings)[]
        {
            (NotificationChannel.PagerDuty, plan.Notifications.PagerDuty),
            (NotificationChannel.Slack, plan.Notifications.Slack),
            (NotificationChannel.Statuspage, plan.Notifications.Statuspage),
        }.Where(c => c.Settings is not null).Select(c => c.Channel).ToArray();

    private static string NotConfigured(string channel) => $"{channel} is not configured in the plan (Notifications.{channel})";
}
