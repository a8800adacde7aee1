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
$sandbox = Get-Content -Raw (Join-Path $SandboxPath 'sandbox.json') | ConvertFrom-Json
foreach ($line in Get-Content (Join-Path $SandboxPath 'sandbox.env')) {
    if ($line -match "^export (\w+)='(.*)'$") { Set-Item -Path "env:$($Matches[1])" -Value $Matches[2] }
}
$plan = Import-CutoverPlan -Path $sandbox.plans.haproxy
$front = "http://127.0.0.1:$($sandbox.ports.haproxyFrontend)/api/status"
$blue = "http://127.0.0.1:$($sandbox.ports.appBlue)"

function Start-Load([string] $Url, [int] $Rate, [int] $DurationSec, [string] $Out) {
    Remove-Item $Out -ErrorAction Ignore
    Start-Process -FilePath dotnet -ArgumentList $sandbox.tools.loadGenerator, '--url', $Url, '--rate', $Rate, '--duration', $DurationSec,
        '--concurrency', 64, '--json', '--out', $Out -RedirectStandardOutput "$Out.log" -PassThru
}
function Stop-Load($Process) {
    # SIGINT: the load generator stops sending and writes its report.
    & kill -INT $Process.Id
    if (-not $Process.WaitForExit(30000)) { $Process.Kill($true) }
}
function Read-Load([string] $Out) {
    for ($i = 0; $i -lt 600 -and -not (Test-Path $Out); $i++) { Start-Sleep -Milliseconds 200 }
    Get-Content -Raw $Out | ConvertFrom-Json
}
function Show-Load($Report, [string] $Title) {
    Write-Host "`n$Title"
    Write-Host ("  requests {0}, failed {1}, connection errors {2}, achieved {3:N1} req/s" -f $Report.total, $Report.failed, $Report.connectionErrors, $Report.achievedRate)
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
$userLoad = Start-Load -Url $front -Rate 40 -DurationSec $budget -Out "$work/load-run.json"
$probe = Start-Load -Url "$blue/api/status" -Rate 10 -DurationSec $budget -Out "$work/probe-run.json"
Start-Sleep -Seconds (4 * $plan.Monitoring.ScrapeIntervalSec + 2)   # give Prometheus a window of traffic
try {
    $steps = Invoke-CutoverRunbook -Plan $plan -Confirm:$false
}
finally {
    Stop-Load $userLoad; Stop-Load $probe
}
Write-Host "`n== The runbook's steps"
$steps | Format-Table -AutoSize -Wrap | Out-Host
Show-Load (Read-Load "$work/load-run.json") 'User traffic through HAProxy during the cutover:'
Show-Load (Read-Load "$work/probe-run.json") 'Synthetic probe straight to blue:'
$run = (Get-CutoverJournal -Plan $plan -List | Select-Object -Last 1)
Write-Host "Journal: $($run.Path)"

# 2. The rollback drill.
Write-Host "`n== Rollback drill: errors injected into blue at 50%"
Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Force -Confirm:$false
$userLoad = Start-Load -Url $front -Rate 40 -DurationSec $budget -Out "$work/load-drill.json"
$probe = Start-Load -Url "$blue/api/status" -Rate 10 -DurationSec $budget -Out "$work/probe-drill.json"
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
    Stop-Load $userLoad; Stop-Load $probe
    Invoke-RestMethod -Method Delete -Uri "$blue/admin/faults" | Out-Null
}
Write-Host "Fault: $($injector | Receive-Job -Wait -AutoRemoveJob)"
$drillSteps | Format-Table -AutoSize -Wrap | Out-Host
Show-Load (Read-Load "$work/load-drill.json") 'User traffic through HAProxy during the drill (the 5xx are the injected errors):'
if ($failure) { Write-Host "The runbook stopped as it should: $($failure.Exception.Message)" }
else { Write-Warning 'The drill did not roll back.' }
Write-Host "Traffic now: $(Get-CutoverTrafficWeight -Plan $plan)"

# 3. The report of the drill.
$drill = (Get-CutoverJournal -Plan $plan -List | Select-Object -Last 1)
$report = Join-Path $work "report-$($drill.RunId).html"
Export-CutoverReport -Plan $plan -RunId $drill.RunId -Format Html -Path $report -Force -Confirm:$false
Write-Host "`n== Report: $report"
