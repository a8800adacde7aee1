#Requires -Version 7.6
<#
.SYNOPSIS
Times verified traffic shifts per provider and counts failed requests during back-and-forth shifts under load.

.DESCRIPTION
Against a running sandbox ($env:CUTOVER_SANDBOX_DIR): for each provider plan (HAProxy, DNS, and AWS ALB
when its provider is available), the median time of a verified Set-CutoverTrafficWeight over -Repeat
shifts between 0% and 100% blue; then, with the load generator sending 100 req/s through HAProxy,
-Shifts back-and-forth HAProxy shifts and the number of failed requests. Leaves green at 100%.

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
. (Join-Path $PSScriptRoot 'Helpers/Sandbox.ps1')

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

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
    [pscustomobject]@{
        Provider         = $provider
        Shifts           = $Repeat
        MedianMs         = [Math]::Round((Get-Median $times), 1)
        MinMs            = [Math]::Round(($times | Measure-Object -Minimum).Minimum, 1)
        MaxMs            = [Math]::Round(($times | Measure-Object -Maximum).Maximum, 1)
    }
}
$results | Format-Table -AutoSize | Out-String | Write-Output

# Failed requests during back-and-forth HAProxy shifts under load.
$plan = Import-CutoverPlan -Path $sbx.plans.haproxy
$out = Join-Path ([IO.Path]::GetTempPath()) "cutover-bench-load-$PID.json"
$duration = [Math]::Max(10, $Shifts)
$load = Start-Process -FilePath dotnet -PassThru -NoNewWindow -RedirectStandardOutput "$out.stdout" -ArgumentList @(
    (Join-Path $sbx.dataDir 'bin/LoadGenerator/LoadGenerator.dll'), '--url', "http://127.0.0.1:$($sbx.ports.haproxyFrontend)/api/status",
    '--rate', '100', '--duration', "$duration", '--json', '--out', $out)
try {
    Start-Sleep -Seconds 1
    $watch = [Diagnostics.Stopwatch]::StartNew()
    for ($i = 0; $i -lt $Shifts; $i++) {
        Set-CutoverTrafficWeight -Plan $plan -Blue $(if ($i % 2) { 0 } else { 100 }) -Confirm:$false
    }
    $shiftSeconds = $watch.Elapsed.TotalSeconds
    Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Confirm:$false
    if (-not $load.WaitForExit(($duration + 60) * 1000)) { throw 'the load generator did not finish' }
    $report = Get-Content $out -Raw | ConvertFrom-Json
    [pscustomobject]@{
        Provider       = 'haproxy'
        Shifts         = $Shifts
        ShiftSeconds   = [Math]::Round($shiftSeconds, 2)
        Requests       = $report.total
        Failed         = $report.failed
        Blue           = $report.byEnvironment.blue
        Green          = $report.byEnvironment.green
        P95Ms          = $report.latencyMs.p95
    } | Format-List | Out-String | Write-Output
}
finally {
    if (-not $load.HasExited) { $load.Kill() }
    Remove-Item $out, "$out.stdout" -ErrorAction Ignore
}
