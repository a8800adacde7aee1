using System.Text;
using FakeElb.Signing;
using Microsoft.Extensions.Time.Testing;

namespace FakeElb.Tests;

/// <summary>Our own SigV4 cases: the two client header sets, and every way a request must be refused.</summary>
public sealed class SigV4VerifierTests
{
    private const string AccessKeyId = "AKIDFAKEEXAMPLE";
    private const string Secret = "fakeSecretKey/EXAMPLE+0123456789";
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 34, 2, TimeSpan.Zero);

    private static SigV4Verifier Verifier(DateTimeOffset? now = null) => new(
        key => key == AccessKeyId ? Secret : null, new FakeTimeProvider(now ?? Now), "elasticloadbalancing", "us-east-1");

    [Theory]
    [InlineData(false)] // AWS CLI: content-type;host;x-amz-date
    [InlineData(true)]  // .NET signer: adds x-amz-content-sha256
    public void AcceptsBothClientHeaderSets(bool withContentSha256)
    {
        var outcome = Verifier().Verify(TestSigner.Sign(AccessKeyId, Secret, Now, withContentSha256: withContentSha256));
        Assert.True(outcome.IsValid, outcome.Message);
        Assert.Equal(AccessKeyId, outcome.AccessKeyId);
    }

    [Fact]
    public void RefusesAWrongSecret()
    {
        var outcome = Verifier().Verify(TestSigner.Sign(AccessKeyId, "not-the-secret", Now));
        Assert.Equal(("SignatureDoesNotMatch", 403), (outcome.ErrorCode, outcome.HttpStatus));
    }

    [Fact]
    public void RefusesAnUnknownAccessKey()
    {
        var outcome = Verifier().Verify(TestSigner.Sign("AKIDSOMEBODYELSE", Secret, Now));
        Assert.Equal(("InvalidClientTokenId", 403), (outcome.ErrorCode, outcome.HttpStatus));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void RefusesADateMoreThanFiveMinutesOff(int minutes)
    {
        var outcome = Verifier(Now.AddMinutes(minutes)).Verify(TestSigner.Sign(AccessKeyId, Secret, Now));
        Assert.Equal(("RequestExpired", 400), (outcome.ErrorCode, outcome.HttpStatus));
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(4)]
    public void AcceptsADateWithinFiveMinutes(int minutes) =>
        Assert.True(Verifier(Now.AddMinutes(minutes)).Verify(TestSigner.Sign(AccessKeyId, Secret, Now)).IsValid);

    [Fact]
    public void RefusesABodyChangedAfterSigning()
    {
        var signed = TestSigner.Sign(AccessKeyId, Secret, Now);
        var tampered = signed with { Body = Encoding.UTF8.GetBytes(TestSigner.Body.Replace("DescribeRules", "ModifyRule")) };
        Assert.Equal("SignatureDoesNotMatch", Verifier().Verify(tampered).ErrorCode);
    }

    [Fact]
    public void RefusesABodyThatDoesNotMatchItsContentSha256()
    {
        var signed = TestSigner.Sign(AccessKeyId, Secret, Now, withContentSha256: true);
        var tampered = signed with { Body = Encoding.UTF8.GetBytes(TestSigner.Body + "&Marker=x") };
        var outcome = Verifier().Verify(tampered);
        Assert.Equal("SignatureDoesNotMatch", outcome.ErrorCode);
        Assert.Contains("x-amz-content-sha256", outcome.Message);
    }

    [Fact]
    public void RefusesAMissingAuthorizationHeader()
    {
        var signed = TestSigner.Sign(AccessKeyId, Secret, Now);
        var anonymous = signed with { Headers = signed.Headers.Where(h => h.Key != "Authorization").ToArray() };
        var outcome = Verifier().Verify(anonymous);
        Assert.Equal(("MissingAuthenticationToken", 403), (outcome.ErrorCode, outcome.HttpStatus));
    }

    [Fact]
    public void RefusesAScopeForAnotherService()
    {
        var outcome = Verifier().Verify(TestSigner.Sign(AccessKeyId, Secret, Now, service: "ec2"));
        Assert.Equal("SignatureDoesNotMatch", outcome.ErrorCode);
        Assert.Contains("elasticloadbalancing", outcome.Message);
    }

    [Fact]
    public void RefusesAScopeForAnotherRegion() =>
        Assert.Equal("SignatureDoesNotMatch", Verifier().Verify(TestSigner.Sign(AccessKeyId, Secret, Now, region: "eu-west-1")).ErrorCode);

    [Fact]
    public void RefusesAHeaderChangedAfterSigning()
    {
        var signed = TestSigner.Sign(AccessKeyId, Secret, Now);
        var changed = signed with
        {
            Headers = signed.Headers.Select(h => h.Key == "Content-Type" ? new KeyValuePair<string, string>(h.Key, "text/plain") : h).ToArray(),
        };
        Assert.Equal("SignatureDoesNotMatch", Verifier().Verify(changed).ErrorCode);
    }

    [Fact]
    public void RefusesAnAuthorizationHeaderWithoutSignature()
    {
        var signed = TestSigner.Sign(AccessKeyId, Secret, Now);
        var broken = signed with
        {
            Headers = signed.Headers.Select(h => h.Key == "Authorization"
                ? new KeyValuePair<string, string>(h.Key, h.Value[..h.Value.IndexOf(", Signature=", StringComparison.Ordinal)])
                : h).ToArray(),
        };
        Assert.Equal(("IncompleteSignature", 400), (Verifier().Verify(broken).ErrorCode, Verifier().Verify(broken).HttpStatus));
    }
}
