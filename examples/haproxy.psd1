# A cutover through HAProxy's runtime API: blue and green are two servers of one backend.
# Secrets are references (env:NAME or vault:Vault/Secret); nothing secret is written here.
@{
    Name         = 'orchestrator-2.1.0'
    Environments = @{
        # Blue: the new release, taking traffic.
        Blue  = @{
            AppUrl             = 'http://blue-app.internal:3000'
            HealthPath         = '/health'
            ExpectedVersion    = '2.1.0'
            ApiEndpoints       = @('/api/agents', '/api/messages', '/api/status')
            PrometheusSelector = 'job="orchestrator",env="blue"'
            Postgres           = @{
                Host = 'blue-db.internal'; Port = 5432; Database = 'production'; Username = 'cutover_monitor'
                Password = 'env:BLUE_PG_PASSWORD'
                Replica  = @{ Host = 'blue-db-replica.internal'; Port = 5432 }
            }
            RabbitMq           = @{
                AmqpUri  = 'amqp://blue-rabbitmq.internal:5672/orchestrator'; ManagementUrl = 'http://blue-rabbitmq.internal:15672'
                Username = 'cutover'; Password = 'vault:Prod/blue-rabbitmq'
                Queues   = @('agent-tasks')
            }
            Redis              = @{ Endpoint = 'blue-redis.internal:6379'; Password = 'env:BLUE_REDIS_PASSWORD' }
        }
        # Green: the release serving production today.
        Green = @{
            AppUrl             = 'http://green-app.internal:3000'
            ExpectedVersion    = '2.0.5'
            PrometheusSelector = 'job="orchestrator",env="green"'
            Postgres           = @{
                Host = 'green-db.internal'; Database = 'production'; Username = 'cutover_monitor'; Password = 'env:GREEN_PG_PASSWORD'
            }
            RabbitMq           = @{
                AmqpUri  = 'amqp://green-rabbitmq.internal:5672/orchestrator'; ManagementUrl = 'http://green-rabbitmq.internal:15672'
                Username = 'cutover'; Password = 'vault:Prod/green-rabbitmq'; Queues = @('agent-tasks')
            }
            Redis              = @{ Endpoint = 'green-redis.internal:6379'; Password = 'env:GREEN_REDIS_PASSWORD' }
        }
    }
    Monitoring   = @{
        PrometheusUrl    = 'http://prometheus.internal:9090'
        GrafanaUrl       = 'http://grafana.internal:3000'
        MinActiveTargets = 20     # the procedure expects more than 20 active targets
        MinRuleGroups    = 10     # ... and more than 10 rule groups
    }
    Traffic      = @{
        HAProxy = @{
            RuntimeApi  = 'tcp://lb.internal:9999'     # or unix:///run/haproxy/admin.sock
            Backend     = 'be_app'
            BlueServer  = 'blue'
            GreenServer = 'green'
            DrainOnZero = $true   # put the side going to 0% into drain as well
        }
    }
    # The procedure's gates and triggers are the defaults; shown here to be tuned.
    Thresholds   = @{ MaxErrorRatio = 0.01; MaxP95Ms = 200; MaxReplicationLagSec = 1; MinRequestCount = 20 }
    Triggers     = @{
        ErrorRatio = @{ Above = 0.10; ForSec = 30 }
        P95Ms      = @{ Above = 2000; ForSec = 30 }
        DatabaseUnreachableSec = 10
    }
    Stages       = @(
        @{ BluePercent = 50; BakeSec = 60 }
        @{ BluePercent = 100; BakeSec = 120 }
    )
    Notifications = @{
        PagerDuty  = @{ RoutingKey = 'env:PAGERDUTY_ROUTING_KEY' }
        Slack      = @{ WebhookUrl = 'env:SLACK_WEBHOOK_URL' }
        Statuspage = @{ PageId = 'kctbh9vrtdwd'; Token = 'env:STATUSPAGE_TOKEN' }
    }
    State        = @{ Path = '/var/lib/cutover' }
    GreenRetentionMin = 60
}
