namespace Cutover;

/// <summary>Whether a channel is ready. Anything that could not be established is Unknown, never Pass.</summary>
public enum ReadinessStatus
{
    Pass,
    Fail,
    Unknown,
}
