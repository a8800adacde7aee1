namespace Cutover;

/// <summary>What became of one notification on one channel.</summary>
public enum NotificationStatus
{
    /// <summary>The service accepted it.</summary>
    Sent,

    /// <summary>It could not be delivered within the channel's timeout and retries.</summary>
    Failed,

    /// <summary>Nothing was sent on purpose (channel not configured, event not for this channel, -WhatIf).</summary>
    Skipped,
}
