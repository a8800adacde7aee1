using Cutover.Engine.Health.Evaluation;
using Cutover.Engine.Http;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Cutover.Engine.Health.Checks;

/// <summary>Opens an AMQP connection and channel (RabbitMQ.Client 7, async), then reads the management API.</summary>
public sealed class RabbitMqCheck(TimeProvider time) : IHealthCheck
{
    public HealthCheckKind Kind => HealthCheckKind.RabbitMq;
    public bool IsShared => false;

    public bool IsConfigured(CutoverPlan plan, CutoverEnvironment? environment) =>
        environment is { } e && plan.GetEnvironment(e).RabbitMq is not null;

    public async Task<HealthObservation> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var rabbit = context.EnvironmentPlan.RabbitMq!;
        var target = $"{rabbit.AmqpUri.Host}:{rabbit.AmqpUri.Port}{rabbit.AmqpUri.AbsolutePath}";
        var password = rabbit.Password is { } reference ? context.Secrets.Resolve(reference, Field(context.Environment!.Value)) : "";
        try
        {
            await OpenChannelAsync(rabbit, password, context.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or System.Net.Sockets.SocketException or TimeoutException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new(HealthStatus.Fail, $"AMQP connection failed: {e.InnerException?.Message ?? e.Message}", "no AMQP channel", "AMQP channel opens", target);
        }
        var management = new RabbitMqManagement(rabbit, password, context.Timeout, time);
        try
        {
            var version = await management.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            var queues = await Task.WhenAll(rabbit.Queues.Select(q => management.GetQueueAsync(q, cancellationToken))).ConfigureAwait(false);
            return RabbitMqEvaluator.Evaluate(version, queues, target);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException)
        {
            return new(HealthStatus.Fail, $"AMQP channel opened but {e.Message}", "AMQP ok, management unreadable", "management API answers", rabbit.ManagementUrl.AbsoluteUri);
        }
    }

    internal static string Field(CutoverEnvironment environment) => $"Environments.{environment}.RabbitMq.Password";

    private async Task OpenChannelAsync(RabbitMqPlan rabbit, string password, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = rabbit.AmqpUri,
            UserName = rabbit.Username,
            Password = password,
            RequestedConnectionTimeout = timeout,
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "cutover-health",
        };
        using var deadline = SharedHttpClients.Deadline(timeout, cancellationToken, time);
        await using var connection = await factory.CreateConnectionAsync(deadline.Token).ConfigureAwait(false);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: deadline.Token).ConfigureAwait(false);
        await channel.CloseAsync(deadline.Token).ConfigureAwait(false);
        await connection.CloseAsync(deadline.Token).ConfigureAwait(false);
    }
}
