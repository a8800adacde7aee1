namespace Cutover.Engine.Traffic.Dns;

/// <summary>
/// Traffic through one A record: all of it to blue or all of it to green (DNS cannot split), changed
/// with TSIG-signed dynamic updates on every configured nameserver, read back from every one of them.
/// </summary>
internal sealed class DnsRouter : ITrafficRouter
{
    private readonly CutoverPlan _plan;
    private readonly DnsPlan _dns;
    private readonly ISecretResolver _secrets;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<DnsZoneClient> _nameservers;

    public DnsRouter(CutoverPlan plan, ISecretResolver secrets, TimeProvider time)
    {
        _plan = plan;
        _dns = plan.Traffic.Dns ?? throw new ArgumentException("the plan's traffic provider is not DNS", nameof(plan));
        _secrets = secrets;
        _time = time;
        _nameservers = _dns.Nameservers.Select(n => new DnsZoneClient(n)).ToList();
    }

    public TrafficProviderKind Provider => TrafficProviderKind.Dns;

    public DnsPlan Dns => _dns;

    public CutoverPlan Plan => _plan;

    public async Task<CutoverTrafficState> GetStateAsync(CancellationToken cancellationToken)
    {
        var answers = await ReadAnswersAsync(cancellationToken).ConfigureAwait(false);
        return DnsAnswerAggregator.Aggregate(_dns, answers, _time.GetUtcNow(), _plan);
    }

    public Task EnsureCanApplyAsync(int bluePercent, CancellationToken cancellationToken)
    {
        if (bluePercent is not (0 or 100))
            throw new CutoverException(CutoverErrorIds.TrafficWeightUnsupported, CutoverErrorKind.InvalidArgument,
                $"DNS sends all traffic to one address: blue must be 0 or 100 (got {bluePercent}).", bluePercent,
                "Use -Blue 100 (all to blue) or -Blue 0 (all to green), or a provider that splits traffic (HAProxy, AWS ALB).");
        return Task.CompletedTask;
    }

    public Task ApplyAsync(int bluePercent, ICutoverHost host, CancellationToken cancellationToken)
    {
        var address = bluePercent == 100 ? _dns.BlueAddress : _dns.GreenAddress;
        host.WriteVerbose($"Pointing {_dns.Record} at {(bluePercent == 100 ? "blue" : "green")} ({address}) with TTL {_dns.CutoverTtlSec}s on {_nameservers.Count} nameserver(s).");
        return ReplaceEverywhereAsync(address, _dns.CutoverTtlSec, host, cancellationToken);
    }

    /// <summary>Every configured nameserver's answer for the record, queried in parallel.</summary>
    public async Task<IReadOnlyList<DnsAnswer>> ReadAnswersAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(_nameservers.Select(n => n.QueryAsync(_dns.Record, cancellationToken))).ConfigureAwait(false);

    /// <summary>Replaces the record's A RRset on every configured nameserver, one after the other; the first failure stops it.</summary>
    public async Task ReplaceEverywhereAsync(string address, int ttlSec, ICutoverHost host, CancellationToken cancellationToken)
    {
        var secret = Secret();
        foreach (var nameserver in _nameservers)
            await nameserver.ReplaceAsync(_dns, address, ttlSec, secret, _time.GetUtcNow().UtcDateTime, host, cancellationToken).ConfigureAwait(false);
    }

    private byte[] Secret()
    {
        var value = _secrets.Resolve(_dns.TsigSecret, "Traffic.Dns.TsigSecret");
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new CutoverException(CutoverErrorIds.DnsBadSignature, CutoverErrorKind.InvalidArgument,
                "Traffic.Dns.TsigSecret is not base64 (the 'secret' of the key file).", _dns.TsigSecret.ToString(),
                "Use the base64 secret from the nameserver's key file (tsig-keygen output).");
        }
    }
}
