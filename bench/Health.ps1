#Requires -Version 7.6
<#
.SYNOPSIS
Times Test-CutoverHealth with all checks at once (concurrent) against the same checks run one after another.

.DESCRIPTION
Against a running sandbox ($env:CUTOVER_SANDBOX_DIR), with the load generator sending 20 req/s to each app so the
metric checks have data: -Repeat times, one Test-CutoverHealth of both environments (all ten checks concurrently),
then each check on its own (Test-CutoverHealth -Check <one>) one after another. Prints the median of each, the
ratio, and the slowest single check. A warm-up run first loads the module's dependencies.

.EXAMPLE
dotnet pwsh -NoProfile -File bench/Health.ps1 -ModulePath ./out/Cutover/Cutover.psd1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Cutover/Cutover.psd1'),
    [string] $SandboxDir = $env:CUTOVER_SANDBOX_DIR,
    [ValidateRange(1, 50)] [int] $Repeat = 5
)
. (Join-Path $PSScriptRoot 'Helpers/BenchSandbox.ps1')

$plan = Import-CutoverPlan -Path $sbx.plans.haproxy
$checks = [Enum]::GetNames([Cutover.HealthCheckKind])
$loads = foreach ($app in $sbx.urls.appBlue, $sbx.urls.appGreen) { Start-SandboxLoad -Sandbox $sbx -Url "$app/api/status" -Rate 20 -DurationSec 600 }
try {
    Start-Sleep -Seconds 6   # the load generator's start-up plus the 4 s metric window
    $warm = Test-CutoverHealth -Plan $plan | Where-Object { $_ -is [Cutover.CutoverHealthReport] }
    Write-Output "Warm-up: $warm"

    $concurrent = [System.Collections.Generic.List[double]]::new()
    $sequential = [System.Collections.Generic.List[double]]::new()
    $single = @{}
    foreach ($check in $checks) { $single[$check] = [System.Collections.Generic.List[double]]::new() }
    for ($i = 0; $i -lt $Repeat; $i++) {
        $concurrent.Add((Measure-Command { $null = Test-CutoverHealth -Plan $plan }).TotalMilliseconds)
        $total = 0.0
        foreach ($check in $checks) {
            $ms = (Measure-Command { $null = Test-CutoverHealth -Plan $plan -Check $check }).TotalMilliseconds
            $single[$check].Add($ms)
            $total += $ms
        }
        $sequential.Add($total)
    }
}
finally {
    foreach ($load in $loads) { $null = Stop-SandboxLoad $load }
}

$perCheck = foreach ($check in $checks) { Get-Summary "-Check $check alone" $single[$check] }
$totals = (Get-Summary 'all checks concurrently' $concurrent), (Get-Summary 'each check one after another' $sequential)
@($totals) + @($perCheck | Sort-Object MedianMs -Descending) | Format-Table -AutoSize | Out-String | Write-Output
$slowest = $perCheck | Sort-Object MedianMs -Descending | Select-Object -First 1
$concurrentMs = $totals[0].MedianMs
$sequentialMs = $totals[1].MedianMs
[pscustomobject]@{
    Repeat           = $Repeat
    ConcurrentMs     = [Math]::Round($concurrentMs, 1)
    SequentialMs     = [Math]::Round($sequentialMs, 1)
    SlowestCheck     = $slowest.Measurement
    SlowestCheckMs   = $slowest.MedianMs
    SequentialRatio  = [Math]::Round($sequentialMs / $concurrentMs, 2)
    ConcurrentVsSlowest = [Math]::Round($concurrentMs / $slowest.MedianMs, 2)
} | Format-List | Out-String | Write-Output
