#Requires -Version 7.6
<#
.SYNOPSIS
Times a rollback from the trigger firing to traffic verified on green (HAProxy and ALB plans), and measures
the CPU and memory overhead of a 1 s-interval watch.

.DESCRIPTION
Against a running sandbox ($env:CUTOVER_SANDBOX_DIR), with the load generator sending requests through
HAProxy: for each plan (HAProxy, AWS ALB), -Repeat times: blue 50%, 50% errors injected into blue, then
Watch-CutoverMetric -AutoRollback. The figure is the time from the firing sample (the trigger's FiredAt)
to traffic verified on green (the rollback's StartedAt + TimeToTrafficVerified); also the whole
rollback's duration. Then a watch of -OverheadSamples samples at 1 s: the process CPU time it used per
sample and per second, the managed memory it allocated, and the working set before and after.
Restores: faults cleared, green 100%, recorder mode normal.

.EXAMPLE
dotnet pwsh -NoProfile -File bench/Rollback.ps1 -ModulePath ./out/Cutover/Cutover.psd1 -Repeat 5
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Cutover/Cutover.psd1'),
    [string] $SandboxDir = $env:CUTOVER_SANDBOX_DIR,
    [ValidateRange(1, 50)] [int] $Repeat = 5,
    [ValidateRange(5, 3600)] [int] $OverheadSamples = 60
)
. (Join-Path $PSScriptRoot 'Helpers/BenchSandbox.ps1')
$blueFaults = "http://127.0.0.1:$($sbx.ports.appBlue)/admin/faults"

$load = Start-SandboxLoad -Sandbox $sbx -Url "http://127.0.0.1:$($sbx.ports.haproxyFrontend)/api/status" -Rate 60 -DurationSec 3600
try {
    Start-Sleep -Seconds 5
    $rows = foreach ($provider in 'haproxy', 'alb') {
        $plan = Import-CutoverPlan -Path $sbx.plans.$provider
        $toGreen = [Collections.Generic.List[double]]::new()
        $total = [Collections.Generic.List[double]]::new()
        for ($i = 1; $i -le $Repeat; $i++) {
            try {
                Wait-SandboxNoCriticalAlert $sbx   # so that the run's own fault fires the trigger
                Set-CutoverTrafficWeight -Plan $plan -Blue 50 -Confirm:$false
                Invoke-RestMethod -Method Post -Uri $blueFaults -ContentType 'application/json' -Body '{"errorRatio":0.5}' | Out-Null
                $out = Watch-CutoverMetric -Plan $plan -DurationSec 120 -IntervalSec 1 -AutoRollback -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
                $trigger = @($out | Where-Object { $_ -is [Cutover.CutoverTrigger] })[0]
                $result = @($out | Where-Object { $_ -is [Cutover.CutoverRollbackResult] })[0]
                if (-not $trigger -or -not $result -or $null -eq $result.TimeToTrafficVerified) {
                    Write-Warning "$provider run ${i}: no trigger or no rollback result"
                    continue
                }
                $toGreen.Add((($result.StartedAt + $result.TimeToTrafficVerified) - $trigger.FiredAt).TotalMilliseconds)
                $total.Add($result.Duration.TotalMilliseconds)
            }
            catch {
                Write-Warning "$provider run ${i}: $($_.Exception.Message)"
                break
            }
            finally {
                Invoke-RestMethod -Method Delete -Uri $blueFaults | Out-Null
            }
        }
        if ($toGreen.Count -gt 0) {
            Get-Summary "$provider trigger fired -> traffic verified on green" $toGreen
            Get-Summary "$provider whole rollback (verification and notices included)" $total
        }
    }
    $rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Output

    # Both sides carry traffic, so that every sample judges real readings (a side without traffic reads Unknown).
    $haproxy = Import-CutoverPlan -Path $sbx.plans.haproxy
    Set-CutoverTrafficWeight -Plan $haproxy -Blue 50 -Confirm:$false
    Wait-SandboxNoCriticalAlert $sbx
    $process = [Diagnostics.Process]::GetCurrentProcess()
    [GC]::Collect()
    $process.Refresh()
    $cpuBefore = $process.TotalProcessorTime
    $workingSetBefore = $process.WorkingSet64
    $allocatedBefore = [GC]::GetTotalAllocatedBytes($true)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $samples = @(Watch-CutoverMetric -Plan $haproxy -Environment Blue, Green -DurationSec ($OverheadSamples - 1) -IntervalSec 1 -Continue -WarningAction SilentlyContinue |
        Where-Object { $_ -is [Cutover.CutoverMetricSample] })
    $clock.Stop()
    $process.Refresh()
    $cpu = ($process.TotalProcessorTime - $cpuBefore).TotalMilliseconds
    [pscustomobject]@{
        Samples = $samples.Count
        'Wall s' = '{0:0.0}' -f $clock.Elapsed.TotalSeconds
        'CPU ms/sample' = '{0:0.0}' -f ($cpu / [Math]::Max(1, $samples.Count))
        'CPU % of one core' = '{0:0.00}' -f (100 * $cpu / $clock.Elapsed.TotalMilliseconds)
        'Allocated KiB/sample' = '{0:0.0}' -f (([GC]::GetTotalAllocatedBytes($true) - $allocatedBefore) / 1KB / [Math]::Max(1, $samples.Count))
        'Working set MiB before/after' = '{0:0.0}/{1:0.0}' -f ($workingSetBefore / 1MB), ($process.WorkingSet64 / 1MB)
    } | Format-List | Out-String | Write-Output
}
finally {
    $null = Stop-SandboxLoad $load
    Invoke-RestMethod -Method Delete -Uri $blueFaults | Out-Null
    Invoke-RestMethod -Method Post -Uri "$($sbx.urls.recorder)/_recorder/mode" -ContentType 'application/json' -Body '{"mode":"normal"}' | Out-Null
    foreach ($provider in 'haproxy', 'alb') {
        try { Set-CutoverTrafficWeight -Plan (Import-CutoverPlan -Path $sbx.plans.$provider) -Blue 0 -Confirm:$false } catch { Write-Warning $_.Exception.Message }
    }
}
