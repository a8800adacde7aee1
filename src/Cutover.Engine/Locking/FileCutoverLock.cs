namespace Cutover.Engine.Locking;

/// <summary>
/// A lock file under the plan's State.Path, created with CreateNew (O_EXCL): whoever creates it holds it.
/// Its content names the holder. A holder process of this host that is gone leaves a stale file, which
/// the next acquirer takes over.
/// </summary>
public sealed class FileCutoverLock : ICutoverLock
{
    private readonly string _key;
    private readonly string _file;
    private readonly TimeProvider _time;
    private readonly Func<int, DateTimeOffset?> _processStartTime;
    private readonly TimeSpan _poll;

    public FileCutoverLock(string key, string statePath, TimeProvider time, Func<int, DateTimeOffset?>? processStartTime = null, TimeSpan? poll = null)
    {
        _key = key;
        _file = Path.Combine(statePath, "locks", Notifications.NotificationState.FileName(key) + ".lock");
        _time = time;
        _processStartTime = processStartTime ?? LockHolders.ProcessStartTime;
        _poll = poll ?? TimeSpan.FromMilliseconds(200);
    }

    public CutoverLockBackend Backend => CutoverLockBackend.File;

    public string Location => _file;

    public async Task<ICutoverLockHandle> AcquireAsync(string operation, TimeSpan wait, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var started = _time.GetTimestamp();
        var holder = LockHolders.ForThisProcess(_key, operation, _time);
        var content = LockHolders.Serialize(holder);
        var maxPolls = (int)Math.Min(100_000, wait / _poll + 1);
        for (var poll = 0; ; poll++)
        {
            if (TryCreate(content))
                return new Handle(this, holder, content);
            var current = ReadHolder(out var text);
            if (current is not null && LockHolders.IsStale(current, _processStartTime))
            {
                TakeOverStale(text!);
                continue;
            }
            if (_time.GetElapsedTime(started) >= wait || poll >= maxPolls)
                throw LockHolders.Held(_key, current, _time.GetElapsedTime(started), _time);
            await Task.Delay(_poll, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<CutoverLockState> GetStateAsync(CancellationToken cancellationToken)
    {
        var holder = ReadHolder(out var text);
        return Task.FromResult(new CutoverLockState
        {
            Key = _key,
            Backend = Backend,
            Location = _file,
            IsHeld = text is not null,
            Holder = holder,
            IsStale = holder is not null && LockHolders.IsStale(holder, _processStartTime),
        });
    }

    private bool TryCreate(string content)
    {
        try
        {
            using var stream = new FileStream(_file, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream);
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException e) when (e is not DirectoryNotFoundException and not PathTooLongException)
        {
            // exists (or existed a moment ago and was just released): the caller reads the holder and polls
            return false;
        }
    }

    private CutoverLockHolder? ReadHolder(out string? text)
    {
        try
        {
            text = File.ReadAllText(_file);
        }
        catch (FileNotFoundException)
        {
            text = null;
        }
        catch (DirectoryNotFoundException)
        {
            text = null;
        }
        catch (IOException)
        {
            // being written or moved this instant: held, holder not readable yet
            text = string.Empty;
        }
        return LockHolders.Parse(text);
    }

    /// <summary>
    /// Moves the stale file aside under a unique name (only one mover wins), then checks the moved file is
    /// the stale one; if a fresh holder's file was moved instead, it is put back.
    /// </summary>
    private void TakeOverStale(string staleText)
    {
        var aside = _file + "." + Guid.NewGuid().ToString("N") + ".stale";
        try
        {
            File.Move(_file, aside);
        }
        catch (IOException)
        {
            return;
        }
        string movedText;
        try
        {
            movedText = File.ReadAllText(aside);
        }
        catch (IOException)
        {
            movedText = string.Empty;
        }
        if (movedText == staleText)
        {
            File.Delete(aside);
            return;
        }
        try
        {
            File.Move(aside, _file, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(aside);
        }
    }

    /// <summary>Deletes the file if it still holds our content.</summary>
    private void Release(string content)
    {
        ReadHolder(out var text);
        if (text == content)
            File.Delete(_file);
    }

    private sealed class Handle(FileCutoverLock owner, CutoverLockHolder holder, string content) : ICutoverLockHandle
    {
        private int _released;

        public CutoverLockHolder Holder => holder;

        public bool IsHeld => Volatile.Read(ref _released) == 0;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                owner.Release(content);
            return ValueTask.CompletedTask;
        }
    }
}
