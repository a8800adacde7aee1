# Shared by the runbook's sandbox tests (Runbook*.Tests.ps1). Dot-source it in BeforeAll after importing the module:
#   . (Join-Path $PSScriptRoot 'Helpers/SandboxRunbook.ps1')
# It loads SandboxTraffic.ps1 (the sandbox, its secrets and the load generator) and FreshPwsh.ps1, and defines the
# functions below in the caller's script scope.

. (Join-Path $PSScriptRoot 'SandboxTraffic.ps1')
. (Join-Path $PSScriptRoot 'FreshPwsh.ps1')

$script:blueApp = $sbx.urls.appBlue
$script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path

# User traffic through HAProxy and a light synthetic probe straight to blue (the procedure validates blue before it
# takes traffic, and an error ratio needs requests). Stop-RunbookTraffic returns the two reports, frontend first.
function script:Start-RunbookTraffic {
    $loads = @(
        Start-Load -DurationSec 900 -Rate 30
        Start-Load -DurationSec 900 -Rate 30 -Url "$blueApp/api/status"
    )
    Wait-RequestRate -Plan $script:plan
    $loads
}

function script:Stop-RunbookTraffic([object[]] $Loads) {
    foreach ($load in $Loads) { Stop-Load $load }
}

# Waits (bounded) until Prometheus has counted at least the plan's MinRequestCount requests per environment over the
# health checks' window (four scrape intervals), without a break for a whole window plus two seconds: requests left
# over from a load that just stopped leave the window by then, so the count is this load's.
function script:Wait-RequestRate([Cutover.CutoverPlan] $Plan) {
    $window = 4 * $Plan.Monitoring.ScrapeIntervalSec
    $query = "sum by (env) (increase(http_requests_total{job=`"orchestrator`"}[${window}s]))"
    $steady = 0
    for ($i = 0; $i -lt 120 -and $steady -lt $window + 2; $i++) {
        $result = (Invoke-RestMethod -Uri "$($sbx.urls.prometheus)/api/v1/query" -Body @{ query = $query }).data.result
        $counted = @($result | Where-Object { [double]$_.value[1] -ge $Plan.Thresholds.MinRequestCount } | ForEach-Object { $_.metric.env })
        $steady = if ('blue' -in $counted -and 'green' -in $counted) { $steady + 1 } else { 0 }
        Start-Sleep -Seconds 1
    }
    if ($steady -lt $window + 2) { throw "Prometheus did not count $($Plan.Thresholds.MinRequestCount) requests per environment steadily within 120 s" }
}

# The run ids of the plan's journals now; Wait-StageVerified looks only at runs not among them.
function script:Get-RunIds([Cutover.CutoverPlan] $Plan) {
    @(Get-ChildItem (Join-Path $Plan.State.Path 'journal') -Filter "$($Plan.Name)_*.jsonl" -ErrorAction Ignore |
            ForEach-Object { $_.BaseName.Substring($Plan.Name.Length + 1) })
}

# Polls (bounded) for a new run of the plan whose journal holds a verified weight change (a stage's shift is done);
# returns its run id. Stops early when the runbook, a -Process or a hosted -Invocation, has already ended.
function script:Wait-StageVerified([Cutover.CutoverPlan] $Plan, [string[]] $Existing, $Process, [IAsyncResult] $Invocation, [int] $TimeoutSec = 300) {
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSec)
    while ([datetime]::UtcNow -lt $deadline) {
        foreach ($runId in @(Get-RunIds $Plan | Where-Object { $_ -notin $Existing })) {
            # the runbook is appending to the file: a read that fails is read again at the next poll
            $shift = try {
                Get-CutoverJournal -Plan $Plan -RunId $runId -ErrorAction Stop | Where-Object { $_.Kind -eq 'WeightChange' -and $_.Status -eq 'Verified' }
            }
            catch { $null }
            if ($shift) { return $runId }
        }
        if ($Process -and $Process.HasExited) { throw "the runbook process ended (exit code $($Process.ExitCode)) before a stage was verified" }
        if ($Invocation -and $Invocation.IsCompleted) {
            $ended = Get-RunIds $Plan | Where-Object { $_ -notin $Existing } | ForEach-Object { Get-CutoverJournal -Plan $Plan -RunId $_ } |
                Where-Object Kind -EQ 'RunEnded' | Select-Object -Last 1
            throw "the hosted runbook ended before a stage was verified: $($ended.Message)"
        }
        Start-Sleep -Milliseconds 250
    }
    throw "no stage of $($Plan.Name) was verified in the journal within $TimeoutSec s"
}

# Runs Invoke-CutoverRunbook for the plan file in a new pwsh process of its own process group (setsid), its output
# going to $LogPath through sh (no .NET redirection, which the host cannot survive when the child is killed).
function script:Start-RunbookProcess([string] $PlanPath, [string] $LogPath) {
    $script = "`$ErrorActionPreference = 'Stop'; Import-Module '$env:CUTOVER_MODULE_PATH'; " +
        "Invoke-CutoverRunbook -Plan '$PlanPath' -Confirm:`$false | Format-Table -AutoSize | Out-String -Width 300"
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
    $start = [Diagnostics.ProcessStartInfo]::new('setsid')
    foreach ($argument in @('sh', '-c', 'log=$1; shift; exec "$@" >"$log" 2>&1', 'sh', $LogPath) + @(Get-FreshPwshCommand) +
        @('-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded)) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.WorkingDirectory = $repoRoot
    [Diagnostics.Process]::Start($start)
}

# kill -9 to the child's whole process group; never to this process's own group.
function script:Stop-ProcessGroup([Diagnostics.Process] $Process) {
    if ($Process.HasExited) { return }
    $group = [int](& ps -o pgid= -p $Process.Id).Trim()
    $own = [int](& ps -o pgid= -p $PID).Trim()
    $group | Should -Not -Be $own -Because 'the child runs in a process group of its own'
    & kill -9 -- "-$group"
    $Process.WaitForExit(30000) | Should -BeTrue -Because 'a killed process ends'
}

# Starts the runbook in a child process, waits until its first stage's shift is verified in the journal (so it is
# baking, traffic split), kills the process group, and returns the run id. Traffic must be running.
function script:Stop-RunbookMidStage([Cutover.CutoverPlan] $Plan, [string] $PlanPath) {
    $log = Join-Path $TestDrive "runbook-$([guid]::NewGuid().ToString('n')).log"
    $existing = Get-RunIds $Plan
    $process = Start-RunbookProcess -PlanPath $PlanPath -LogPath $log
    try { $runId = Wait-StageVerified -Plan $Plan -Existing $existing -Process $process }
    catch { throw "$_`n$(Get-Content -Raw $log -ErrorAction Ignore)" }
    finally { Stop-ProcessGroup $process }
    $process.Dispose()
    $runId
}
