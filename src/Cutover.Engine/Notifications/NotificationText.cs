namespace Cutover.Engine.Notifications;

/// <summary>The words every channel uses for an event, so PagerDuty, Slack and Statuspage tell the same story.</summary>
internal static class NotificationText
{
    public static string Title(CutoverNotification n) => n.Event switch
    {
        CutoverNotificationEvent.Started => $"Cutover of {n.Plan} started",
        CutoverNotificationEvent.StageCompleted => $"Cutover of {n.Plan}: stage completed",
        CutoverNotificationEvent.RollbackStarted => $"Cutover of {n.Plan}: ROLLBACK started",
        CutoverNotificationEvent.RollbackCompleted => $"Cutover of {n.Plan}: rollback completed",
        CutoverNotificationEvent.Completed => $"Cutover of {n.Plan} completed",
        _ => $"Cutover of {n.Plan} FAILED",
    };

    /// <summary>One line: the title, then the reason when there is one.</summary>
    public static string Summary(CutoverNotification n) =>
        string.IsNullOrWhiteSpace(n.Message) ? Title(n) : $"{Title(n)}: {n.Message}";

    /// <summary>A customer-facing paragraph for the status page (no internals beyond versions).</summary>
    public static string PublicBody(CutoverNotification n) => n.Event switch
    {
        CutoverNotificationEvent.Started => "We are moving the service to a new version. No impact is expected.",
        CutoverNotificationEvent.StageCompleted => "The move to the new version is progressing as planned.",
        CutoverNotificationEvent.RollbackStarted => "We detected a problem with the new version and are moving the service back to the previous one.",
        CutoverNotificationEvent.RollbackCompleted => "The service runs on the previous version again and is operating normally.",
        CutoverNotificationEvent.Completed => "The service now runs on the new version and is operating normally.",
        _ => "The move to the new version has failed; we are working on it.",
    } + (string.IsNullOrWhiteSpace(n.Message) ? "" : " " + n.Message);

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
