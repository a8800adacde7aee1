using NotificationRecorder.Recording;

namespace Fixtures.Tests.NotificationRecorder;

public class ChannelModesTests
{
    [Fact]
    public void Setting_all_changes_every_channel()
    {
        var modes = new ChannelModes();

        modes.Set(ChannelModes.Fail, ChannelModes.AllChannels);
        modes.Set(ChannelModes.Normal, "slack");

        Assert.Equal(ChannelModes.Fail, modes.Of("pagerduty"));
        Assert.Equal(ChannelModes.Normal, modes.Of("slack"));
        Assert.Equal(ChannelModes.Fail, modes.Of("statuspage"));
    }

    [Fact]
    public async Task A_held_request_is_released_when_its_channel_returns_to_normal()
    {
        var modes = new ChannelModes();
        modes.Set(ChannelModes.Hang, "pagerduty");

        var held = modes.WaitWhileHangingAsync("pagerduty", TimeSpan.FromSeconds(30), CancellationToken.None);
        modes.Set(ChannelModes.Hang, "slack");
        Assert.False(held.IsCompleted);
        modes.Set(ChannelModes.Normal, "pagerduty");

        Assert.True(await held.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_held_request_gives_up_at_the_limit()
    {
        var modes = new ChannelModes();
        modes.Set(ChannelModes.Hang, "slack");

        Assert.False(await modes.WaitWhileHangingAsync("slack", TimeSpan.FromMilliseconds(50), CancellationToken.None));
        Assert.True(await modes.WaitWhileHangingAsync("pagerduty", TimeSpan.FromMilliseconds(50), CancellationToken.None));
    }
}
