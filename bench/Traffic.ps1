#Requires -Version 7.6
<#
.SYNOPSIS
Times verified traffic shifts per provider and counts failed requests during back-and-forth shifts under load.

.DESCRIPTION
Against a running sandbox ($env:CUTOVER_SANDBOX_DIR): for each provider plan (HAProxy, DNS, and AWS ALB
when its provider is available), the median time of a verified Set-CutoverTrafficWeight over -Repeat
shifts between 0% and 100% blue; then, with the load generator sending 100 req/s through HAProxy,
-Shifts back-and-forth shifts through HAProxy and through the ALB endpoint and the number of failed requests.
Leaves green at 100%.

.EXAMPLE
dotnet pwsh -NoProfile -File bench/Traffic.ps1 -ModulePath ./out/Cutover/Cutover.psd1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Cutover/Cutover.psd1'),
    [string] $SandboxDir = $env:CUTOVER_SANDBOX_DIR,
    [ValidateRange(1, 100)] [int] $Repeat = 7,
    [ValidateRange(2, 200)] [int] $Shifts = 20
)
. (Join-Path $PSScriptRoot 'Helpers/BenchSandbox.ps1')

$results = foreach ($provider in 'haproxy', 'dns', 'alb') {
    $plan = Import-CutoverPlan -Path $sbx.plans.$provider
    try {
        Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Confirm:$false
    }
    catch {
        Write-Warning "${provider}: skipped ($($_.FullyQualifiedErrorId): $($_.Exception.Message))"
        continue
    }
    $times = for ($i = 0; $i -lt $Repeat; $i++) {
        $blue = if ($i % 2) { 0 } else { 100 }
        (Measure-Command { Set-CutoverTrafficWeight -Plan $plan -Blue $blue -Confirm:$false }).TotalMilliseconds
    }
    Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Confirm:$false
    Get-Summary "$provider verified shift" $times
}
$results | Format-Table -AutoSize | Out-String -Width 200 | Write-Output

# Failed requests during back-and-forth shifts under load, for the providers whose changes real traffic follows
# (the sandbox's ALB endpoint applies its weights to HAProxy; DNS answers are not in the load's path).
foreach ($provider in 'haproxy', 'alb') {
    $plan = Import-CutoverPlan -Path $sbx.plans.$provider
    $load = Start-SandboxLoad -Sandbox $sbx -Url "http://127.0.0.1:$($sbx.ports.haproxyFrontend)/api/status" -Rate 100 -DurationSec 3600
    try {
        Start-Sleep -Seconds 2   # the generator's start, so every shift falls inside the load
        $watch = [Diagnostics.Stopwatch]::StartNew()
        for ($i = 0; $i -lt $Shifts; $i++) {
            Set-CutoverTrafficWeight -Plan $plan -Blue $(if ($i % 2) { 0 } else { 100 }) -Confirm:$false
        }
        $shiftSeconds = $watch.Elapsed.TotalSeconds
        Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Confirm:$false
        Start-Sleep -Seconds 1
    }
    finally {
        $report = Stop-SandboxLoad $load
    }
    [pscustomobject]@{
        Provider     = $provider
        Shifts       = $Shifts
        ShiftSeconds = [Math]::Round($shiftSeconds, 2)
        Requests     = $report.total
        Failed       = $report.failed
        Blue         = $report.byEnvironment.blue
        Green        = $report.byEnvironment.green
        P95Ms        = $report.latencyMs.p95
    } | Format-List | Out-String | Write-Output
}
