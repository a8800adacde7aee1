# A cutover through an AWS Application Load Balancer: one listener rule forwards to two target groups
# (blue and green) and the cutover moves the weights between them.
# Credentials come from the usual AWS chain, or from ProfileName; a named profile that cannot be
# loaded is an error, never a silent fallback to another account.
# Secrets are references (env:NAME or vault:Vault/Secret); nothing secret is written here.
@{
    Name         = 'orchestrator-2.1.0-alb'
    Environments = @{
        # Blue: the new release, behind the blue target group.
        Blue  = @{
            AppUrl             = 'https://blue.orchestrator.internal'
            HealthPath         = '/health'
            ExpectedVersion    = '2.1.0'
            PrometheusSelector = 'job="orchestrator",env="blue"'
            Postgres           = @{
                Host = 'blue-db.internal'; Port = 5432; Database = 'production'; Username = 'cutover_monitor'
                Password = 'env:BLUE_PG_PASSWORD'
                Replica  = @{ Host = 'blue-db-replica.internal' }   # Port defaults to 5432
            }
            Redis              = @{ Endpoint = 'blue-redis.internal:6379'; Password = 'vault:Prod/blue-redis' }
        }
        # Green: the release serving production today, behind the green target group.
        Green = @{
            AppUrl             = 'https://green.orchestrator.internal'
            ExpectedVersion    = '2.0.5'
            PrometheusSelector = 'job="orchestrator",env="green"'
            Redis              = @{ Endpoint = 'green-redis.internal'; Password = 'vault:Prod/green-redis' }   # port 6379
        }
    }
    Monitoring   = @{
        PrometheusUrl     = 'http://prometheus.internal:9090'
        ScrapeIntervalSec = 15    # range windows are at least 4 x this
    }
    Traffic      = @{
        AwsAlb = @{
            Region              = 'eu-west-1'
            ProfileName         = 'prod-cutover'    # omit to use the default credential chain
            # All three ARNs must be in Region.
            ListenerRuleArn     = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/prod-web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee'
            BlueTargetGroupArn  = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/orchestrator-blue/73e2d6bc24d8a067'
            GreenTargetGroupArn = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/orchestrator-green/2453ed029918f21f'
            # EndpointUrl = 'http://127.0.0.1:48443'   # only for a local ELBv2 endpoint (the sandbox)
            AppPort             = 3000               # the port the targets listen on
        }
    }
    # ALB weights move in steps; each stage bakes before the next one.
    Stages       = @(
        @{ BluePercent = 10; BakeSec = 120 }
        @{ BluePercent = 50; BakeSec = 300 }
        @{ BluePercent = 100; BakeSec = 600 }
    )
    Thresholds   = @{ MaxErrorRatio = 0.005; MaxP95Ms = 250 }
    Triggers     = @{
        ErrorRatio  = @{ Above = 0.05; ForSec = 60 }
        RelativeP95 = 1.5     # P95 may not exceed 1.5 x the baseline
    }
    Notifications = @{
        Slack = @{ WebhookUrl = 'env:SLACK_WEBHOOK_URL' }
    }
}
