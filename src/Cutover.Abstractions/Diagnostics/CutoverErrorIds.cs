namespace Cutover;

/// <summary>Stable error ids: scripts and tests match on these, never on message text.</summary>
public static class CutoverErrorIds
{
    public const string PlanInvalid = "PlanInvalid";
    public const string PlanNotFound = "PlanNotFound";
    public const string PlanUnreadable = "PlanUnreadable";
    public const string SecretUnresolved = "SecretUnresolved";
    public const string InlineSecret = "InlineSecret";

    public const string TrafficProviderUnreachable = "TrafficProviderUnreachable";
    public const string TrafficVerificationTimeout = "TrafficVerificationTimeout";
    public const string TrafficRefusedUnhealthyTargets = "TrafficRefusedUnhealthyTargets";
    public const string TrafficWeightUnsupported = "TrafficWeightUnsupported";
    public const string TrafficProviderError = "TrafficProviderError";
    public const string AwsServiceError = "AwsServiceError";
    public const string AwsCredentialsUnavailable = "AwsCredentialsUnavailable";
    public const string DnsUpdateRefused = "DnsUpdateRefused";
    public const string DnsBadSignature = "DnsBadSignature";

    public const string LockHeld = "LockHeld";
    public const string LockUnavailable = "LockUnavailable";
    public const string NotificationFailed = "NotificationFailed";
    public const string NotificationNotConfigured = "NotificationNotConfigured";
    public const string RollbackVerificationFailed = "RollbackVerificationFailed";
    public const string RunbookFailed = "RunbookFailed";
    public const string RunbookNotReady = "RunbookNotReady";
    public const string JournalNotFound = "JournalNotFound";
    public const string ReportExists = "ReportExists";
    public const string BaselineUnreadable = "BaselineUnreadable";
    public const string OperationCancelled = "OperationCancelled";
    public const string Unexpected = "Unexpected";
}
