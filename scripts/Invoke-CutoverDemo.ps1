<#
.SYNOPSIS
    The demo: a full cutover of the sandbox's sample app through HAProxy, then a rollback drill.
.DESCRIPTION
    Expects a running sandbox (scripts/sandbox start). Steady user traffic goes through HAProxy and a
    light synthetic probe goes straight to blue (the procedure validates blue before it takes traffic).
    1. The full runbook with the plan's short bake times; the step table and the request outcome counts.
    2. The rollback drill: a second run, with errors injected into blue once it takes 50% of the traffic;
       the error-ratio trigger fires and the runbook rolls back automatically.
    3. The HTML report of the drill, and where it is.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $SandboxPath,
    [Parameter(Mandatory)][string] $ModulePath
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
. (Join-Path $PSScriptRoot 'lib/SandboxSession.ps1')
$sandbox = Import-SandboxSession $SandboxPath
$plan = Import-CutoverPlan -Path $sandbox.plans.haproxy
$front = "http://127.0.0.1:$($sandbox.ports.haproxyFrontend)/api/status"
$blue = "http://127.0.0.1:$($sandbox.ports.appBlue)"

function Start-Load([string] $Url, [int] $Rate) {
    Start-SandboxLoad -Sandbox $sandbox -Url $Url -Rate $Rate -DurationSec $budget -Concurrency 64 -WorkDir $work
}
function Show-Load($Report, [string] $Title) {
    Write-Host "`n$Title"
    Write-Host ("  requests {0}, failed {1} (timeouts {2}, connection errors {3}), achieved {4:N1} req/s, P95 {5} ms" -f $Report.total, $Report.failed, $Report.timeouts, $Report.connectionErrors, $Report.achievedRate, $Report.latencyMs.p95)
    Write-Host ("  by status:      {0}" -f (($Report.byStatus.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ', '))
    Write-Host ("  by environment: {0}" -f (($Report.byEnvironment.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ', '))
}

$work = Join-Path $SandboxPath 'demo'
$null = New-Item -ItemType Directory -Force -Path $work
$bake = ($plan.Stages | Measure-Object BakeSec -Sum).Sum
$budget = 240 + 3 * $bake

Write-Host "== Cutover demo: $($plan.Name), $($plan.Traffic.Provider), stages $(($plan.Stages | ForEach-Object { "$($_.BluePercent)%/$($_.BakeSec)s" }) -join ', ')"
Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Force -Confirm:$false
Invoke-RestMethod -Method Delete -Uri "$blue/admin/faults" | Out-Null

# 1. The full runbook, under load.
$userLoad = Start-Load -Url $front -Rate 40
$probe = Start-Load -Url "$blue/api/status" -Rate 10
Start-Sleep -Seconds (4 * $plan.Monitoring.ScrapeIntervalSec + 2)   # give Prometheus a window of traffic
try {
    $steps = Invoke-CutoverRunbook -Plan $plan -Confirm:$false
}
finally {
    $userReport = Stop-SandboxLoad $userLoad; $probeReport = Stop-SandboxLoad $probe
}
Write-Host "`n== The runbook's steps"
$steps | Format-Table -AutoSize -Wrap | Out-Host
Show-Load $userReport 'User traffic through HAProxy during the cutover:'
Show-Load $probeReport 'Synthetic probe straight to blue:'
$run = (Get-CutoverJournal -Plan $plan -List | Select-Object -Last 1)
Write-Host "Journal: $($run.Path)"

# 2. The rollback drill.
Write-Host "`n== Rollback drill: errors injected into blue at 50%"
Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Force -Confirm:$false
$userLoad = Start-Load -Url $front -Rate 40
$probe = Start-Load -Url "$blue/api/status" -Rate 10
Start-Sleep -Seconds (4 * $plan.Monitoring.ScrapeIntervalSec + 2)
$injector = Start-ThreadJob -ArgumentList $plan.State.Path, $plan.Name, "$blue/admin/faults" -ScriptBlock {
    param($state, $name, $faults)
    # Inject once the journal shows blue taking traffic in the drill's run.
    $deadline = [DateTime]::UtcNow.AddMinutes(5)
    $started = [DateTime]::UtcNow
    while ([DateTime]::UtcNow -lt $deadline) {
        $file = Get-ChildItem (Join-Path $state 'journal') -Filter "${name}_*.jsonl" | Where-Object LastWriteTimeUtc -GT $started | Sort-Object Name | Select-Object -Last 1
        if ($file -and (Select-String -LiteralPath $file.FullName -Pattern '"kind":"WeightChange"' -Quiet)) {
            Invoke-RestMethod -Method Post -Uri $faults -ContentType 'application/json' -Body '{"errorRatio":0.3}' | Out-Null
            return "injected at $([DateTime]::UtcNow.ToString('HH:mm:ss'))"
        }
        Start-Sleep -Milliseconds 250
    }
    'never injected: no weight change seen'
}
$drillSteps = @()
$failure = $null
try {
    Invoke-CutoverRunbook -Plan $plan -Confirm:$false -OutVariable drillSteps | Out-Null
}
catch {
    $failure = $_
}
finally {
    $userReport = Stop-SandboxLoad $userLoad; $null = Stop-SandboxLoad $probe
    Invoke-RestMethod -Method Delete -Uri "$blue/admin/faults" | Out-Null
}
Write-Host "Fault: $($injector | Receive-Job -Wait -AutoRemoveJob)"
$drillSteps | Format-Table -AutoSize -Wrap | Out-Host
Show-Load $userReport 'User traffic through HAProxy during the drill (the 5xx are the injected errors):'
if ($failure) { Write-Host "The runbook stopped as it should: $($failure.Exception.Message)" }
else { Write-Warning 'The drill did not roll back.' }
Write-Host "Traffic now: $(Get-CutoverTrafficWeight -Plan $plan)"

# 3. The report of the drill.
$drill = (Get-CutoverJournal -Plan $plan -List | Select-Object -Last 1)
$report = Join-Path $work "report-$($drill.RunId).html"
Export-CutoverReport -Plan $plan -RunId $drill.RunId -Format Html -Path $report -Force -Confirm:$false
Write-Host "`n== Report: $report"
