# What the runbook's steps do besides calling one cmdlet: health reports, watches, notifications,
# smoke tests, the rollback, the failure path and finding where a killed run stood.

function Get-HealthReport {
    param([Parameter(Mandatory)][Cutover.CutoverPlan] $Plan, [Parameter(Mandatory)][Cutover.CutoverEnvironment[]] $Environment, [Cutover.HealthCheckKind[]] $Check)
    # Generous per-check timeouts: a gate must not fail on a slow answer, and a check that times out is still Unknown.
    $arguments = @{ Plan = $Plan; Environment = $Environment; TimeoutSec = 20; ErrorAction = 'Stop' }
    if ($Check) { $arguments.Check = $Check }
    # A report whose only problems are Unknown (a replica between two WAL replies, a window not yet filled) is asked
    # again, up to three times a scrape interval apart; a Fail is final, and an Unknown that stays is still not ready.
    for ($attempt = 1; ; $attempt++) {
        $report = Test-CutoverHealth @arguments | Where-Object { $_ -is [Cutover.CutoverHealthReport] } | Select-Object -Last 1
        if (-not $report -or $report.Ready -or $report.Failed -gt 0 -or $attempt -ge 3) { return $report }
        Write-Verbose "Health of $($Environment -join ' and ') has Unknown checks ($(Format-HealthProblem $report)); asking again (attempt $($attempt + 1) of 3)."
        Start-Sleep -Seconds $Plan.Monitoring.ScrapeIntervalSec
    }
}

function Format-HealthProblem {
    param([Parameter(Mandatory, Position = 0)][Cutover.CutoverHealthReport] $Report)
    $problems = @($Report.Results | Where-Object { $_.Status -in 'Fail', 'Unknown' } |
            ForEach-Object { "$($_.Environment) $($_.Check) $($_.Status): $($_.Message)" })
    if ($problems.Count -eq 0) { return 'no check ran' }
    $problems -join '; '
}

function Invoke-RunbookWatch {
    # Watches the environments that carry traffic at this split with the plan's triggers (a side with
    # no traffic has no ratio to judge, and its Unknowns would spend the error budget); a fired trigger
    # fails the step.
    param([Parameter(Mandatory)] $Context, [Parameter(Mandatory)][int] $DurationSec, [Parameter(Mandatory)][int] $IntervalSec, [Parameter(Mandatory)][int] $BluePercent)
    $environments = switch ($BluePercent) { 100 { 'Blue' } 0 { 'Green' } default { 'Blue', 'Green' } }
    $arguments = @{
        Plan = $Context.Plan; Environment = $environments; DurationSec = $DurationSec; IntervalSec = $IntervalSec; ErrorAction = 'Stop'
    }
    if (-not $Context.DryRun) { $arguments.RunId = $Context.RunId }
    if ($Context.Baseline) { $arguments.Baseline = $Context.Baseline }
    $output = @(Watch-CutoverMetric @arguments)
    $trigger = $output | Where-Object { $_ -is [Cutover.CutoverTrigger] } | Select-Object -First 1
    if ($trigger) { throw "Trigger fired: $($trigger.Reason)" }
    $samples = @($output | Where-Object { $_ -is [Cutover.CutoverMetricSample] })
    "$($samples.Count) sample(s) of $($environments -join ' and ') over $DurationSec s, no trigger fired."
}

function Send-RunbookNotification {
    # Milestone notices. A failing channel is a warning and a journal entry, never a reason to stop.
    param(
        [Parameter(Mandatory)] $Context,
        [Parameter(Mandatory)][Cutover.CutoverNotificationEvent] $Event,
        [Parameter(Mandatory)][string] $Message,
        [int] $BluePercent = -1
    )
    $arguments = @{
        Plan = $Context.Plan; Event = $Event; Message = $Message; RunId = $Context.RunId
        Confirm = $false; WhatIf = $Context.DryRun; ErrorAction = 'SilentlyContinue'; ErrorVariable = 'failures'
    }
    if ($BluePercent -ge 0) { $arguments.BluePercent = $BluePercent }
    $failures = $null
    foreach ($result in @(Send-CutoverNotification @arguments)) {
        Write-RunbookJournal -Context $Context -Kind Notification -Name "$($result.Channel) $Event" -Status "$($result.Status)" -Message $result.Detail
    }
    foreach ($failure in @($failures)) { if ($failure) { Write-Warning "Notification: $($failure.Exception.Message)" } }
}

function Invoke-RunbookSmokeTest {
    param([Parameter(Mandatory)][Cutover.CutoverPlan] $Plan)
    $files = @($Plan.SmokeTests)
    if ($files.Count -eq 0) { return [Cutover.StepStatus]::Skipped, 'The plan lists no smoke tests.' }
    if (-not (Get-Command Invoke-Pester -ErrorAction Ignore)) {
        throw 'The plan lists smoke tests, but Pester is not available in this session (Import-Module Pester first).'
    }
    $run = Invoke-Pester -Path $files -PassThru -Output None
    if ($run.FailedCount -gt 0 -or $run.PassedCount -eq 0) {
        $failed = @($run.Failed | ForEach-Object ExpandedName) -join '; '
        throw "Smoke tests: $($run.PassedCount) passed, $($run.FailedCount) failed. $failed"
    }
    "Smoke tests: $($run.PassedCount) passed in $($files.Count) file(s)."
}

function Invoke-RunbookRollback {
    param([Parameter(Mandatory)] $Context, [Parameter(Mandatory)][string] $Reason)
    if ($Context.DryRun) { return }
    Write-Warning "Rolling back: $Reason"
    $result = Invoke-CutoverRollback -Plan $Context.Plan -Reason $Reason -RunId $Context.RunId -Confirm:$false -ErrorAction Continue
    $outcome = if ($result -and $result.Success) { 'RolledBack' } else { 'RollbackFailed' }
    Write-RunbookJournal -Context $Context -Kind RunEnded -Name 'Run' -Status $outcome -Message $Reason
    $result
}

function Complete-RunbookFailure {
    # A failed step: roll back if traffic may have moved, tell everyone, then stop with one terminating error.
    param([Parameter(Mandatory)] $Context, [Parameter(Mandatory)] $Failure, [Parameter(Mandatory)] $Cmdlet)
    $reason = "Step '$($Context.FailedStep ?? 'unknown')' failed: $($Failure.Exception.Message)"
    if ($Context.TrafficMoved) {
        $rollback = Invoke-RunbookRollback -Context $Context -Reason $reason
        $what = if ($rollback -and $rollback.Success) { 'Traffic was rolled back to green and verified.' } else { 'The rollback could not be verified: check traffic now.' }
        $id = [Cutover.CutoverErrorIds]::RunbookFailed
    }
    else {
        if (-not $Context.DryRun) {
            Send-RunbookNotification -Context $Context -Event Failed -Message "Cutover of $($Context.Plan.Name) stopped before any traffic moved: $reason"
            Write-RunbookJournal -Context $Context -Kind RunEnded -Name 'Run' -Status Failed -Message $reason
        }
        $what = 'No traffic had moved.'
        $id = if ($Context.FailedStep -eq 'Pre-cutover health') { [Cutover.CutoverErrorIds]::RunbookNotReady } else { [Cutover.CutoverErrorIds]::RunbookFailed }
    }
    $journal = if ($Context.DryRun) { 'none (dry run)' } else { $Context.Journal }
    $exception = [Cutover.CutoverException]::new($id, [Cutover.CutoverErrorKind]::InvalidOperation,
        "$reason $what Journal: $journal", $Context.RunId, "Read the journal with Get-CutoverJournal -Plan <plan> -RunId $($Context.RunId).", $false, $Failure.Exception)
    $Cmdlet.ThrowTerminatingError([Management.Automation.ErrorRecord]::new($exception, $id, 'InvalidOperation', $Context.RunId))
}

function Get-RunbookResumePoint {
    # Where the plan's last unfinished run stood: the last verified split and the last stage whose gate passed.
    param([Parameter(Mandatory)][Cutover.CutoverPlan] $Plan, [Parameter(Mandatory)] $Cmdlet)
    $run = Get-CutoverJournal -Plan $Plan -List -ErrorAction Stop | Select-Object -Last 1
    if (-not $run -or $run.Outcome) {
        $exception = [Cutover.CutoverException]::new([Cutover.CutoverErrorIds]::JournalNotFound, [Cutover.CutoverErrorKind]::ObjectNotFound,
            "Plan '$($Plan.Name)' has no unfinished run to resume.", $Plan.Name, 'Start a new run without -Resume.', $false, $null)
        $Cmdlet.ThrowTerminatingError([Management.Automation.ErrorRecord]::new($exception, [Cutover.CutoverErrorIds]::JournalNotFound, 'ObjectNotFound', $Plan.Name))
    }
    $entries = @(Get-CutoverJournal -Plan $Plan -RunId $run.RunId -ErrorAction Stop)
    $lastShift = $entries | Where-Object { $_.Kind -eq 'WeightChange' -and $_.Status -eq 'Verified' } | Select-Object -Last 1
    $passed = @($entries | Where-Object { $_.Kind -eq 'Decision' -and $_.Name -like 'Stage * passed' })
    # A rollback (by the runbook or by Invoke-CutoverRollback from another process) ends the cutover: such a run is
    # never continued, only rolled back again.
    $rollback = $entries | Where-Object Kind -EQ 'Rollback' | Select-Object -Last 1
    [pscustomobject]@{
        RunId       = $run.RunId
        Shifted     = $null -ne $lastShift
        BluePercent = if ($lastShift) { [int]$lastShift.Data['Blue'] } else { 0 }
        StagesDone  = $passed.Count
        RolledBack  = $null -ne $rollback
    }
}
