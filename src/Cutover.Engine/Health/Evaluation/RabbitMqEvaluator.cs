namespace Cutover.Engine.Health.Evaluation;

/// <summary>Decides the RabbitMq check once AMQP and the management API answered: a missing queue fails, a queue with messages and no consumers warns.</summary>
public static class RabbitMqEvaluator
{
    public static HealthObservation Evaluate(string brokerVersion, IReadOnlyList<QueueState> queues, string target)
    {
        var observed = $"AMQP channel open, management {brokerVersion}" +
            string.Concat(queues.Select(q => q.Exists ? $", {q.Name}: {q.Messages} msg / {q.Consumers} consumer(s)" : $", {q.Name}: missing"));
        const string expected = "AMQP and management answer; each queue exists and has consumers when it holds messages";
        var missing = queues.Where(q => !q.Exists).Select(q => $"queue '{q.Name}' does not exist").ToList();
        if (missing.Count > 0)
            return new(HealthStatus.Fail, string.Join("; ", missing), observed, expected, target);
        var stuck = queues.Where(q => q.Messages > 0 && q.Consumers == 0).Select(q => $"queue '{q.Name}' holds {q.Messages} message(s) and has no consumers").ToList();
        return stuck.Count > 0
            ? new(HealthStatus.Warn, string.Join("; ", stuck), observed, expected, target)
            : new(HealthStatus.Pass, $"broker answers, {queues.Count} queue(s) consumed", observed, expected, target);
    }
}
