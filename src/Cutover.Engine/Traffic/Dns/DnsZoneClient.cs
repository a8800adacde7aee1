using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;

namespace Cutover.Engine.Traffic.Dns;

/// <summary>
/// Talks to one authoritative nameserver over UDP and TCP (never DNS-over-HTTPS, which would need
/// ASP.NET Core): non-recursive queries, and RFC 2136 updates signed with TSIG whose signed answer is
/// verified.
/// </summary>
internal sealed class DnsZoneClient
{
    private const int QueryTimeoutMs = 3000;
    private static readonly TimeSpan Fudge = TimeSpan.FromMinutes(5);

    /// <summary>TSIG error 16 is BADSIG, though ARSoft's ReturnCode enum names 16 BadVersion.</summary>
    private const ReturnCode BadSignature = (ReturnCode)16;

    private readonly string _nameserver;
    private readonly IPAddress _address;
    private readonly int _port;

    public DnsZoneClient(string nameserver)
    {
        _nameserver = nameserver;
        if (!IPEndPoint.TryParse(nameserver, out var endpoint))
            throw new CutoverException(CutoverErrorIds.PlanInvalid, CutoverErrorKind.InvalidArgument,
                $"Traffic.Dns.Nameservers: '{nameserver}' is not an address with an optional port (e.g. 127.0.0.1:5353).", nameserver);
        _address = endpoint.Address;
        _port = endpoint.Port == 0 ? 53 : endpoint.Port;
    }

    public async Task<DnsAnswer> QueryAsync(string record, CancellationToken cancellationToken)
    {
        using var client = Client();
        DnsMessage? response;
        try
        {
            response = await client.ResolveAsync(DomainName.Parse(record), RecordType.A, RecordClass.INet,
                new DnsQueryOptions { IsRecursionDesired = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new DnsAnswer(_nameserver, [], null, $"query failed: {e.Message}");
        }
        if (response is null)
            return new DnsAnswer(_nameserver, [], null, "no response");
        if (response.ReturnCode != ReturnCode.NoError)
            return new DnsAnswer(_nameserver, [], null, $"answered {response.ReturnCode}");
        if (!response.IsAuthoritiveAnswer)
            return new DnsAnswer(_nameserver, [], null, "not authoritative for the record");
        var records = response.AnswerRecords.OfType<ARecord>().ToList();
        return new DnsAnswer(_nameserver, records.Select(r => r.Address.ToString()).Order(StringComparer.Ordinal).ToList(),
            records.Count == 0 ? null : records.Min(r => r.TimeToLive), null);
    }

    /// <summary>Replaces the record's A RRset with one address and TTL; throws unless the server accepted it and its signed answer verifies.</summary>
    public async Task ReplaceAsync(DnsPlan dns, string address, int ttlSec, byte[] secret, DateTime signedAt, ICutoverHost host,
        CancellationToken cancellationToken)
    {
        var name = DomainName.Parse(dns.Record);
        var message = new DnsUpdateMessage { ZoneName = DomainName.Parse(dns.Zone) };
        message.Updates.Add(new DeleteAllRecordsUpdate(name, RecordType.A));
        message.Updates.Add(new AddRecordUpdate(new ARecord(name, ttlSec, IPAddress.Parse(address))));
        message.TSigOptions = new TSigRecord(DomainName.Parse(dns.TsigKeyName), Algorithm(dns.TsigAlgorithm), signedAt, Fudge,
            message.TransactionID, ReturnCode.NoError, null, secret);
        host.WriteDebug($"DNS update to {_nameserver}: zone {dns.Zone}, {dns.Record} A {address} ttl {ttlSec}, TSIG key {dns.TsigKeyName} ({dns.TsigAlgorithm}).");

        using var client = Client();
        DnsUpdateMessage? response;
        try
        {
            response = await client.SendUpdateAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new CutoverException(CutoverErrorIds.TrafficProviderUnreachable, CutoverErrorKind.ConnectionError,
                $"DNS update to {_nameserver} failed: {e.Message}", _nameserver, isTransient: true, innerException: e);
        }
        if (response is null)
            throw new CutoverException(CutoverErrorIds.TrafficProviderUnreachable, CutoverErrorKind.ConnectionError,
                $"DNS update to {_nameserver}: no response within {QueryTimeoutMs / 1000}s.", _nameserver,
                "Check that the nameserver runs and listens on that address and port.", isTransient: true);
        var tsigError = response.TSigOptions?.Error;
        var validation = response.TSigOptions?.ValidationResult;
        host.WriteDebug($"DNS update answer from {_nameserver}: {response.ReturnCode}, TSIG error {Describe(tsigError)}, signature check {Describe(validation)}.");
        if (tsigError == BadSignature || validation == BadSignature || tsigError is ReturnCode.BadKey or ReturnCode.BadTime)
            throw new CutoverException(CutoverErrorIds.DnsBadSignature, CutoverErrorKind.PermissionDenied,
                $"{_nameserver} rejected the TSIG signature of key '{dns.TsigKeyName}' ({Describe(tsigError ?? validation)}).", _nameserver,
                "Check Traffic.Dns.TsigKeyName, TsigAlgorithm and the secret against the nameserver's key, and the machine's clock.");
        if (response.ReturnCode == ReturnCode.Refused || (response.ReturnCode == ReturnCode.NotAuthoritive && response.TSigOptions is null))
            throw new CutoverException(CutoverErrorIds.DnsUpdateRefused, CutoverErrorKind.PermissionDenied,
                $"{_nameserver} refused the update of {dns.Record} in zone {dns.Zone} ({response.ReturnCode}).", _nameserver,
                "Allow updates signed with this key for the zone (allow-update / update-policy).");
        if (response.ReturnCode != ReturnCode.NoError)
            throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.InvalidOperation,
                $"{_nameserver} did not apply the update of {dns.Record}: {response.ReturnCode}.", _nameserver);
        if (validation != ReturnCode.NoError)
            throw new CutoverException(CutoverErrorIds.DnsBadSignature, CutoverErrorKind.PermissionDenied,
                $"{_nameserver} answered the update, but its answer's TSIG signature did not verify ({Describe(validation)}).", _nameserver,
                "Check the TSIG key; an unsigned or badly signed answer is not trusted.");
    }

    private DnsClient Client() => new([_address],
        [new UdpClientTransport(_port), new TcpClientTransport(_port)], disposeTransport: true, queryTimeout: QueryTimeoutMs);

    private static string Describe(ReturnCode? code) => code switch
    {
        null => "none",
        BadSignature => "BADSIG",
        _ => code.Value.ToString(),
    };

    private static TSigAlgorithm Algorithm(string name) => name.ToLowerInvariant() switch
    {
        "hmac-md5" or "hmac-md5.sig-alg.reg.int" => TSigAlgorithm.Md5,
        "hmac-sha1" => TSigAlgorithm.Sha1,
        "hmac-sha224" => TSigAlgorithm.Sha224,
        "hmac-sha256" => TSigAlgorithm.Sha256,
        "hmac-sha384" => TSigAlgorithm.Sha384,
        "hmac-sha512" => TSigAlgorithm.Sha512,
        _ => throw new CutoverException(CutoverErrorIds.PlanInvalid, CutoverErrorKind.InvalidArgument,
            $"Traffic.Dns.TsigAlgorithm '{name}' is not one of hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, hmac-sha384, hmac-sha512.", name),
    };
}
