using StackExchange.Redis;

namespace Cutover.Engine.Locking;

/// <summary>
/// A Redis lease: <c>SET key holder NX PX ttl</c>, renewed every third of the ttl while held, released
/// by a compare-and-delete script so a lease that expired and was taken by another is never removed.
/// </summary>
public sealed class RedisCutoverLock : ICutoverLock
{
    private const string RenewScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
    private const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private readonly string _key;
    private readonly RedisKey _redisKey;
    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly TimeSpan _poll;
    private readonly string _endpoint;

    public RedisCutoverLock(string key, IConnectionMultiplexer redis, string endpoint, TimeProvider time, TimeSpan? ttl = null, TimeSpan? poll = null)
    {
        _key = key;
        _redisKey = "cutover:lock:" + key;
        _redis = redis;
        _endpoint = endpoint;
        _time = time;
        _ttl = ttl ?? TimeSpan.FromSeconds(30);
        _poll = poll ?? TimeSpan.FromMilliseconds(200);
    }

    /// <summary>Connects to <paramref name="endpoint"/> (host:port); the caller disposes the connection.</summary>
    public static async Task<IConnectionMultiplexer> ConnectAsync(string endpoint, string? password)
    {
        var options = ConfigurationOptions.Parse(endpoint);
        options.Password = password;
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;
        options.ClientName = "cutover-lock";
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            throw new CutoverException(CutoverErrorIds.LockUnavailable, CutoverErrorKind.ConnectionError,
                $"Cannot reach the lock Redis at {endpoint}: {e.Message}", endpoint,
                "Check State.RedisLock and State.RedisLockPassword; without the lock no traffic change may start.", isTransient: true);
        }
    }

    public CutoverLockBackend Backend => CutoverLockBackend.Redis;

    public async Task<ICutoverLockHandle> AcquireAsync(string operation, TimeSpan wait, CancellationToken cancellationToken)
    {
        var database = _redis.GetDatabase();
        var started = _time.GetTimestamp();
        var holder = LockHolders.ForThisProcess(_key, operation, _time);
        var content = LockHolders.Serialize(holder);
        var maxPolls = (int)Math.Min(100_000, wait / _poll + 1);
        for (var poll = 0; ; poll++)
        {
            if (await database.StringSetAsync(_redisKey, content, _ttl, When.NotExists).ConfigureAwait(false))
                return new Handle(this, holder, content);
            if (_time.GetElapsedTime(started) >= wait || poll >= maxPolls)
            {
                var current = LockHolders.Parse(await database.StringGetAsync(_redisKey).ConfigureAwait(false));
                throw LockHolders.Held(_key, current, _time.GetElapsedTime(started), _time);
            }
            await Task.Delay(_poll, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<CutoverLockState> GetStateAsync(CancellationToken cancellationToken)
    {
        var value = await _redis.GetDatabase().StringGetAsync(_redisKey).ConfigureAwait(false);
        return new CutoverLockState
        {
            Key = _key,
            Backend = Backend,
            Location = $"redis {_endpoint} key {_redisKey}",
            IsHeld = value.HasValue,
            Holder = LockHolders.Parse(value),
        };
    }

    private async Task<bool> RenewAsync(string content) =>
        (long)await _redis.GetDatabase().ScriptEvaluateAsync(RenewScript, [_redisKey], [content, (long)_ttl.TotalMilliseconds]).ConfigureAwait(false) == 1;

    private async Task ReleaseAsync(string content) =>
        await _redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [_redisKey], [content]).ConfigureAwait(false);

    private sealed class Handle : ICutoverLockHandle
    {
        private readonly RedisCutoverLock _owner;
        private readonly string _content;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewal;
        private volatile bool _held = true;

        public Handle(RedisCutoverLock owner, CutoverLockHolder holder, string content)
        {
            _owner = owner;
            _content = content;
            Holder = holder;
            _renewal = RenewLoopAsync();
        }

        public CutoverLockHolder Holder { get; }

        public bool IsHeld => _held;

        private async Task RenewLoopAsync()
        {
            using var timer = new PeriodicTimer(_owner._ttl / 3, _owner._time);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    try
                    {
                        if (!await _owner.RenewAsync(_content).ConfigureAwait(false))
                        {
                            _held = false;
                            return;
                        }
                    }
                    catch (RedisException)
                    {
                        // Try again on the next tick; the lease outlives two missed renewals.
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_stop.IsCancellationRequested)
                return;
            _stop.Cancel();
            await _renewal.ConfigureAwait(false);
            if (_held)
                await _owner.ReleaseAsync(_content).ConfigureAwait(false);
            _held = false;
            _stop.Dispose();
        }
    }
}
