# A cutover by DNS: an RFC 2136 dynamic update (signed with TSIG) flips one record from green's
# address to blue's. DNS points at one address at a time, so the only stage is 100%; the TTL is
# lowered to CutoverTtlSec before the flip and restored to NormalTtlSec afterwards.
# Secrets are references (env:NAME or vault:Vault/Secret); nothing secret is written here.
@{
    Name         = 'orchestrator-2.1.0-dns'
    Environments = @{
        # Blue: the new release.
        Blue  = @{
            AppUrl             = 'http://10.0.2.20:3000'
            ExpectedVersion    = '2.1.0'
            ApiEndpoints       = @('/api/status')
            PrometheusSelector = 'job="orchestrator",env="blue"'
            RabbitMq           = @{
                AmqpUri  = 'amqp://blue-rabbitmq.internal:5672/orchestrator'; ManagementUrl = 'http://blue-rabbitmq.internal:15672'
                Username = 'cutover'; Password = 'env:BLUE_RABBITMQ_PASSWORD'
                Queues   = @('agent-tasks', 'agent-results')
            }
        }
        # Green: the release serving production today.
        Green = @{
            AppUrl             = 'http://10.0.1.10:3000'
            ExpectedVersion    = '2.0.5'
            ApiEndpoints       = @('/api/status')
            PrometheusSelector = 'job="orchestrator",env="green"'
        }
    }
    Monitoring   = @{ PrometheusUrl = 'http://prometheus.internal:9090' }
    Traffic      = @{
        Dns = @{
            Nameservers   = @('10.0.0.53:53', 'ns2.example.com')   # host or host:port; port 53 by default
            Zone          = 'example.com'
            Record        = 'app.example.com'                      # must be inside Zone
            BlueAddress   = '10.0.2.20'
            GreenAddress  = '10.0.1.10'                            # same address family as BlueAddress
            TsigKeyName   = 'cutover-key'
            TsigAlgorithm = 'hmac-sha256'                          # hmac-sha256/384/512, hmac-sha1, hmac-md5
            TsigSecret    = 'env:DNS_TSIG_SECRET'
            CutoverTtlSec = 60                                     # at most NormalTtlSec
            NormalTtlSec  = 3600
        }
    }
    # Omitted, Stages default to one stage of 100% for DNS; written out here to tune the bake time.
    Stages       = @(
        @{ BluePercent = 100; BakeSec = 900 }   # long enough for resolvers to honour the old TTL
    )
    Notifications = @{
        PagerDuty  = @{ RoutingKey = 'vault:Prod/pagerduty-routing-key' }
        Statuspage = @{ PageId = 'kctbh9vrtdwd'; Token = 'env:STATUSPAGE_TOKEN' }
    }
    State        = @{ Path = '/var/lib/cutover'; RedisLock = 'redis-lock.internal:6379'; RedisLockPassword = 'env:LOCK_REDIS_PASSWORD' }
    GreenRetentionMin = 120
}
