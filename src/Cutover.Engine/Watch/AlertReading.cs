namespace Cutover.Engine.Watch;

/// <summary>The firing critical alerts the plan names, or why they could not be read.</summary>
public sealed record AlertReading(IReadOnlyList<string> Firing, string? UnknownReason)
{
    public bool IsKnown => UnknownReason is null;
}
