namespace Cutover;

/// <summary>Where notifications go.</summary>
public enum NotificationChannel
{
    PagerDuty,
    Slack,
    Statuspage,
}
