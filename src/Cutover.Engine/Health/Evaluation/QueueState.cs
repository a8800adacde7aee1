namespace Cutover.Engine.Health.Evaluation;

/// <summary>A queue as the RabbitMQ management API reports it; null counts when the queue does not exist.</summary>
public sealed record QueueState(string Name, long? Messages, long? Consumers, double? PublishRate = null, double? DeliverRate = null)
{
    public bool Exists => Messages is not null;
}
