# The whole runbook on the sandbox, for each traffic provider, under real load from the load generator (the sandbox
# plans bake each stage 8 s with 4 s trigger windows).
BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Helpers/SandboxRunbook.ps1')
    $script:plan = Import-CutoverPlan -Path $sbx.plans.haproxy
    $recorder = $sbx.urls.recorder

    function script:Reset-Sandbox {
        Clear-BlueFault
        Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Force -Confirm:$false
    }

    # Runs the whole runbook for a plan under user traffic, every stream captured (verbose and debug on), and asserts it
    # completed on blue with zero failed requests (frontend and blue probe), the journal's weight changes, and no secret
    # in any stream or in the journal; returns the load reports, the frontend's first.
    function script:Invoke-FullRunbook([Cutover.CutoverPlan] $Plan, [int[]] $Weights) {
        $loads = Start-RunbookTraffic
        $DebugPreference = 'Continue'
        try { $stream = @(Invoke-CutoverRunbook -Plan $Plan -Confirm:$false -Verbose *>&1) }
        finally { $DebugPreference = 'SilentlyContinue'; $results = @(Stop-RunbookTraffic $loads) }
        $steps = @($stream | Where-Object { $_ -is [Cutover.CutoverStepResult] })
        Assert-NoSecret $stream
        Assert-NoSecret (Get-Content (Join-Path $Plan.State.Path "journal/$($Plan.Name)_$($steps[0].RunId).jsonl"))
        $steps.Status | Should -Not -Contain 'Failed'
        $steps[-1].Name | Should -Be 'Done'
        (Get-CutoverTrafficWeight -Plan $Plan).Blue | Should -Be 100
        foreach ($result in $results) { $result.failed | Should -Be 0 -Because "no request may fail ($($result | ConvertTo-Json -Compress -Depth 3))" }
        $journal = @(Get-CutoverJournal -Plan $Plan)
        ($journal | Where-Object Kind -EQ WeightChange).Data.Blue | Should -Be $Weights
        $journal[-1].Kind | Should -Be 'RunEnded'
        $journal[-1].Status | Should -Be 'Completed'
        $results
    }
}

Describe 'Invoke-CutoverRunbook on the sandbox (HAProxy)' -Tag Integration {
    BeforeEach { Reset-Sandbox; Wait-NoCriticalAlert }
    AfterAll { Reset-Sandbox }

    It 'changes nothing anywhere under -WhatIf' {
        $before = Get-CutoverTrafficWeight -Plan $plan
        Invoke-RestMethod -Method Delete -Uri "$recorder/_recorder/requests" | Out-Null
        $runsBefore = @(Get-CutoverJournal -Plan $plan -List -ErrorAction SilentlyContinue).Count
        $loads = Start-RunbookTraffic
        try { $steps = Invoke-CutoverRunbook -Plan $plan -WhatIf } finally { $null = Stop-RunbookTraffic $loads }

        $steps.Status | Should -Not -Contain 'Failed'
        $steps.Status | Should -Contain 'WhatIf'
        (Get-CutoverTrafficWeight -Plan $plan).Blue | Should -Be $before.Blue
        $recorded = Invoke-RestMethod -Uri "$recorder/_recorder/requests"
        @($recorded | Where-Object { $_ }).Count | Should -Be 0
        @(Get-CutoverJournal -Plan $plan -List -ErrorAction SilentlyContinue).Count | Should -Be $runsBefore
    }

    It 'runs the whole procedure with zero failed requests' {
        $results = Invoke-FullRunbook -Plan $plan -Weights 50, 100
        $results[0].byEnvironment.blue | Should -BeGreaterThan 0 -Because 'user traffic moved to blue during the run'
        Assert-Split 100
    }

    It 'rolls back when a fault fires a trigger at stage 1, and the journal shows the sequence' {
        $loads = Start-RunbookTraffic
        $injector = Start-ThreadJob -ArgumentList $plan.State.Path, $plan.Name, "$blueApp/admin/faults" -ScriptBlock {
            param($state, $name, $faults)
            $started = [DateTime]::UtcNow
            while ([DateTime]::UtcNow -lt $started.AddMinutes(5)) {
                $file = Get-ChildItem (Join-Path $state 'journal') -Filter "${name}_*.jsonl" | Where-Object LastWriteTimeUtc -GT $started | Sort-Object Name | Select-Object -Last 1
                if ($file -and (Select-String -LiteralPath $file.FullName -Pattern '"kind":"WeightChange"' -Quiet)) {
                    Invoke-RestMethod -Method Post -Uri $faults -ContentType 'application/json' -Body '{"errorRatio":0.3}' | Out-Null
                    return $true
                }
                Start-Sleep -Milliseconds 200
            }
            $false
        }
        try {
            { Invoke-CutoverRunbook -Plan $plan -Confirm:$false } | Should -Throw -ErrorId 'RunbookFailed,Invoke-CutoverRunbook'
        }
        finally { $null = Stop-RunbookTraffic $loads; $injector | Receive-Job -Wait -AutoRemoveJob | Should -BeTrue }

        (Get-CutoverTrafficWeight -Plan $plan).Green | Should -Be 100
        $journal = Get-CutoverJournal -Plan $plan
        $kinds = @($journal.Kind)
        [array]::IndexOf($kinds, [Cutover.JournalEntryKind]::WeightChange) | Should -BeLessThan ([array]::IndexOf($kinds, [Cutover.JournalEntryKind]::Trigger))
        [array]::IndexOf($kinds, [Cutover.JournalEntryKind]::Trigger) | Should -BeLessThan ([array]::LastIndexOf($kinds, [Cutover.JournalEntryKind]::Rollback))
        $journal[-1].Status | Should -Be 'RolledBack'
    }
}

Describe 'Invoke-CutoverRunbook on the sandbox (ALB endpoint)' -Tag Integration {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers/SandboxAws.ps1')
        $script:savedAws = Set-SandboxAwsEnvironment
        $script:albPlan = Import-CutoverPlan -Path $sbx.plans.alb
        function script:Reset-Alb { Clear-BlueFault; Set-CutoverTrafficWeight -Plan $albPlan -Blue 0 -Force -Confirm:$false }
    }
    BeforeEach { Reset-Alb; Wait-NoCriticalAlert }
    AfterAll { Reset-Alb; Restore-SandboxAwsEnvironment $savedAws }

    # FakeElb applies the listener rule's weights to HAProxy, so the frontend's real requests follow the ALB's rule.
    It 'runs the whole procedure with zero failed requests, and real traffic ends on blue' {
        $results = Invoke-FullRunbook -Plan $albPlan -Weights 50, 100
        $results[0].byEnvironment.blue | Should -BeGreaterThan 0 -Because 'user traffic moved to blue during the run'
        $results[0].byEnvironment.green | Should -BeGreaterThan 0 -Because 'user traffic was on green before the run'
        Assert-Split 100
    }
}

Describe 'Invoke-CutoverRunbook on the sandbox (DNS)' -Tag Integration {
    # DNS moves users by the record's answer, which HAProxy does not see: the cutover is verified by the answer of
    # the sandbox's BIND9 (dig), and the load generator (frontend and blue) shows both apps answered every request
    # while the record moved.
    BeforeAll {
        $script:dnsPlan = Import-CutoverPlan -Path $sbx.plans.dns
        function script:Reset-Dns { Clear-BlueFault; Set-CutoverTrafficWeight -Plan $dnsPlan -Blue 0 -Force -Confirm:$false }
    }
    BeforeEach { Reset-Dns; Wait-NoCriticalAlert }
    AfterAll { Reset-Dns }

    It 'runs the whole procedure: the record answers blue''s address, zero failed requests' {
        (Resolve-Record).Address | Should -Be $dnsPlan.Traffic.Dns.GreenAddress
        $null = Invoke-FullRunbook -Plan $dnsPlan -Weights 100
        (Resolve-Record).Address | Should -Be $dnsPlan.Traffic.Dns.BlueAddress
    }
}
