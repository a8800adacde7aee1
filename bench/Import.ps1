<#
.SYNOPSIS
    Measures how long the Cutover module takes to import and to run its first command.
.DESCRIPTION
    Starts -Count fresh pwsh processes for each measurement and prints the median, minimum and maximum:
    bare pwsh startup (wall clock), the whole 'import and first command' process (wall clock),
    Import-Module inside the process, and the first and second Import-CutoverPlan calls (the first one
    loads the engine from Dependencies/). Prints figures only; nothing is asserted.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Import.ps1 -ModulePath out/Cutover/Cutover.psd1 -Count 11
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Cutover/Cutover.psd1'),
    [string] $PlanPath = (Join-Path $PSScriptRoot '../examples/haproxy.psd1'),
    [ValidateRange(1, 101)][int] $Count = 9
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../tests/pester/Helpers/FreshPwsh.ps1')
. (Join-Path $PSScriptRoot 'Helpers/Summary.ps1')
$ModulePath = (Resolve-Path $ModulePath).Path
$PlanPath = (Resolve-Path $PlanPath).Path

# Inside each fresh process: time the import and the first two commands, print them as one JSON line.
$measure = @"
`$import = Measure-Command { Import-Module '$ModulePath' -ErrorAction Stop }
`$first = Measure-Command { `$null = Import-CutoverPlan -Path '$PlanPath' }
`$second = Measure-Command { `$null = Import-CutoverPlan -Path '$PlanPath' }
@{ Import = `$import.TotalMilliseconds; First = `$first.TotalMilliseconds; Second = `$second.TotalMilliseconds } | ConvertTo-Json -Compress
"@

$bare = [System.Collections.Generic.List[double]]::new()
$whole = [System.Collections.Generic.List[double]]::new()
$inside = [System.Collections.Generic.List[object]]::new()
for ($i = 1; $i -le $Count; $i++) {
    Write-Progress -Activity 'Measuring import' -Status "run $i of $Count" -PercentComplete (100 * ($i - 1) / $Count)
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $run = Invoke-FreshPwsh 'exit 0'
    $bare.Add($watch.Elapsed.TotalMilliseconds)
    if ($run.ExitCode -ne 0) { throw "bare pwsh failed: $($run.Output -join "`n")" }

    $watch.Restart()
    $run = Invoke-FreshPwsh $measure
    $whole.Add($watch.Elapsed.TotalMilliseconds)
    if ($run.ExitCode -ne 0) { throw "the module run failed: $($run.Output -join "`n")" }
    $inside.Add(($run.Output[-1] | ConvertFrom-Json))
}
Write-Progress -Activity 'Measuring import' -Completed

$results = @(
    Get-Summary 'pwsh startup, bare (wall)' $bare
    Get-Summary 'pwsh + import + 2 commands (wall)' $whole
    Get-Summary 'Import-Module (in process)' ($inside | ForEach-Object Import)
    Get-Summary 'first Import-CutoverPlan (loads the engine)' ($inside | ForEach-Object First)
    Get-Summary 'second Import-CutoverPlan' ($inside | ForEach-Object Second)
)
$overhead = ($results[1].MedianMs - $results[0].MedianMs)
$results | Format-Table -AutoSize | Out-String -Width 120
"Module overhead over bare startup (median wall): $([math]::Round($overhead, 1)) ms over $Count fresh processes each; $([Environment]::ProcessorCount) cores."
