function Invoke-CutoverRunbook {
    <#
    .SYNOPSIS
        Runs the whole cutover procedure for a plan: checks, baseline, decision, staged shifts with
        watched bake times, validation, retention; any failure rolls back to green.
    .DESCRIPTION
        Invoke-CutoverRunbook carries out the procedure's timeline as steps, each written as one
        Cutover.CutoverStepResult and journaled in the plan's state folder:

        pre-cutover health of both environments (stops if not ready) -> green baseline -> decision gate
        (the one confirmation; -Confirm:$false for automation) -> starting traffic verified (green 100%)
        -> for each stage of the plan: shift, watch for the bake time with the rollback triggers, then a
        gate before the next stage -> post-cutover validation (traffic on blue, error ratio, P95,
        database, queues, cache) -> the plan's smoke tests -> extended monitoring -> green kept hot for
        the retention window -> done.

        Once traffic may have moved, any failed step, fired trigger or Ctrl+C rolls back through
        Invoke-CutoverRollback, and the command then stops with a terminating error saying what happened
        and where the journal is. Before that, a failed step just stops the run: nothing had changed.
        Notifications go out at each milestone. A lock keeps two runbooks off the same traffic target.

        -WhatIf runs every read and check and changes nothing anywhere: no traffic, DNS, notification
        or journal change (each stage's watch takes a single sample).

        -Resume picks up the plan's last unfinished run after its process died: if the journal shows a
        verified traffic shift and no rollback, the traffic still stands where the journal last verified
        it, and blue is healthy,
        the run continues with the first stage whose gate had not passed (that stage's shift is
        repeated, which changes nothing, and its bake starts over); otherwise it rolls back and ends
        with a terminating error.
    .PARAMETER Plan
        The plan: a plan object from Import-CutoverPlan or the path of a plan file.
    .PARAMETER Resume
        Continues the plan's last unfinished run instead of starting a new one, or rolls it back.
    .PARAMETER IntervalSec
        Seconds between metric samples while a stage bakes. Defaults to the plan's scrape interval.
    .PARAMETER WhatIf
        A dry run: every read and check runs, nothing is changed anywhere (traffic, DNS, notifications, journal).
    .PARAMETER Confirm
        Asks at the decision gate (the default for this High-impact command); -Confirm:$false for automation.
    .EXAMPLE
        Invoke-CutoverRunbook -Plan ./plans/prod.psd1

        Runs the cutover interactively: asks once at the decision gate, then shifts traffic in the
        plan's stages, writing one line per step.
    .EXAMPLE
        Invoke-CutoverRunbook -Plan ./plans/prod.psd1 -Confirm:$false -ErrorAction Stop | Export-Csv steps.csv

        Runs unattended (automation), keeping the step table; a rollback ends in a terminating error.
    .EXAMPLE
        Invoke-CutoverRunbook -Plan ./plans/prod.psd1 -WhatIf

        A dry run: every health check, baseline and traffic read, no change anywhere.
    .EXAMPLE
        Invoke-CutoverRunbook -Plan ./plans/prod.psd1 -Resume -Confirm:$false

        After the runbook's process was killed: continues from the last verified step, or rolls back.
    .INPUTS
        Cutover.CutoverPlan
    .OUTPUTS
        Cutover.CutoverStepResult
    .LINK
        Invoke-CutoverRollback
    .LINK
        Get-CutoverJournal
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    [OutputType([Cutover.CutoverStepResult])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Cutover.Commands.Plans.CutoverPlanTransformation()]
        [Cutover.CutoverPlan] $Plan,

        [switch] $Resume,

        [ValidateRange(1, 3600)]
        [int] $IntervalSec
    )

    process {
        $dryRun = [bool]$WhatIfPreference
        if (-not $PSBoundParameters.ContainsKey('IntervalSec')) { $IntervalSec = $Plan.Monitoring.ScrapeIntervalSec }
        $resumeFrom = if ($Resume) { Get-RunbookResumePoint -Plan $Plan -Cmdlet $PSCmdlet } else { $null }
        $runId = if ($resumeFrom) { $resumeFrom.RunId } else { [Cutover.CutoverRunId]::Create() }
        $stages = @($Plan.Stages)
        $context = New-RunbookContext -Plan $Plan -RunId $runId -DryRun $dryRun -TotalSteps (8 + 3 * $stages.Count)
        $lock = if ($dryRun) { $null } else { Lock-RunbookTarget -Plan $Plan -RunId $runId -Cmdlet $PSCmdlet }
        $finished = $false
        try {
            if ($resumeFrom) {
                Write-RunbookJournal -Context $context -Kind Note -Name 'Resumed' -Message "Resumed by pid $PID after stage $($resumeFrom.StagesDone)."
                $context.TrafficMoved = $true
                Invoke-RunbookStep -Context $context -Name 'Resume check' -Action {
                    if ($resumeFrom.RolledBack) { throw 'The journal shows this run was already rolled back; a rolled-back cutover is not continued.' }
                    # Before its first verified shift the run had not passed its checks and decision for certain, and a
                    # shift may have been cut off half-way: nothing to continue, and a rollback makes sure green serves.
                    if (-not $resumeFrom.Shifted) { throw 'The journal shows no verified traffic shift; a run is continued only after one (start a new run).' }
                    $state = Get-CutoverTrafficWeight -Plan $Plan -ErrorAction Stop
                    if ($state.Blue -ne $resumeFrom.BluePercent) {
                        throw "Traffic stands at blue $($state.Blue)%, not at the $($resumeFrom.BluePercent)% the journal last verified; rolling back."
                    }
                    $blue = Get-HealthReport -Plan $Plan -Environment Blue -Check App
                    if (-not $blue.Ready) { throw "Blue is not healthy: $(Format-HealthProblem $blue)" }
                    "Traffic still at blue $($state.Blue)% as verified; blue healthy; continuing after stage $($resumeFrom.StagesDone)."
                }
            }
            else {
                Write-RunbookJournal -Context $context -Kind RunStarted -Name 'Run' -Status Started -Message "Runbook started by $([Environment]::UserName) on $([Environment]::MachineName)." `
                    -Data @{ Blue = $Plan.Environments.Blue.ExpectedVersion; Green = $Plan.Environments.Green.ExpectedVersion; Provider = "$($Plan.Traffic.Provider)"; Stages = @($stages.BluePercent) }

                Invoke-RunbookStep -Context $context -Name 'Pre-cutover health' -Action {
                    $report = Get-HealthReport -Plan $Plan -Environment Blue, Green
                    if (-not $report.Ready) { throw "Not ready: $(Format-HealthProblem $report)" }
                    "Both environments ready: $($report.Passed) passed, $($report.Warned) warned of $($report.Total) checks."
                }
                Invoke-RunbookStep -Context $context -Name 'Green baseline' -Action {
                    $context.Baseline = Get-CutoverBaseline -Plan $Plan -Environment Green -ErrorAction Stop
                    "Green baseline: $($context.Baseline.RequestRate) req/s, error ratio $($context.Baseline.ErrorRatio), P95 $($context.Baseline.P95Ms) ms."
                }
                Invoke-RunbookStep -Context $context -Name 'Decision gate' -Action {
                    $target = "$($Plan.Traffic.TargetKey): green $($Plan.Environments.Green.ExpectedVersion) -> blue $($Plan.Environments.Blue.ExpectedVersion) in stages $(($stages | ForEach-Object { "$($_.BluePercent)%" }) -join ', ')"
                    $go = $PSCmdlet.ShouldProcess($target, 'Cut over production traffic')
                    if ($dryRun) { return 'Dry run: the cutover would start here.' }
                    if (-not $go) { throw 'The cutover was declined at the decision gate.' }
                    Write-RunbookJournal -Context $context -Kind Decision -Name 'Go' -Status Approved -Message "Approved by $([Environment]::UserName)."
                    Send-RunbookNotification -Context $context -Event Started -Message "Cutover of $($Plan.Name) started."
                    'Go: the cutover window is open.'
                }
                Invoke-RunbookStep -Context $context -Name 'Starting traffic' -Action {
                    $state = Get-CutoverTrafficWeight -Plan $Plan -ErrorAction Stop
                    if ($state.Green -ne 100) { throw "Traffic is not all on green before the cutover: $state." }
                    "Verified: $state."
                }
            }

            $first = if ($resumeFrom) { $resumeFrom.StagesDone } else { 0 }
            for ($i = $first; $i -lt $stages.Count; $i++) {
                $stage = $stages[$i]
                $label = "Stage $($i + 1) ($($stage.BluePercent)%)"
                Invoke-RunbookStep -Context $context -Name "$label shift" -Action {
                    $context.TrafficMoved = -not $dryRun
                    $state = Set-CutoverTrafficWeight -Plan $Plan -Blue $stage.BluePercent -PassThru -Force -Confirm:$false -ErrorAction Stop
                    if ($dryRun) { return "Would shift to blue $($stage.BluePercent)%." }
                    Write-RunbookJournal -Context $context -Kind WeightChange -Name $label -Status Verified -Message "$state" -Data @{ Blue = $state.Blue; Green = $state.Green; Stage = $i + 1 }
                    "Verified: $state."
                }
                Invoke-RunbookStep -Context $context -Name "$label bake" -Action {
                    $duration = if ($dryRun) { $IntervalSec } else { $stage.BakeSec }
                    Invoke-RunbookWatch -Context $context -DurationSec $duration -IntervalSec $IntervalSec -BluePercent $stage.BluePercent
                }
                Invoke-RunbookStep -Context $context -Name "$label gate" -Action {
                    $report = Get-HealthReport -Plan $Plan -Environment Blue -Check App, ErrorRate, Latency
                    if (-not $report.Ready) { throw "Blue does not meet the gate: $(Format-HealthProblem $report)" }
                    Send-RunbookNotification -Context $context -Event StageCompleted -Message "$label baked cleanly." -BluePercent $stage.BluePercent
                    Write-RunbookJournal -Context $context -Kind Decision -Name "$label passed" -Status Approved -Message 'Error ratio and P95 within thresholds.'
                    "Blue within thresholds: $($report.Passed) of $($report.Total) checks passed."
                }
            }

            Invoke-RunbookStep -Context $context -Name 'Post-cutover validation' -Action {
                $state = Get-CutoverTrafficWeight -Plan $Plan -ErrorAction Stop
                $report = Get-HealthReport -Plan $Plan -Environment Blue -Check App, ErrorRate, Latency, Database, RabbitMq, Redis
                $onBlue = $state.Blue -eq 100 -or $dryRun
                $lines = @("traffic on blue: $(if ($onBlue) { 'pass' } else { 'fail' }) ($state)") +
                    @($report.Results | ForEach-Object { "$($_.Check): $($_.Status.ToString().ToLowerInvariant()) ($($_.Observed))" })
                if (-not $onBlue -or -not $report.Ready) { throw "Validation failed: $($lines -join '; ')" }
                $lines -join '; '
            }
            Invoke-RunbookStep -Context $context -Name 'Smoke tests' -Action { Invoke-RunbookSmokeTest -Plan $Plan }
            Invoke-RunbookStep -Context $context -Name 'Extended monitoring' -Action {
                if ($Plan.ExtendedMonitoringSec -le 0) { return [Cutover.StepStatus]::Skipped, 'The plan asks for no extended monitoring.' }
                Invoke-RunbookWatch -Context $context -DurationSec $(if ($dryRun) { $IntervalSec } else { $Plan.ExtendedMonitoringSec }) -IntervalSec $IntervalSec -BluePercent 100
            }
            Invoke-RunbookStep -Context $context -Name 'Green retention' -Action {
                $until = (Get-RunbookTime).AddMinutes($Plan.GreenRetentionMin)
                Write-RunbookJournal -Context $context -Kind Decision -Name 'Green kept hot' -Status Retained `
                    -Message "Green stays hot until $($until.ToString('u')); a rollback before then is a plain traffic flip. Green may be decommissioned after that." `
                    -Data @{ DecommissionAfter = $until.ToString('o') }
                "Green $($Plan.Environments.Green.ExpectedVersion) kept hot until $($until.ToString('u'))."
            }
            Invoke-RunbookStep -Context $context -Name 'Done' -Action {
                Send-RunbookNotification -Context $context -Event Completed -Message "Cutover of $($Plan.Name) completed: blue $($Plan.Environments.Blue.ExpectedVersion) serves all traffic." -BluePercent 100
                if ($dryRun) { 'Dry run complete: nothing was changed.' } else { "Cutover complete. Journal: $($context.Journal)" }
            }
            Write-RunbookJournal -Context $context -Kind RunEnded -Name 'Run' -Status Completed -Message 'The cutover completed.'
            $finished = $true
        }
        catch {
            $finished = $true
            Complete-RunbookFailure -Context $context -Failure $_ -Cmdlet $PSCmdlet
        }
        finally {
            try {
                if (-not $finished -and $context.TrafficMoved) {
                    # Ctrl+C or a stopped pipeline: the same rollback as a failed step. Its result is journaled;
                    # it cannot be written to a pipeline that is stopping.
                    $null = Invoke-RunbookRollback -Context $context -Reason "The runbook was stopped during step $($context.Step) ($($context.StepName))."
                }
                Write-Progress -Id 1 -Activity "Cutover $($Plan.Name)" -Completed
            }
            finally {
                if ($lock) { $lock.Dispose() }
            }
        }
    }
}
