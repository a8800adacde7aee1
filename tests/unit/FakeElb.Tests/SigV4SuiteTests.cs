using FakeElb.Signing;
using Microsoft.Extensions.Time.Testing;

namespace FakeElb.Tests;

/// <summary>The verifier against every case of AWS's SigV4 test suite (shared/reference/aws/sigv4-test-suite/v4).</summary>
public sealed class SigV4SuiteTests
{
    public static TheoryData<string> CaseNames() => new(SigV4SuiteCase.Names());

    [Fact]
    public void TheSuiteHasAll38Cases() => Assert.Equal(38, SigV4SuiteCase.Names().Count);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void VerifiesTheSignedRequestAndComputesTheExpectedSignature(string caseName)
    {
        var suiteCase = SigV4SuiteCase.Load(caseName);
        var verifier = new SigV4Verifier(
            key => key == suiteCase.AccessKeyId ? suiteCase.SecretAccessKey : null,
            new FakeTimeProvider(suiteCase.Timestamp),
            normalizePath: suiteCase.Normalize);

        var outcome = verifier.Verify(suiteCase.Request);

        Assert.Equal(suiteCase.ExpectedCanonicalRequest, outcome.CanonicalRequest);
        Assert.Equal(suiteCase.ExpectedSignature, outcome.CalculatedSignature);
        Assert.True(outcome.IsValid, $"{outcome.ErrorCode}: {outcome.Message}");
        Assert.Equal(suiteCase.AccessKeyId, outcome.AccessKeyId);
    }
}
