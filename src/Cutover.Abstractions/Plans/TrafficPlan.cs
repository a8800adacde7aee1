namespace Cutover;

public enum TrafficProviderKind
{
    HAProxy,
    AwsAlb,
    Dns,
}

/// <summary>Exactly one of the providers is set.</summary>
public sealed class TrafficPlan
{
    public HAProxyPlan? HAProxy { get; init; }
    public AwsAlbPlan? AwsAlb { get; init; }
    public DnsPlan? Dns { get; init; }

    public TrafficProviderKind Provider =>
        HAProxy is not null ? TrafficProviderKind.HAProxy :
        AwsAlb is not null ? TrafficProviderKind.AwsAlb :
        TrafficProviderKind.Dns;

    /// <summary>A name for locks: the provider and its target.</summary>
    public string TargetKey => Provider switch
    {
        TrafficProviderKind.HAProxy => $"haproxy:{HAProxy!.RuntimeApi}/{HAProxy.Backend}",
        TrafficProviderKind.AwsAlb => $"alb:{AwsAlb!.ListenerRuleArn}",
        _ => $"dns:{Dns!.Zone}/{Dns.Record}",
    };
}

public sealed class HAProxyPlan
{
    /// <summary><c>tcp://host:port</c> or <c>unix:///path/to/admin.sock</c>.</summary>
    public required Uri RuntimeApi { get; init; }
    public required string Backend { get; init; }
    public required string BlueServer { get; init; }
    public required string GreenServer { get; init; }
    public bool DrainOnZero { get; init; }
}

public sealed class AwsAlbPlan
{
    public required string Region { get; init; }
    public string? ProfileName { get; init; }
    public required string ListenerRuleArn { get; init; }
    public required string BlueTargetGroupArn { get; init; }
    public required string GreenTargetGroupArn { get; init; }
    public Uri? EndpointUrl { get; init; }
    /// <summary>The application port the target groups' health checks are expected on.</summary>
    public int? AppPort { get; init; }
}

public sealed class DnsPlan
{
    /// <summary>host:port of every authoritative nameserver to update and confirm.</summary>
    public required IReadOnlyList<string> Nameservers { get; init; }
    public required string Zone { get; init; }
    public required string Record { get; init; }
    public required string BlueAddress { get; init; }
    public required string GreenAddress { get; init; }
    public required string TsigKeyName { get; init; }
    public string TsigAlgorithm { get; init; } = "hmac-sha256";
    public required SecretReference TsigSecret { get; init; }
    public int CutoverTtlSec { get; init; } = 60;
    public int NormalTtlSec { get; init; } = 300;
}
