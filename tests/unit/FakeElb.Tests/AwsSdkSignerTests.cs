using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using FakeElb.Signing;
using Microsoft.Extensions.Time.Testing;

namespace FakeElb.Tests;

/// <summary>Requests signed by the AWS SDK for .NET's public signer (the route Cutover's client takes) verify.</summary>
public sealed class AwsSdkSignerTests
{
    private const string AccessKeyId = "AKIDFAKEEXAMPLE";
    private const string Secret = "fakeSecretKey/EXAMPLE+0123456789";
    private static readonly DateTime SignedAt = new(2026, 11, 28, 9, 34, 44, DateTimeKind.Utc);

    private static SigV4Request SignWithSdk(AWSCredentials credentials, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = new Uri("http://127.0.0.1:48600/"), Content = bytes };
        request.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        var signed = AWSSigV4Signer.Sign(request, new AWSSigV4Parameters
        {
            Credentials = credentials, Region = RegionEndpoint.USEast1, Service = "elasticloadbalancing", SignedAt = SignedAt,
        });

        // What the server receives: the request's own headers, the signer's, and the length the transport adds.
        var headers = request.Headers.Concat(signed.Headers)
            .Append(new("Content-Length", bytes.Length.ToString()))
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Last())
            .ToList();
        if (!headers.Any(h => h.Key.Equals("host", StringComparison.OrdinalIgnoreCase))) headers.Add(new("Host", "127.0.0.1:48600"));
        return new SigV4Request("POST", "/", "", headers, bytes);
    }

    private static SigV4Verifier Verifier() =>
        new(key => key == AccessKeyId ? Secret : null, new FakeTimeProvider(SignedAt), "elasticloadbalancing", "us-east-1");

    [Fact]
    public void VerifiesTheSdkSignature()
    {
        var request = SignWithSdk(new BasicAWSCredentials(AccessKeyId, Secret), TestSigner.Body);
        var outcome = Verifier().Verify(request);
        Assert.True(outcome.IsValid, outcome.Message);
        Assert.Contains(request.Headers, h => h.Key.Equals("x-amz-content-sha256", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void VerifiesTheSdkSignatureWithASessionToken() =>
        Assert.True(Verifier().Verify(SignWithSdk(new SessionAWSCredentials(AccessKeyId, Secret, "token-123"), TestSigner.Body)).IsValid);

    [Fact]
    public void RefusesTheSdkRequestWithAChangedBody()
    {
        var request = SignWithSdk(new BasicAWSCredentials(AccessKeyId, Secret), TestSigner.Body);
        Assert.Equal("SignatureDoesNotMatch", Verifier().Verify(request with { Body = Encoding.UTF8.GetBytes(TestSigner.Body + "&PageSize=1") }).ErrorCode);
    }
}
