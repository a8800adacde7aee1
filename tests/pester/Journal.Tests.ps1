BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Helpers/ExamplePlan.ps1')
    $planPath = New-ExamplePlanFile -Directory $TestDrive
    $plan = Import-CutoverPlan -Path $planPath
}

Describe 'Write-CutoverJournal and Get-CutoverJournal' -Tag Unit {
    It 'round-trips entries of a run, in order, with their data' {
        $runId = [Cutover.CutoverRunId]::Create()
        Write-CutoverJournal -Plan $plan -RunId $runId -Kind RunStarted -Name Run -Status Started
        Write-CutoverJournal -Plan $plan -RunId $runId -Kind Decision -Name 'Go for 100%' -Status Approved -Data @{ Blue = 50; Checks = @('App', 'Api') }

        $entries = Get-CutoverJournal -Plan $plan
        $entries.Kind | Should -Be @('RunStarted', 'Decision')
        $entries[1].RunId | Should -Be $runId
        $entries[1].Data.Blue | Should -Be 50
        $entries[1].Data.Checks | Should -Be @('App', 'Api')
        (Get-CutoverJournal -Plan $planPath -RunId $runId -Kind Decision).Name | Should -Be 'Go for 100%'
    }

    It 'lists runs' {
        $runs = Get-CutoverJournal -Plan $plan -List
        $runs | Should -Not -BeNullOrEmpty
        $runs[0] | Should -BeOfType ([Cutover.CutoverRunInfo])
    }

    It 'writes nothing under -WhatIf' {
        $runId = [Cutover.CutoverRunId]::Create()
        Write-CutoverJournal -Plan $plan -RunId $runId -Kind Note -Name 'dry run' -WhatIf
        Get-CutoverJournal -Plan $plan -RunId $runId -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'JournalNotFound,*'
    }

    It 'refuses a run id that is not one' {
        { Write-CutoverJournal -Plan $plan -RunId '../escape' -Kind Note -Name x } | Should -Throw -ErrorId 'JournalNotFound,Cutover.Commands.WriteCutoverJournalCommand'
    }
}
