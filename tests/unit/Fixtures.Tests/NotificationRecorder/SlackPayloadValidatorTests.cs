using System.Text.Json;
using NotificationRecorder.Channels;

namespace Fixtures.Tests.NotificationRecorder;

public class SlackPayloadValidatorTests
{
    [Theory]
    [InlineData("""{"text":"Cutover to green started"}""")]
    [InlineData("""{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*done*"}}]}""")]
    [InlineData("""{"text":"fallback","blocks":[{"type":"divider"}]}""")]
    public void Text_or_typed_blocks_are_valid(string json) =>
        Assert.True(SlackPayloadValidator.IsValid(JsonDocument.Parse(json).RootElement));

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"text":"  "}""")]
    [InlineData("""{"text":42}""")]
    [InlineData("""{"blocks":[]}""")]
    [InlineData("""{"blocks":{"type":"section"}}""")]
    [InlineData("""{"text":"ok","blocks":[{"text":"no type"}]}""")]
    [InlineData("""{"blocks":["section"]}""")]
    [InlineData("""["text"]""")]
    public void Anything_else_is_invalid(string json) =>
        Assert.False(SlackPayloadValidator.IsValid(JsonDocument.Parse(json).RootElement));
}
