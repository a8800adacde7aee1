namespace Cutover;

/// <summary>The pre-cutover health checks, each selectable with <c>Test-CutoverHealth -Check</c>.</summary>
public enum HealthCheckKind
{
    /// <summary>The app's /health answers 200, status ok, the expected version, every dependency ok.</summary>
    App,

    /// <summary>Each configured API endpoint answers 200 or 401.</summary>
    Api,

    /// <summary>PostgreSQL connects, runs SELECT now(), active connections within MaxConnections.</summary>
    Database,

    /// <summary>Streaming replication lag, measured on the primary, below MaxReplicationLagSec.</summary>
    Replication,

    /// <summary>AMQP connection and channel, management API, queue depth and consumers.</summary>
    RabbitMq,

    /// <summary>Redis PING round trip and keyspace hit ratio.</summary>
    Redis,

    /// <summary>Error ratio from Prometheus, gated by a minimum request count.</summary>
    ErrorRate,

    /// <summary>P95 latency from Prometheus.</summary>
    Latency,

    /// <summary>The traffic provider answers and knows the blue and green targets.</summary>
    LoadBalancer,

    /// <summary>Prometheus targets and rule groups at the plan's minimums; Grafana when configured.</summary>
    Monitoring,
}
