// Route A of ../shared/notes/aws-elbv2.md: AWSSDK.Core's public SigV4 signer and credentials, our own HttpClient,
// XML parsing, error mapping and retry. Chosen over Route B (subclassing AmazonServiceClient) because Route B
// depends on Amazon.Runtime.Internal* types that change between minor versions, while Route A uses public API
// only; and because owning the retry loop lets it run on the injected TimeProvider (tests in fake time) and report
// every attempt. Each attempt is signed anew (fresh X-Amz-Date); redirects are never followed.
using System.Net;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Cutover.Engine.Hosting;
using Cutover.Engine.Http;

namespace Cutover.Engine.Traffic.AwsAlb;

/// <summary>ELBv2 over the Query protocol, signed with SigV4, with bounded jittered retries of transient failures.</summary>
public sealed class ElbV2QueryClient : IElasticLoadBalancingV2
{
    public const string SigningService = "elasticloadbalancing";

    private readonly Uri _endpoint;
    private readonly RegionEndpoint _region;
    private readonly AWSCredentials _credentials;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ElbV2RetryPolicy _retry;
    private readonly Func<double> _jitter;

    public ElbV2QueryClient(Uri endpoint, string region, AWSCredentials credentials, HttpClient http, TimeProvider time,
        ElbV2RetryPolicy? retry = null, Func<double>? jitter = null)
    {
        _endpoint = endpoint;
        _region = RegionEndpoint.GetBySystemName(region);
        _credentials = credentials;
        _http = http;
        _time = time;
        _retry = retry ?? ElbV2RetryPolicy.Default;
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    /// <summary>The endpoint for a region: <c>https://elasticloadbalancing.{region}.amazonaws.com[.cn]/</c>.</summary>
    public static Uri DefaultEndpoint(string region) =>
        new($"https://elasticloadbalancing.{region}.amazonaws.com{(region.StartsWith("cn-", StringComparison.Ordinal) ? ".cn" : "")}/");

    public async Task<IReadOnlyList<ElbRule>> DescribeRulesAsync(IReadOnlyList<string> ruleArns, CancellationToken cancellationToken)
    {
        var parameters = ElbV2QueryWriter.Request("DescribeRules");
        ElbV2QueryWriter.AddList(parameters, "RuleArns", ruleArns);
        return ElbV2XmlReader.Rules(await CallAsync("DescribeRules", parameters, string.Join(", ", ruleArns), cancellationToken).ConfigureAwait(false));
    }

    public async Task<ElbRule> ModifyRuleActionsAsync(string ruleArn, IReadOnlyList<ElbAction> actions, CancellationToken cancellationToken)
    {
        var parameters = ElbV2QueryWriter.Request("ModifyRule");
        parameters.Add(new("RuleArn", ruleArn));
        ElbV2QueryWriter.AddActions(parameters, actions);
        var rules = ElbV2XmlReader.Rules(await CallAsync("ModifyRule", parameters, ruleArn, cancellationToken).ConfigureAwait(false));
        return rules.Count == 1 ? rules[0] : throw new CutoverException(CutoverErrorIds.TrafficProviderError, CutoverErrorKind.ProtocolError,
            $"ModifyRule answered {rules.Count} rules instead of the modified one.", ruleArn);
    }

    public async Task<IReadOnlyList<ElbTargetHealthDescription>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken)
    {
        var parameters = ElbV2QueryWriter.Request("DescribeTargetHealth");
        parameters.Add(new("TargetGroupArn", targetGroupArn));
        return ElbV2XmlReader.TargetHealth(await CallAsync("DescribeTargetHealth", parameters, targetGroupArn, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<ElbTargetGroup>> DescribeTargetGroupsAsync(IReadOnlyList<string> targetGroupArns, CancellationToken cancellationToken)
    {
        var parameters = ElbV2QueryWriter.Request("DescribeTargetGroups");
        ElbV2QueryWriter.AddList(parameters, "TargetGroupArns", targetGroupArns);
        return ElbV2XmlReader.TargetGroups(await CallAsync("DescribeTargetGroups", parameters, string.Join(", ", targetGroupArns), cancellationToken)
            .ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<ElbAttribute>> DescribeTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken)
    {
        var parameters = ElbV2QueryWriter.Request("DescribeTargetGroupAttributes");
        parameters.Add(new("TargetGroupArn", targetGroupArn));
        return ElbV2XmlReader.Attributes(await CallAsync("DescribeTargetGroupAttributes", parameters, targetGroupArn, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<ElbAttribute>> ModifyTargetGroupAttributesAsync(string targetGroupArn, IReadOnlyList<ElbAttribute> attributes,
        CancellationToken cancellationToken)
    {
        var parameters = ElbV2QueryWriter.Request("ModifyTargetGroupAttributes");
        parameters.Add(new("TargetGroupArn", targetGroupArn));
        ElbV2QueryWriter.AddAttributes(parameters, attributes);
        return ElbV2XmlReader.Attributes(await CallAsync("ModifyTargetGroupAttributes", parameters, targetGroupArn, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>One operation: up to <see cref="ElbV2RetryPolicy.MaxAttempts"/> signed attempts; the result element of the first success.</summary>
    private async Task<System.Xml.Linq.XElement> CallAsync(string operation, List<KeyValuePair<string, string>> parameters, string target,
        CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
        for (var attempt = 1; ; attempt++)
        {
            CutoverException failure;
            try
            {
                var (status, text) = await SendAsync(body, cancellationToken).ConfigureAwait(false);
                if (status == HttpStatusCode.OK)
                {
                    Trace($"{operation} attempt {attempt}: OK");
                    return ElbV2XmlReader.Result(text, operation);
                }
                failure = ToException(operation, target, (int)status, text);
            }
            catch (HttpRequestException e)
            {
                failure = Unreachable(operation, target, e.Message, e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = Unreachable(operation, target, $"no answer within {_retry.AttemptTimeout.TotalSeconds:0} s", e);
            }

            var code = failure is AwsServiceException aws ? aws.AwsErrorCode : failure.ErrorId;
            if (!failure.IsTransient || attempt >= _retry.MaxAttempts)
            {
                Trace($"{operation} attempt {attempt}: {code}, giving up");
                throw failure;
            }
            var delay = _retry.Delay(attempt, _jitter());
            Trace($"{operation} attempt {attempt}: {code}, retrying in {delay.TotalMilliseconds:0} ms");
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One line per attempt (operation, attempt number, outcome) on the Debug stream of the call in progress.</summary>
    private static void Trace(string message) => CutoverHostScope.Current?.WriteDebug($"ELBv2 {message}");

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = _endpoint, Content = body };
        signing.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        AWSSigningResult signed;
        try
        {
            signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters
            {
                Credentials = _credentials,
                Region = _region,
                Service = SigningService,
                SignPayload = true,
                SignedAt = _time.GetUtcNow().UtcDateTime,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw new CutoverException(CutoverErrorIds.AwsCredentialsUnavailable, CutoverErrorKind.PermissionDenied,
                $"The request could not be signed: the AWS credentials are unavailable ({e.Message}).", "AWS credentials",
                "Refresh the credentials (e.g. aws sso login) and try again.", innerException: e);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        foreach (var (name, value) in signed.Headers)
        {
            if (!name.Equals("host", StringComparison.OrdinalIgnoreCase) && !name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("content-length", StringComparison.OrdinalIgnoreCase))
                request.Headers.TryAddWithoutValidation(name, value);
        }

        using var deadline = SharedHttpClients.Deadline(_retry.AttemptTimeout, cancellationToken, _time);
        using var response = await _http.SendAsync(request, deadline.Token).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false));
    }

    /// <summary>An error answer as an <see cref="AwsServiceException"/>; a body that is no ErrorResponse gets code <c>HttpNNN</c>.</summary>
    public static CutoverException ToException(string operation, string target, int status, string body)
    {
        var error = ElbV2XmlReader.Error(body);
        var code = error?.Code ?? $"Http{status}";
        var message = error?.Message ?? $"HTTP {status} without an ELBv2 error document";
        return new AwsServiceException(code, message, status, error?.RequestId, operation, target, ElbV2RetryPolicy.IsTransient(code, status),
            RecommendationFor(code));
    }

    private static string? RecommendationFor(string code) => code switch
    {
        "RuleNotFound" => "Check Traffic.AwsAlb.ListenerRuleArn in the plan and the region: the rule does not exist there.",
        "TargetGroupNotFound" => "Check Traffic.AwsAlb.BlueTargetGroupArn/GreenTargetGroupArn in the plan and the region.",
        "AccessDenied" => "Grant elasticloadbalancing:Describe* and ModifyRule/ModifyTargetGroupAttributes to the identity used.",
        "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredToken" or "RequestExpired" => "Check the AWS credentials (profile, keys, clock).",
        _ when ElbV2RetryPolicy.ThrottlingCodes.Contains(code) => "The service is throttling; try again in a minute.",
        _ => null,
    };

    private static CutoverException Unreachable(string operation, string target, string problem, Exception inner) =>
        new(CutoverErrorIds.TrafficProviderUnreachable, CutoverErrorKind.ConnectionError, $"AWS {operation} could not reach the ELBv2 endpoint: {problem}.",
            target, "Check the network path to the endpoint (Traffic.AwsAlb.EndpointUrl or the region's endpoint).", isTransient: true,
            innerException: inner);
}
