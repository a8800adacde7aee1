# Invoke-CutoverRollback against the sandbox's real HAProxy, apps, Prometheus and notification recorder,
# with steady load through HAProxy the whole time.
BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Helpers/SandboxTraffic.ps1')
    $script:plan = Import-CutoverPlan -Path $sbx.plans.haproxy
    $script:recorder = $sbx.urls.recorder

    function script:Set-RecorderMode([string] $Mode) {
        Invoke-RestMethod -Method Post -Uri "$recorder/_recorder/mode" -ContentType 'application/json' -Body (@{ mode = $Mode } | ConvertTo-Json) | Out-Null
    }

    function script:Get-Recorded { @(Invoke-RestMethod -Uri "$recorder/_recorder/requests") }

    function script:Get-RollbackSteps([string] $RunId) {
        $file = Join-Path $plan.State.Path "journal/$($plan.Name)_$RunId.jsonl"
        Get-Content $file | ForEach-Object { $_ | ConvertFrom-Json } | Where-Object Kind -eq 'Rollback'
    }
}

Describe 'Invoke-CutoverRollback' -Tag Integration {
    BeforeEach {
        Set-RecorderMode normal
        Invoke-RestMethod -Method Delete -Uri "$recorder/_recorder/requests" | Out-Null
        Set-CutoverTrafficWeight -Plan $plan -Blue 50 -Confirm:$false
    }
    AfterAll {
        Set-RecorderMode normal
        Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Confirm:$false
    }

    It 'restores green 100%, verified, with zero failed requests, one dedup key and the three payloads; a second call is a verified no-op' {
        $runId = New-TestRunId
        $load = Start-Load 35 -Rate 60
        Start-Sleep -Seconds 6
        $DebugPreference = 'Continue'
        $result = Invoke-CutoverRollback -Plan $plan -Reason 'ErrorRatio on Blue (test)' -RunId $runId -Confirm:$false -Verbose *>&1 |
            Tee-Object -Variable stream | Where-Object { $_ -is [Cutover.CutoverRollbackResult] }
        $DebugPreference = 'SilentlyContinue'

        $result.Success | Should -BeTrue -Because ($result.Steps | Out-String)
        $result.NoOp | Should -BeFalse
        $result.Traffic.Green | Should -Be 100
        (Get-CutoverTrafficWeight -Plan $plan).Green | Should -Be 100
        $result.Steps.Name | Should -Be @('Lock', 'ReadTraffic', 'ShiftTraffic', 'NotifyRollbackStarted', 'VerifyProvider', 'VerifyGreenHealth', 'VerifyErrorRatio', 'NotifyRollbackCompleted')

        $recorded = Get-Recorded
        $pagerDuty = @($recorded | Where-Object Channel -eq 'pagerduty')
        $pagerDuty.Body.event_action | Should -Be @('trigger', 'resolve')
        @($pagerDuty.Body.dedup_key | Select-Object -Unique) | Should -HaveCount 1
        $pagerDuty[0].Body.payload.summary | Should -Not -BeNullOrEmpty
        $pagerDuty[0].Body.payload.severity | Should -Not -BeNullOrEmpty
        $slack = @($recorded | Where-Object Channel -eq 'slack')
        $slack.Count | Should -Be 2
        $slack[0].Body.text | Should -Not -BeNullOrEmpty
        $statuspage = @($recorded | Where-Object { $_.Channel -eq 'statuspage' -and $_.Method -ne 'GET' })
        $statuspage.Count | Should -BeGreaterOrEqual 2
        $statuspage[0].Body.incident.name | Should -Not -BeNullOrEmpty
        Assert-NoSecret $stream

        $again = Invoke-CutoverRollback -Plan $plan -Reason 'again' -RunId $runId -Confirm:$false
        $report = Wait-Load $load
        $report.failed | Should -Be 0 -Because 'a rollback must not fail a request'
        $again.Success | Should -BeTrue -Because ($again.Steps | Out-String)
        $again.NoOp | Should -BeTrue
        (Get-Recorded).Count | Should -Be $recorded.Count -Because 'a no-op pages nobody again'
        (Get-RollbackSteps $runId | Where-Object Name -eq 'RollbackResult').Count | Should -Be 2
    }

    It 'takes the current run from the journal when -RunId is not given' {
        $runId = New-TestRunId
        Write-CutoverJournal -Plan $plan -RunId $runId -Kind Note -Name 'test run' -ErrorAction Stop | Out-Null
        $result = Invoke-CutoverRollback -Plan $sbx.plans.haproxy -Reason 'fresh session' -Confirm:$false -ErrorAction SilentlyContinue
        $result.RunId | Should -Be $runId
        $result.Traffic.Green | Should -Be 100
    }

    It 'shifts traffic long before a hanging notification endpoint times out' {
        Set-RecorderMode hang
        $started = [datetime]::UtcNow
        $result = Invoke-CutoverRollback -Plan $plan -Reason 'hang test' -RunId (New-TestRunId) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errors
        $elapsed = [datetime]::UtcNow - $started
        $result.Traffic.Green | Should -Be 100
        $result.TimeToTrafficVerified.TotalSeconds | Should -BeLessThan 5 -Because 'the notifications time out after 10 s and must not delay the shift'
        ($result.Steps | Where-Object Name -eq 'NotifyRollbackStarted').Outcome | Should -Be 'Failed'
        $errors.FullyQualifiedErrorId | Should -Contain 'NotificationFailed,Cutover.Commands.InvokeCutoverRollbackCommand'
        $elapsed.TotalSeconds | Should -BeLessThan 40
    }

    It 'runs two concurrent rollbacks one after the other' {
        $runId = New-TestRunId
        $jobs = 1..2 | ForEach-Object {
            Start-ThreadJob -ScriptBlock {
                Import-Module $using:env:CUTOVER_MODULE_PATH
                Invoke-CutoverRollback -Plan $using:plan -Reason "concurrent $using:_" -RunId $using:runId -Confirm:$false -ErrorAction SilentlyContinue
            }
        }
        $results = $jobs | Wait-Job -Timeout 120 | Receive-Job
        $jobs | Remove-Job -Force
        $results | Should -HaveCount 2
        @($results | Where-Object NoOp).Count | Should -Be 1
        $names = @(Get-RollbackSteps $runId | ForEach-Object Name)
        $names[0] | Should -Be 'Lock'
        $first = [array]::IndexOf($names, 'RollbackResult')
        $names[$first + 1] | Should -Be 'Lock' -Because 'the second rollback takes the lock only after the first finished'
        $names[-1] | Should -Be 'RollbackResult'
    }
}
