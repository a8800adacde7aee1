namespace Cutover.Engine.Traffic.Dns;

/// <summary>
/// Rewrites the record with the address every nameserver answers now and a new TTL (the procedure's
/// T-24h reduction and its restore), then reads back until every nameserver answers that TTL.
/// </summary>
public sealed class DnsTtlChanger
{
    private readonly DnsRouter _router;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;

    public DnsTtlChanger(CutoverPlan plan, ISecretResolver secrets, TimeProvider time, TimeSpan? pollInterval = null)
    {
        if (plan.Traffic.Dns is null)
            throw new CutoverException(CutoverErrorIds.PlanInvalid, CutoverErrorKind.InvalidArgument,
                $"The plan '{plan.Name}' routes traffic through {plan.Traffic.Provider}; a DNS TTL change needs Traffic.Dns.", plan.Name);
        _router = new DnsRouter(plan, secrets, time);
        _time = time;
        _pollInterval = pollInterval ?? TrafficSwitcher.DefaultPollInterval;
    }

    /// <summary>The state of the record now, with each nameserver's TTL in its target detail.</summary>
    public Task<CutoverTrafficState> GetStateAsync(CancellationToken cancellationToken) => _router.GetStateAsync(cancellationToken);

    /// <summary>"TTL 300s", or each nameserver's TTL when they differ.</summary>
    public static string DescribeTtl(CutoverTrafficState state)
    {
        var ttls = state.Targets.Select(t => t.Detail ?? string.Empty).Select(d => d.Contains(" ttl ") ? d[(d.LastIndexOf(" ttl ") + 5)..] + "s" : "?").Distinct().ToList();
        return ttls.Count == 1 ? $"TTL {ttls[0]}" : $"TTL {string.Join("/", ttls)} (nameservers differ)";
    }

    public async Task<CutoverTrafficState> SetTtlAsync(int ttlSec, TimeSpan timeout, ICutoverHost host, CancellationToken cancellationToken)
    {
        var dns = _router.Dns;
        var answers = await _router.ReadAnswersAsync(cancellationToken).ConfigureAwait(false);
        var addresses = answers.Select(a => DnsAnswerAggregator.EnvironmentOf(dns, a) is null ? null : a.Addresses[0]).Distinct().ToList();
        if (addresses.Count != 1 || addresses[0] is null)
            throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.InvalidOperation,
                $"Refusing to change the TTL of {dns.Record}: the nameservers do not all answer the same blue or green address ({string.Join("; ", answers)}).",
                dns.Record, "Point the record at one environment with Set-CutoverTrafficWeight first.");
        var address = addresses[0]!;
        if (answers.All(a => a.TtlSec == ttlSec))
        {
            host.WriteVerbose($"Every nameserver already answers {dns.Record} A {address} with TTL {ttlSec}s; nothing to change.");
            return DnsAnswerAggregator.Aggregate(dns, answers, _time.GetUtcNow(), _router.Plan);
        }

        host.WriteVerbose($"Rewriting {dns.Record} A {address} with TTL {ttlSec}s (now: {string.Join("; ", answers)}).");
        await _router.ReplaceEverywhereAsync(address, ttlSec, host, cancellationToken).ConfigureAwait(false);
        var (done, last) = await StatePoller.WaitForAsync(_router.ReadAnswersAsync,
            r => r.All(a => a.TtlSec == ttlSec && a.Problem is null && a.Addresses.SequenceEqual([address])), timeout, _pollInterval, _time,
            cancellationToken).ConfigureAwait(false);
        if (!done)
            throw new CutoverException(CutoverErrorIds.TrafficVerificationTimeout, CutoverErrorKind.OperationTimeout,
                $"Not every nameserver answered {dns.Record} A {address} with TTL {ttlSec}s within {timeout.TotalSeconds:0.#}s; they answer: {string.Join("; ", last)}.",
                dns.Record, "Check the nameservers' zone transfer and run Set-CutoverDnsTtl again.", isTransient: true);
        host.WriteInformation($"DNS TTL of {dns.Record} changed to {ttlSec}s (A {address}), verified on {last.Count} nameserver(s).", "Audit", "Traffic");
        return DnsAnswerAggregator.Aggregate(dns, last, _time.GetUtcNow(), _router.Plan);
    }
}
