namespace Cutover.Engine.Traffic;

/// <summary>
/// What every traffic provider shares: read the current split; when it already is the requested one,
/// return it (a verified no-op); otherwise check, apply, and read back until the provider reports the
/// new split or the timeout passes.
/// </summary>
public sealed class TrafficSwitcher
{
    /// <summary>How often the provider is read back while a change is verified.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(200);

    private readonly ITrafficRouter _router;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;

    public TrafficSwitcher(ITrafficRouter router, TimeProvider time, TimeSpan? pollInterval = null)
    {
        _router = router;
        _time = time;
        _pollInterval = pollInterval ?? DefaultPollInterval;
    }

    /// <summary>True when <paramref name="state"/> sends exactly <paramref name="bluePercent"/>% to blue and the rest to green.</summary>
    public static bool Matches(CutoverTrafficState state, int bluePercent) =>
        state.Blue == bluePercent && state.Green == 100 - bluePercent;

    /// <summary>Moves traffic to <paramref name="bluePercent"/>% blue (green gets the rest) and returns the verified state.</summary>
    public async Task<CutoverTrafficState> SwitchAsync(int bluePercent, TimeSpan timeout, ICutoverHost host,
        CancellationToken cancellationToken)
    {
        if (bluePercent is < 0 or > 100)
            throw new CutoverException(CutoverErrorIds.TrafficWeightUnsupported, CutoverErrorKind.InvalidArgument,
                $"Blue must be a percentage from 0 to 100 (got {bluePercent}).", bluePercent);
        var provider = _router.Provider;
        var current = await _router.GetStateAsync(cancellationToken).ConfigureAwait(false);
        if (Matches(current, bluePercent))
        {
            host.WriteVerbose($"{provider} already sends blue {current.Blue}% / green {current.Green}% ({current.Raw}); nothing to change.");
            return current;
        }

        host.WriteVerbose($"{provider} shows blue {current.Blue}% / green {current.Green}% ({current.Raw}); moving to blue {bluePercent}% / green {100 - bluePercent}%.");
        await _router.EnsureCanApplyAsync(bluePercent, cancellationToken).ConfigureAwait(false);
        await _router.ApplyAsync(bluePercent, host, cancellationToken).ConfigureAwait(false);
        host.WriteVerbose($"{provider} accepted the change; reading it back for up to {timeout.TotalSeconds:0.#}s.");

        var (done, last) = await StatePoller.WaitForAsync(_router.GetStateAsync, s => Matches(s, bluePercent), timeout,
            _pollInterval, _time, cancellationToken).ConfigureAwait(false);
        if (!done)
            throw new CutoverException(CutoverErrorIds.TrafficVerificationTimeout, CutoverErrorKind.OperationTimeout,
                $"{provider} did not report blue {bluePercent}% / green {100 - bluePercent}% within {timeout.TotalSeconds:0.#}s; " +
                $"it still shows blue {last.Blue}% / green {last.Green}% ({last.Raw}).",
                provider, "Read the provider's state with Get-CutoverTrafficWeight and set the split again, or roll back.",
                isTransient: true);

        host.WriteInformation(
            $"Traffic on {provider} moved from blue {current.Blue}% / green {current.Green}% to blue {last.Blue}% / green {last.Green}%, verified ({last.Raw}).",
            "Audit", "Traffic");
        return last;
    }
}
