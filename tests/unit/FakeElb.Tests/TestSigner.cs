using System.Security.Cryptography;
using System.Text;
using FakeElb.Signing;
using Microsoft.Extensions.Time.Testing;

namespace FakeElb.Tests;

/// <summary>
/// Signs test requests the way the AWS CLI (<c>content-type;host;x-amz-date</c>) or the .NET signer
/// (<c>…;x-amz-content-sha256;…</c>) does. The signature is computed by <see cref="SigV4Verifier"/> itself,
/// whose computation the official suite proves in <see cref="SigV4SuiteTests"/>.
/// </summary>
internal static class TestSigner
{
    public const string Body = "Action=DescribeRules&Version=2015-12-01&RuleArns.member.1=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A123456789012%3Alistener-rule%2Fapp%2Fsandbox-alb%2F50dc6c495c0c9188%2Ff2f7dc8efc522ab2%2F9683b2d02a6cabee";

    public static SigV4Request Sign(string accessKeyId, string secret, DateTimeOffset signedAt, string body = Body,
        bool withContentSha256 = false, string region = "us-east-1", string service = "elasticloadbalancing")
    {
        var amzDate = signedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'");
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Host", "127.0.0.1:48600"),
            new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            new("X-Amz-Date", amzDate),
        };
        if (withContentSha256)
            headers.Add(new("X-Amz-Content-SHA256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))));
        var signedHeaders = string.Join(';', headers.Select(h => h.Key.ToLowerInvariant()).Order(StringComparer.Ordinal));

        var unsigned = Request(headers, $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{amzDate[..8]}/{region}/{service}/aws4_request, SignedHeaders={signedHeaders}, Signature=0", body);
        var signature = new SigV4Verifier(_ => secret, new FakeTimeProvider(signedAt)).Verify(unsigned).CalculatedSignature!;
        return unsigned with { Headers = WithAuthorization(headers, unsigned, signature) };
    }

    private static SigV4Request Request(List<KeyValuePair<string, string>> headers, string authorization, string body) =>
        new("POST", "/", "", [.. headers, new("Authorization", authorization)], Encoding.UTF8.GetBytes(body));

    private static IReadOnlyList<KeyValuePair<string, string>> WithAuthorization(List<KeyValuePair<string, string>> headers, SigV4Request unsigned, string signature)
    {
        var authorization = unsigned.Headers.Single(h => h.Key == "Authorization").Value;
        return [.. headers, new("Authorization", authorization[..^1] + signature)];
    }
}
