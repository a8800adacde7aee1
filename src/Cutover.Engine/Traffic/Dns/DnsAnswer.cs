namespace Cutover.Engine.Traffic.Dns;

/// <summary>
/// What one nameserver answered for the record: its A addresses and TTL, or why there is no usable answer
/// (no response, not authoritative, an error code).
/// </summary>
internal sealed record DnsAnswer(string Nameserver, IReadOnlyList<string> Addresses, int? TtlSec, string? Problem)
{
    public override string ToString() => Problem is not null
        ? $"{Nameserver}: {Problem}"
        : Addresses.Count == 0 ? $"{Nameserver}: no A record" : $"{Nameserver}: A {string.Join(",", Addresses)} ttl {TtlSec}";
}
