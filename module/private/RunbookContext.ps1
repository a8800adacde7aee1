# The state one runbook run carries from step to step, and the step wrapper every step goes through.

function New-RunbookContext {
    param(
        [Parameter(Mandatory)][Cutover.CutoverPlan] $Plan,
        [Parameter(Mandatory)][string] $RunId,
        [Parameter(Mandatory)][bool] $DryRun,
        [Parameter(Mandatory)][int] $TotalSteps
    )
    [pscustomobject]@{
        Plan         = $Plan
        RunId        = $RunId
        DryRun       = $DryRun
        TotalSteps   = $TotalSteps
        Step         = 0
        StepName     = $null
        TrafficMoved = $false
        Baseline     = $null
        FailedStep   = $null
        Journal      = Join-Path $Plan.State.Path "journal/$($Plan.Name)_$RunId.jsonl"
    }
}

function Write-RunbookJournal {
    # Every journal write of the runbook: nothing is written under -WhatIf.
    param(
        [Parameter(Mandatory)] $Context,
        [Parameter(Mandatory)][Cutover.JournalEntryKind] $Kind,
        [Parameter(Mandatory)][string] $Name,
        [string] $Status,
        [string] $Message,
        [hashtable] $Data
    )
    if ($Context.DryRun) { return }
    $arguments = @{ Plan = $Context.Plan; RunId = $Context.RunId; Kind = $Kind; Name = $Name; Confirm = $false; ErrorAction = 'Stop' }
    if ($Status) { $arguments.Status = $Status }
    if ($Message) { $arguments.Message = $Message }
    if ($Data) { $arguments.Data = $Data }
    Write-CutoverJournal @arguments
}

function Invoke-RunbookStep {
    # Runs one step: progress, timing, journal, one CutoverStepResult. The action returns the step's
    # details (a string); it throws to fail the step, and the failure goes on to the runbook's handler.
    param(
        [Parameter(Mandatory)] $Context,
        [Parameter(Mandatory)][string] $Name,
        [Parameter(Mandatory)][scriptblock] $Action
    )
    $Context.Step++
    $Context.StepName = $Name
    Write-Progress -Id 1 -Activity "Cutover $($Context.Plan.Name) (run $($Context.RunId))" -Status $Name `
        -PercentComplete ([math]::Min(100, [int](100 * ($Context.Step - 1) / $Context.TotalSteps)))
    Write-Verbose "Step $($Context.Step): $Name"
    $started = Get-RunbookTime
    $status = if ($Context.DryRun) { [Cutover.StepStatus]::WhatIf } else { [Cutover.StepStatus]::Passed }
    try {
        $outcome = & $Action
        if ($outcome -is [Cutover.StepStatus]) { $status = $outcome; $details = 'Nothing to do.' }
        elseif ($outcome -is [array] -and $outcome.Count -eq 2 -and $outcome[0] -is [Cutover.StepStatus]) { $status = $outcome[0]; $details = [string]$outcome[1] }
        else { $details = ($outcome | ForEach-Object { "$_" }) -join ' ' }
    }
    catch {
        $details = $_.Exception.Message
        $Context.FailedStep = $Name
        $result = New-StepResult -Context $Context -Name $Name -Started $started -Status Failed -Details $details
        Write-RunbookJournal -Context $Context -Kind Step -Name $Name -Status Failed -Message $details
        $result
        throw
    }
    Write-RunbookJournal -Context $Context -Kind Step -Name $Name -Status $status -Message $details
    New-StepResult -Context $Context -Name $Name -Started $started -Status $status -Details $details
}

function New-StepResult {
    param($Context, [string] $Name, [DateTimeOffset] $Started, [Cutover.StepStatus] $Status, [string] $Details)
    [Cutover.CutoverStepResult]@{
        RunId = $Context.RunId; Plan = $Context.Plan.Name; Number = $Context.Step; Name = $Name
        Started = $Started; Finished = Get-RunbookTime; Status = $Status; Details = $Details
    }
}

function Get-RunbookTime {
    # The runbook's clock: step times and the retention deadline. One seam, so the sequencing tests run on a fake clock.
    [DateTimeOffset]::UtcNow
}
