namespace Cutover;

/// <summary>The outcome of one check. Unknown means the check could not decide: never treated as Pass.</summary>
public enum HealthStatus
{
    Pass,
    Warn,
    Fail,
    Unknown,
}
