using System.Net;
using Amazon.Runtime;
using Cutover.Engine.Hosting;
using Cutover.Engine.Tests.Fakes;
using Cutover.Engine.Traffic.AwsAlb;
using Microsoft.Extensions.Time.Testing;

namespace Cutover.Engine.Tests.AwsAlb;

public sealed class ElbV2QueryClientTests
{
    /// <summary>Answers queued responses in order and records each request's form body and signing headers.</summary>
    private sealed class ScriptedHandler(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
    {
        private int _next;
        public List<(string Body, string Date, string Authorization)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((await request.Content!.ReadAsStringAsync(cancellationToken), request.Headers.GetValues("X-Amz-Date").Single(),
                request.Headers.GetValues("Authorization").Single()));
            var (status, body) = answers[Math.Min(_next++, answers.Length - 1)];
            return new HttpResponseMessage(status) { Content = new StringContent(body) };
        }
    }

    private static readonly string Ok = ElbV2Samples.Response("DescribeTargetGroupAttributes",
        "<Attributes><member><Key>deregistration_delay.timeout_seconds</Key><Value>30</Value></member></Attributes>");

    private static (ElbV2QueryClient Client, ScriptedHandler Handler, FakeTimeProvider Time) Create(params (HttpStatusCode, string)[] answers)
    {
        var handler = new ScriptedHandler(answers);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        var client = new ElbV2QueryClient(new Uri("http://127.0.0.1:9/"), "us-east-1", new BasicAWSCredentials("AKIDFAKEEXAMPLE", "fakeSecretKey/EXAMPLE"),
            new HttpClient(handler), time, new ElbV2RetryPolicy { MaxAttempts = 4, BaseDelay = TimeSpan.FromSeconds(1) }, () => 0.5);
        return (client, handler, time);
    }

    /// <summary>Runs the call, advancing fake time a second at a time until it ends (bounded).</summary>
    private static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> call)
    {
        for (var i = 0; i < 600 && !call.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromSeconds(1));
        }
        return await call;
    }

    [Fact]
    public async Task Throttled_twice_then_ok_succeeds_on_the_third_attempt_each_signed_anew()
    {
        var throttled = (HttpStatusCode.BadRequest, ElbV2Samples.Error("Throttling", "Rate exceeded"));
        var (client, handler, time) = Create(throttled, throttled, (HttpStatusCode.OK, Ok));

        var attributes = await RunAsync(time, client.DescribeTargetGroupAttributesAsync(ElbV2Samples.Blue, CancellationToken.None));

        Assert.Equal("30", Assert.Single(attributes).Value);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, handler.Requests.Select(r => r.Date).Distinct().Count());
        Assert.All(handler.Requests, r => Assert.Contains("/us-east-1/elasticloadbalancing/aws4_request", r.Authorization));
        Assert.StartsWith("Action=DescribeTargetGroupAttributes&Version=2015-12-01&TargetGroupArn=arn%3Aaws%3Aelasticloadbalancing%3A", handler.Requests[0].Body);
    }

    [Fact]
    public async Task Every_attempt_is_written_to_the_debug_stream_of_the_call_in_progress()
    {
        var throttled = (HttpStatusCode.BadRequest, ElbV2Samples.Error("Throttling", "Rate exceeded"));
        var (client, _, time) = Create(throttled, (HttpStatusCode.OK, Ok));
        var host = new RecordingHost();

        using (CutoverHostScope.Enter(host))
            await RunAsync(time, client.DescribeTargetGroupAttributesAsync(ElbV2Samples.Blue, CancellationToken.None));

        Assert.Equal(["ELBv2 DescribeTargetGroupAttributes attempt 1: Throttling, retrying in 750 ms", "ELBv2 DescribeTargetGroupAttributes attempt 2: OK"],
            host.Debug);
    }

    [Fact]
    public async Task A_permanent_error_is_not_retried_and_carries_the_aws_code()
    {
        var (client, handler, time) = Create((HttpStatusCode.BadRequest, ElbV2Samples.Error("RuleNotFound", "One or more rules not found")));

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => RunAsync(time, client.DescribeRulesAsync([ElbV2Samples.RuleArn], CancellationToken.None)));

        Assert.Single(handler.Requests);
        Assert.Equal(CutoverErrorIds.AwsServiceError, e.ErrorId);
        Assert.Equal("RuleNotFound", e.AwsErrorCode);
        Assert.Contains("RuleNotFound", e.Message);
        Assert.False(e.IsTransient);
        Assert.Equal(CutoverErrorKind.ObjectNotFound, e.Kind);
    }

    [Fact]
    public async Task Attempts_are_bounded_and_the_last_transient_error_is_reported()
    {
        var (client, handler, time) = Create((HttpStatusCode.ServiceUnavailable, ElbV2Samples.Error("ServiceUnavailable", "Service unavailable", "Receiver")));

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => RunAsync(time, client.DescribeTargetGroupAttributesAsync(ElbV2Samples.Blue, CancellationToken.None)));

        Assert.Equal(4, handler.Requests.Count);
        Assert.True(e.IsTransient);
        Assert.Equal("ServiceUnavailable", e.AwsErrorCode);
    }

    [Theory]
    [InlineData("Throttling", 400, true)]
    [InlineData("RequestLimitExceeded", 400, true)]
    [InlineData("InternalFailure", 500, true)]
    [InlineData("Http502", 502, true)]
    [InlineData("ValidationError", 400, false)]
    [InlineData("AccessDenied", 403, false)]
    [InlineData("TargetGroupNotFound", 400, false)]
    public void Only_throttling_and_5xx_are_transient(string code, int status, bool transient)
    {
        var e = Assert.IsType<AwsServiceException>(ElbV2QueryClient.ToException("ModifyRule", "rule", status,
            code.StartsWith("Http", StringComparison.Ordinal) ? "<html/>" : ElbV2Samples.Error(code, "m")));
        Assert.Equal(transient, e.IsTransient);
        Assert.Equal(code, e.AwsErrorCode);
        Assert.Contains(code, e.Message);
    }

    [Fact]
    public void Backoff_doubles_with_equal_jitter_and_is_capped()
    {
        var policy = new ElbV2RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) };
        Assert.Equal(TimeSpan.FromMilliseconds(100), policy.Delay(1, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(200), policy.Delay(1, 1));
        Assert.Equal(TimeSpan.FromMilliseconds(300), policy.Delay(2, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.Delay(10, 1));
    }
}
