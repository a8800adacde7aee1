# The runbook's sequencing on a fake clock, without services: the steps' order, the gates, a failure or fired trigger
# ending in a rollback, and where -Resume picks up. Every step's work is replaced by a mock in the module's scope
# (the health report, the watch, the weight setter and reader, the baseline, notifications, the journal writer, the
# rollback, the lock); Get-RunbookTime is the runbook's one clock, and a watch advances it by its duration, so a
# 60 s bake takes no time. docs/runbook.md says why the sequencing stays in the script function.
BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Helpers/ExamplePlan.ps1')
    $script:plan = Import-CutoverPlan -Path (New-ExamplePlanFile -Directory $TestDrive)

    # A real health report: blue's error rate passing, or failing with 0.05 > 0.01.
    function script:New-Report([bool] $Ready) {
        $result = [Cutover.CutoverHealthResult]@{
            Environment = 'Blue'; Check = 'ErrorRate'; Status = $(if ($Ready) { 'Pass' } else { 'Fail' }); Message = '0.05 > 0.01'
            Duration = [TimeSpan]::Zero; Timestamp = $script:clock
        }
        [Cutover.CutoverHealthReport]@{ Plan = $plan.Name; Results = [Cutover.CutoverHealthResult[]]@($result); StartedAt = $script:clock; Duration = [TimeSpan]::Zero }
    }

    # Fakes for every step's work; $script:log records what the runbook did, in order.
    function script:Initialize-Fakes {
        $script:clock = [DateTimeOffset]::new(2026, 1, 1, 12, 0, 0, [TimeSpan]::Zero)
        $script:log = [Collections.Generic.List[string]]::new()
        $script:journal = [Collections.Generic.List[object]]::new()
        $script:blue = 0
        Mock -ModuleName Cutover Get-RunbookTime { $script:clock }
        Mock -ModuleName Cutover Lock-RunbookTarget {
            $script:log.Add('lock')
            [pscustomobject]@{} | Add-Member -PassThru ScriptMethod Dispose { $script:log.Add('unlock') }
        }
        Mock -ModuleName Cutover Get-HealthReport { $script:log.Add("health $($Environment -join '+')"); New-Report $true }
        Mock -ModuleName Cutover Get-CutoverBaseline { [pscustomobject]@{ RequestRate = 30; ErrorRatio = 0; P95Ms = 20 } }
        Mock -ModuleName Cutover Get-CutoverTrafficWeight { [pscustomobject]@{ Blue = $script:blue; Green = 100 - $script:blue } }
        Mock -ModuleName Cutover Set-CutoverTrafficWeight {
            $script:log.Add("set $Blue")
            $script:blue = $Blue
            [pscustomobject]@{ Blue = $Blue; Green = 100 - $Blue }
        }
        Mock -ModuleName Cutover Invoke-RunbookWatch {
            $script:log.Add("watch $BluePercent% ${DurationSec}s")
            $script:clock = $script:clock.AddSeconds($DurationSec)
            'no trigger fired'
        }
        Mock -ModuleName Cutover Send-RunbookNotification { $script:log.Add("notify $Event") }
        Mock -ModuleName Cutover Write-RunbookJournal {
            if (-not $Context.DryRun) { $script:journal.Add([pscustomobject]@{ Kind = "$Kind"; Name = $Name; Status = $Status; Message = $Message; Data = $Data }) }
        }
        Mock -ModuleName Cutover Invoke-RunbookRollback {
            $script:log.Add("rollback: $Reason")
            $script:blue = 0
            $script:journal.Add([pscustomobject]@{ Kind = 'RunEnded'; Name = 'Run'; Status = 'RolledBack'; Message = $Reason; Data = $null })
            [pscustomobject]@{ Success = $true }
        }
    }

    $script:fullRun = @(
        'Pre-cutover health', 'Green baseline', 'Decision gate', 'Starting traffic',
        'Stage 1 (50%) shift', 'Stage 1 (50%) bake', 'Stage 1 (50%) gate',
        'Stage 2 (100%) shift', 'Stage 2 (100%) bake', 'Stage 2 (100%) gate',
        'Post-cutover validation', 'Smoke tests', 'Extended monitoring', 'Green retention', 'Done')
}

Describe 'Invoke-CutoverRunbook sequencing' -Tag Unit {
    BeforeEach { Initialize-Fakes }

    It 'runs the steps in the procedure''s order, each stage shifted, baked for its time and gated' {
        $steps = @(Invoke-CutoverRunbook -Plan $plan -Confirm:$false)

        $steps.Name | Should -Be $fullRun
        $steps.Status | Should -Not -Contain 'Failed'
        $steps.Number | Should -Be (1..$fullRun.Count)
        @($log | Where-Object { $_ -like 'set *' -or $_ -like 'watch *' }) | Should -Be @('set 50', 'watch 50% 60s', 'set 100', 'watch 100% 120s')
        $log[0] | Should -Be 'lock'
        $log[-1] | Should -Be 'unlock'
        $log | Should -Not -Contain 'rollback*'
        ($steps | Where-Object Name -EQ 'Stage 1 (50%) bake' | ForEach-Object { ($_.Finished - $_.Started).TotalSeconds }) | Should -Be 60
        ($steps | Where-Object Name -EQ 'Stage 2 (100%) bake' | ForEach-Object { ($_.Finished - $_.Started).TotalSeconds }) | Should -Be 120
        $retained = $journal | Where-Object Name -EQ 'Green kept hot'
        $retained.Data.DecommissionAfter | Should -Be $clock.AddMinutes(60).ToString('o') -Because 'green stays hot for the plan''s 60 minutes from the fake now'
        ($journal | Where-Object Kind -EQ WeightChange).Data.Blue | Should -Be @(50, 100)
        $journal[-1].Kind | Should -Be 'RunEnded'
        $journal[-1].Status | Should -Be 'Completed'
    }

    It 'stops before any traffic moves when an environment is not ready, and does not roll back' {
        Mock -ModuleName Cutover Get-HealthReport { New-Report $false }

        { $script:steps = Invoke-CutoverRunbook -Plan $plan -Confirm:$false } | Should -Throw -ErrorId 'RunbookNotReady,Invoke-CutoverRunbook'

        $log | Should -Not -Contain 'set*'
        Should -Invoke -ModuleName Cutover Set-CutoverTrafficWeight -Times 0 -Exactly
        Should -Invoke -ModuleName Cutover Invoke-RunbookRollback -Times 0 -Exactly
        $journal[-1].Status | Should -Be 'Failed'
        $log[-1] | Should -Be 'unlock'
    }

    It 'rolls back when a trigger fires during stage 1''s bake, and never shifts stage 2' {
        Mock -ModuleName Cutover Invoke-RunbookWatch {
            $script:clock = $script:clock.AddSeconds(12)
            throw 'Trigger fired: error ratio 0.3 > 0.1 for 30 s'
        }

        { Invoke-CutoverRunbook -Plan $plan -Confirm:$false } | Should -Throw -ErrorId 'RunbookFailed,Invoke-CutoverRunbook'

        @($log | Where-Object { $_ -like 'set *' }) | Should -Be @('set 50')
        @($log | Where-Object { $_ -like 'rollback*' }) | Should -Be @("rollback: Step 'Stage 1 (50%) bake' failed: Trigger fired: error ratio 0.3 > 0.1 for 30 s")
        ($journal | Where-Object { $_.Kind -eq 'Step' -and $_.Name -eq 'Stage 1 (50%) bake' }).Status | Should -Be 'Failed'
        $journal.Name | Should -Not -Contain 'Stage 2 (100%) shift'
        $journal[-1].Status | Should -Be 'RolledBack'
        $log[-1] | Should -Be 'unlock'
    }

    It 'rolls back when a stage''s gate fails' {
        Mock -ModuleName Cutover Get-HealthReport -ParameterFilter { 'ErrorRate' -in $Check -and 'Database' -notin $Check } { New-Report $false }

        { Invoke-CutoverRunbook -Plan $plan -Confirm:$false } | Should -Throw -ErrorId 'RunbookFailed,Invoke-CutoverRunbook'

        @($log | Where-Object { $_ -like 'rollback*' }) | Should -Be @("rollback: Step 'Stage 1 (50%) gate' failed: Blue does not meet the gate: Blue ErrorRate Fail: 0.05 > 0.01")
        $log | Should -Not -Contain 'set 100'
    }

    It 'stops without a rollback when the starting traffic is not all on green' {
        $script:blue = 10

        { Invoke-CutoverRunbook -Plan $plan -Confirm:$false } | Should -Throw -ErrorId 'RunbookFailed,Invoke-CutoverRunbook'

        Should -Invoke -ModuleName Cutover Set-CutoverTrafficWeight -Times 0 -Exactly
        Should -Invoke -ModuleName Cutover Invoke-RunbookRollback -Times 0 -Exactly
    }

    It 'changes nothing and journals nothing under -WhatIf' {
        $steps = @(Invoke-CutoverRunbook -Plan $plan -WhatIf)

        $steps.Name | Should -Be $fullRun
        $steps.Status | Should -Not -Contain 'Failed'
        $journal.Count | Should -Be 0
        $log | Should -Not -Contain 'lock'
        @($log | Where-Object { $_ -like 'watch *' }) | Should -Be @('watch 50% 15s', 'watch 100% 15s') -Because 'a dry run''s watch takes one sample at the plan''s interval'
    }
}

Describe 'Invoke-CutoverRunbook -Resume' -Tag Unit {
    BeforeEach {
        Initialize-Fakes
        $script:entries = @()
        Mock -ModuleName Cutover Get-CutoverJournal -ParameterFilter { $List } { [pscustomobject]@{ RunId = 'run-1'; Outcome = $null } }
        Mock -ModuleName Cutover Get-CutoverJournal -ParameterFilter { -not $List } { $script:entries }
    }

    It 'continues after the last stage whose gate passed when traffic stands where the journal verified it' {
        $script:entries = @(
            [pscustomobject]@{ Kind = 'WeightChange'; Name = 'Stage 1 (50%)'; Status = 'Verified'; Data = @{ Blue = 50 } }
            [pscustomobject]@{ Kind = 'Decision'; Name = 'Stage 1 (50%) passed'; Status = 'Approved'; Data = @{} }
        )
        $script:blue = 50

        $steps = @(Invoke-CutoverRunbook -Plan $plan -Resume -Confirm:$false)

        $steps.Name | Should -Be (@('Resume check') + $fullRun[7..14])
        $steps.RunId | Select-Object -Unique | Should -Be 'run-1'
        @($log | Where-Object { $_ -like 'set *' }) | Should -Be @('set 100')
        $log | Should -Not -Contain 'health Blue+Green'
        ($journal | Where-Object Name -EQ 'Resumed').Kind | Should -Be 'Note'
        $journal[-1].Status | Should -Be 'Completed'
    }

    It 'bakes an interrupted stage again from its (idempotent) shift' {
        $script:entries = @([pscustomobject]@{ Kind = 'WeightChange'; Name = 'Stage 1 (50%)'; Status = 'Verified'; Data = @{ Blue = 50 } })
        $script:blue = 50

        $steps = @(Invoke-CutoverRunbook -Plan $plan -Resume -Confirm:$false)

        $steps[1].Name | Should -Be 'Stage 1 (50%) shift'
        @($log | Where-Object { $_ -like 'set *' }) | Should -Be @('set 50', 'set 100')
    }

    It 'rolls back when the traffic is not where the journal last verified it' {
        $script:entries = @([pscustomobject]@{ Kind = 'WeightChange'; Name = 'Stage 1 (50%)'; Status = 'Verified'; Data = @{ Blue = 50 } })
        $script:blue = 20

        { Invoke-CutoverRunbook -Plan $plan -Resume -Confirm:$false } | Should -Throw -ErrorId 'RunbookFailed,Invoke-CutoverRunbook'

        @($log | Where-Object { $_ -like 'rollback*' }) | Should -HaveCount 1
        $log | Should -Not -Contain 'set*'
    }

    It 'rolls back, never continues, a run killed before its first verified shift' {
        $script:entries = @([pscustomobject]@{ Kind = 'Step'; Name = 'Green baseline'; Status = 'Passed'; Data = @{} })
        $script:blue = 0

        { Invoke-CutoverRunbook -Plan $plan -Resume -Confirm:$false } | Should -Throw -ErrorId 'RunbookFailed,Invoke-CutoverRunbook'

        @($log | Where-Object { $_ -like 'rollback*' }) | Should -HaveCount 1
        Should -Invoke -ModuleName Cutover Set-CutoverTrafficWeight -Times 0 -Exactly
    }

    It 'rolls back, never continues, a run the journal shows rolled back' {
        $script:entries = @(
            [pscustomobject]@{ Kind = 'WeightChange'; Name = 'Stage 1 (50%)'; Status = 'Verified'; Data = @{ Blue = 50 } }
            [pscustomobject]@{ Kind = 'Rollback'; Name = 'RollbackResult'; Status = 'Verified'; Data = @{} }
        )
        $script:blue = 0

        { Invoke-CutoverRunbook -Plan $plan -Resume -Confirm:$false } | Should -Throw -ErrorId 'RunbookFailed,Invoke-CutoverRunbook'

        @($log | Where-Object { $_ -like 'rollback*' }) | Should -HaveCount 1
        Should -Invoke -ModuleName Cutover Set-CutoverTrafficWeight -Times 0 -Exactly
    }

    It 'refuses when the plan has no unfinished run' {
        Mock -ModuleName Cutover Get-CutoverJournal -ParameterFilter { $List } { [pscustomobject]@{ RunId = 'run-1'; Outcome = 'Completed' } }

        { Invoke-CutoverRunbook -Plan $plan -Resume -Confirm:$false } | Should -Throw -ErrorId 'JournalNotFound,Invoke-CutoverRunbook'
        $log | Should -Not -Contain 'lock'
    }
}

Describe 'Invoke-CutoverRunbook lock' -Tag Unit {
    It 'refuses to start while another runbook holds the traffic target, before any step' {
        $held = & (Get-Module Cutover) { param($p) & { [CmdletBinding()] param($p) Lock-RunbookTarget -Plan $p -RunId 'other-run' -Cmdlet $PSCmdlet } $p } $plan
        try {
            Mock -ModuleName Cutover Get-HealthReport { throw 'no step may run' }
            { Invoke-CutoverRunbook -Plan $plan -Confirm:$false } | Should -Throw -ErrorId 'LockHeld,Invoke-CutoverRunbook'
            Should -Invoke -ModuleName Cutover Get-HealthReport -Times 0 -Exactly
        }
        finally { $held.Dispose() }
        $again = & (Get-Module Cutover) { param($p) & { [CmdletBinding()] param($p) Lock-RunbookTarget -Plan $p -RunId 'next-run' -Cmdlet $PSCmdlet } $p } $plan
        $again | Should -Not -BeNullOrEmpty -Because 'a released lock is taken by the next runbook'
        $again.Dispose()
    }
}

Describe 'The runbook''s health reports' -Tag Unit {
    BeforeAll {
        function script:New-Check([string] $Status) {
            $result = [Cutover.CutoverHealthResult]@{
                Environment = 'Blue'; Check = 'Replication'; Status = $Status; Message = 'replica1'; Duration = [TimeSpan]::Zero
                Timestamp = [DateTimeOffset]::UnixEpoch
            }
            [Cutover.CutoverHealthReport]@{ Plan = $plan.Name; Results = [Cutover.CutoverHealthResult[]]@($result); StartedAt = [DateTimeOffset]::UnixEpoch; Duration = [TimeSpan]::Zero }
        }
    }
    BeforeEach {
        $script:answers = [Collections.Generic.Queue[object]]::new()
        Mock -ModuleName Cutover Test-CutoverHealth { $script:answers.Dequeue() }
        Mock -ModuleName Cutover Start-Sleep { }
    }

    It 'asks again when the only problems are Unknown, and takes the settled answer' {
        $answers.Enqueue((New-Check Unknown)); $answers.Enqueue((New-Check Pass))

        $report = & (Get-Module Cutover) { param($p) Get-HealthReport -Plan $p -Environment Blue } $plan

        $report.Ready | Should -BeTrue
        Should -Invoke -ModuleName Cutover Test-CutoverHealth -Times 2 -Exactly
        Should -Invoke -ModuleName Cutover Start-Sleep -Times 1 -Exactly -ParameterFilter { $Seconds -eq $plan.Monitoring.ScrapeIntervalSec }
    }

    It 'gives up after three Unknown answers: still not ready' {
        1..3 | ForEach-Object { $answers.Enqueue((New-Check Unknown)) }

        $report = & (Get-Module Cutover) { param($p) Get-HealthReport -Plan $p -Environment Blue } $plan

        $report.Ready | Should -BeFalse
        Should -Invoke -ModuleName Cutover Test-CutoverHealth -Times 3 -Exactly
    }

    It 'does not ask again after a Fail' {
        $answers.Enqueue((New-Check Fail))

        $report = & (Get-Module Cutover) { param($p) Get-HealthReport -Plan $p -Environment Blue } $plan

        $report.Ready | Should -BeFalse
        Should -Invoke -ModuleName Cutover Test-CutoverHealth -Times 1 -Exactly
        Should -Invoke -ModuleName Cutover Start-Sleep -Times 0 -Exactly
    }
}
