# Keeps two runbooks off the same traffic target. The lock is an open file handle with FileShare.None:
# the operating system releases it when the process ends, however it ends, so a killed runbook
# never leaves a stale lock behind (rollbacks take their own, separate lock).

function Lock-RunbookTarget {
    param([Parameter(Mandatory)][Cutover.CutoverPlan] $Plan, [Parameter(Mandatory)][string] $RunId, [Parameter(Mandatory)] $Cmdlet)
    $folder = Join-Path $Plan.State.Path 'locks'
    $null = New-Item -ItemType Directory -Path $folder -Force
    $key = [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes($Plan.Traffic.TargetKey))).Substring(0, 16).ToLowerInvariant()
    $path = Join-Path $folder "runbook-$key.lock"
    try {
        $stream = [IO.File]::Open($path, [IO.FileMode]::OpenOrCreate, [IO.FileAccess]::ReadWrite, [IO.FileShare]::None)
    }
    catch [IO.IOException] {
        $holder = try { Get-Content -LiteralPath "$path.holder" -Raw -ErrorAction Stop } catch { 'a process whose details could not be read' }
        $exception = [Cutover.CutoverException]::new([Cutover.CutoverErrorIds]::LockHeld, [Cutover.CutoverErrorKind]::ResourceBusy,
            "Another runbook is running against $($Plan.Traffic.TargetKey): $holder", $Plan.Name,
            'Wait for it to finish, or stop it (its rollback then runs); a killed runbook releases the lock by itself.', $false, $null)
        $Cmdlet.ThrowTerminatingError([Management.Automation.ErrorRecord]::new($exception, [Cutover.CutoverErrorIds]::LockHeld, 'ResourceBusy', $Plan.Name))
    }
    # The holder's details sit beside the lock: the locked file itself cannot be read by others.
    Set-Content -LiteralPath "$path.holder" -Value "run $RunId, pid $PID on $([Environment]::MachineName) as $([Environment]::UserName), since $([DateTimeOffset]::UtcNow.ToString('u'))"
    $stream
}
