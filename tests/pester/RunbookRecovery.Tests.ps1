# The runbook's recovery paths on the sandbox (HAProxy plan): its process killed mid-stage (kill -9 to its process
# group, once the journal shows the first stage's shift verified), then Invoke-CutoverRollback from a fresh process
# or -Resume; and Ctrl+C (a stopped pipeline) rolling back through the runbook's finally.
BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Helpers/SandboxRunbook.ps1')
    $script:planPath = $sbx.plans.haproxy
    $script:plan = Import-CutoverPlan -Path $planPath

    function script:Reset-Sandbox {
        Clear-BlueFault
        Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Force -Confirm:$false
    }

    # The runbook's own lock on the traffic target: taken and released at once, or the test fails with LockHeld.
    function script:Assert-RunbookLockFree {
        $lock = & (Get-Module Cutover) { param($p) & { [CmdletBinding()] param($p) Lock-RunbookTarget -Plan $p -RunId 'lock-probe' -Cmdlet $PSCmdlet } $p } $plan
        $lock | Should -Not -BeNullOrEmpty
        $lock.Dispose()
        $engineLock = Get-CutoverLock -Plan $plan
        ($engineLock.IsHeld -and -not $engineLock.IsStale) | Should -BeFalse -Because "the engine lock is free or stale ($engineLock)"
    }
}

Describe 'A runbook on the sandbox that does not finish' -Tag Integration {
    # Every test starts on green with no fault, no critical alert, and user traffic running.
    BeforeEach {
        Reset-Sandbox
        Wait-NoCriticalAlert
        $script:loads = Start-RunbookTraffic
    }
    AfterEach {
        if ($loads) { $null = Stop-RunbookTraffic $loads }
        Reset-Sandbox
    }

    Context 'killed mid-stage' {
        It 'is rolled back by Invoke-CutoverRollback -Plan from a fresh process, which journals it; -Resume then only rolls back' {
            $runId = Stop-RunbookMidStage -Plan $plan -PlanPath $planPath
            (Get-CutoverTrafficWeight -Plan $plan).Blue | Should -Be 50 -Because 'the killed run had shifted its first stage'
            Assert-RunbookLockFree

            $rollback = Invoke-FreshPwsh -Script ("`$VerbosePreference = 'Continue'; Import-Module '$env:CUTOVER_MODULE_PATH'; " +
                "`$r = Invoke-CutoverRollback -Plan '$planPath' -Reason 'The runbook process was killed.' -Confirm:`$false; if (-not `$r.Success) { exit 3 }")
            $rollback.ExitCode | Should -Be 0 -Because ($rollback.Output -join "`n")
            Assert-NoSecret $rollback.Output

            (Get-CutoverTrafficWeight -Plan $plan).Green | Should -Be 100
            Assert-Split 0
            $entries = @(Get-CutoverJournal -Plan $plan -RunId $runId | Where-Object Kind -EQ Rollback)
            $entries.Count | Should -BeGreaterThan 1 -Because 'each rollback step and the result are journaled in the killed run'
            $entries[-1].Name | Should -Be 'RollbackResult'
            $entries[-1].Status | Should -Be 'Verified'
            $entries[-1].Message | Should -Be 'The runbook process was killed.'

            # The run was rolled back: -Resume does not continue it, it rolls back (again, verified) and ends the run.
            { Invoke-CutoverRunbook -Plan $plan -Resume -Confirm:$false } | Should -Throw -ErrorId 'RunbookFailed,Invoke-CutoverRunbook'
            (Get-CutoverTrafficWeight -Plan $plan).Green | Should -Be 100
            $journal = @(Get-CutoverJournal -Plan $plan -RunId $runId)
            ($journal | Where-Object { $_.Kind -eq 'Step' -and $_.Name -eq 'Resume check' }).Status | Should -Be 'Failed'
            $journal[-1].Kind | Should -Be 'RunEnded'
            $journal[-1].Status | Should -Be 'RolledBack'
            Assert-RunbookLockFree
        }

        It 'is continued by -Resume from its unfinished stage to the end, with zero failed requests' {
            $runId = Stop-RunbookMidStage -Plan $plan -PlanPath $planPath

            $steps = @(Invoke-CutoverRunbook -Plan $plan -Resume -Confirm:$false)
            $reports = @(Stop-RunbookTraffic $loads); $script:loads = $null

            $steps.Status | Should -Not -Contain 'Failed'
            $steps[0].Name | Should -Be 'Resume check'
            $steps[1].Name | Should -Be 'Stage 1 (50%) shift' -Because 'the stage whose gate had not passed is baked again'
            $steps[-1].Name | Should -Be 'Done'
            @($steps.RunId | Select-Object -Unique) | Should -Be @($runId)
            (Get-CutoverTrafficWeight -Plan $plan).Blue | Should -Be 100
            $reports[0].failed | Should -Be 0 -Because "no user request may fail ($($reports[0] | ConvertTo-Json -Compress -Depth 3))"
            $journal = @(Get-CutoverJournal -Plan $plan -RunId $runId)
            ($journal | Where-Object Kind -EQ WeightChange).Data.Blue | Should -Be @(50, 50, 100)
            @($journal | Where-Object { $_.Kind -eq 'Note' -and $_.Name -eq 'Resumed' }).Count | Should -Be 1
            $journal[-1].Kind | Should -Be 'RunEnded'
            $journal[-1].Status | Should -Be 'Completed'
        }

        It 'is rolled back by -Resume when the traffic no longer stands where the journal verified it' {
            $runId = Stop-RunbookMidStage -Plan $plan -PlanPath $planPath
            Set-CutoverTrafficWeight -Plan $plan -Blue 20 -Force -Confirm:$false

            { Invoke-CutoverRunbook -Plan $plan -Resume -Confirm:$false } | Should -Throw -ErrorId 'RunbookFailed,Invoke-CutoverRunbook'

            (Get-CutoverTrafficWeight -Plan $plan).Green | Should -Be 100
            Assert-Split 0
            $journal = @(Get-CutoverJournal -Plan $plan -RunId $runId)
            ($journal | Where-Object { $_.Kind -eq 'Step' -and $_.Name -eq 'Resume check' }).Status | Should -Be 'Failed'
            ($journal | Where-Object { $_.Kind -eq 'Rollback' -and $_.Name -eq 'RollbackResult' }).Status | Should -Be 'Verified'
            $journal[-1].Status | Should -Be 'RolledBack'
            $journal[-1].Message | Should -BeLike "*Resume check*20%*"
        }
    }

    Context 'stopped like Ctrl+C' {
        It 'rolls back to green in its finally, journals why, and releases its lock' {
            $existing = Get-RunIds $plan
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript("Import-Module '$env:CUTOVER_MODULE_PATH'; Invoke-CutoverRunbook -Plan '$planPath' -Confirm:`$false")
                $invocation = $shell.BeginInvoke()
                $runId = Wait-StageVerified -Plan $plan -Existing $existing -Invocation $invocation
                $invocation.IsCompleted | Should -BeFalse -Because 'the runbook is baking its first stage'
                $shell.Stop()   # what Ctrl+C does: StopProcessing, then the runbook's finally runs
                $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            }
            finally { $shell.Dispose() }

            (Get-CutoverTrafficWeight -Plan $plan).Green | Should -Be 100
            Assert-Split 0
            $journal = @(Get-CutoverJournal -Plan $plan -RunId $runId)
            $result = $journal | Where-Object { $_.Kind -eq 'Rollback' -and $_.Name -eq 'RollbackResult' }
            $result.Status | Should -Be 'Verified'
            $result.Message | Should -BeLike 'The runbook was stopped during step *Stage 1 (50%)*'
            $journal[-1].Kind | Should -Be 'RunEnded'
            $journal[-1].Status | Should -Be 'RolledBack'
            $journal[-1].Message | Should -Be $result.Message
            Assert-RunbookLockFree
        }
    }
}
