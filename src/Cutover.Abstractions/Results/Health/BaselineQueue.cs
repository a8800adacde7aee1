namespace Cutover;

/// <summary>A queue's depth and consumers at baseline time.</summary>
public sealed class BaselineQueue
{
    public required string Name { get; init; }
    public required BaselineValue Depth { get; init; }
    public required BaselineValue Consumers { get; init; }

    public override string ToString() => $"{Name}: {Depth} message(s), {Consumers} consumer(s)";
}
