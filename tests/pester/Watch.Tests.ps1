# Watch-CutoverMetric against the sandbox's real Prometheus, apps and PostgreSQL, with real load through
# HAProxy and faults injected into blue. The sandbox plans use 4 s trigger windows and an error budget of 4.
BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Helpers/SandboxTraffic.ps1')
    $script:plan = Import-CutoverPlan -Path $sbx.plans.haproxy
    $script:forSec = $plan.Triggers.ErrorRatio.ForSec
}

Describe 'Watch-CutoverMetric' -Tag Integration {
    BeforeAll {
        Set-CutoverTrafficWeight -Plan $plan -Blue 50 -Confirm:$false
        $script:load = Start-Load 300 -Rate 60
        Start-Sleep -Seconds 6   # a full query window of steady load
    }
    BeforeEach { Wait-NoCriticalAlert }
    AfterEach { Clear-BlueFault }
    AfterAll {
        Clear-BlueFault
        Stop-Load $load
        Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Confirm:$false
    }

    It 'writes flat samples with statuses that export to CSV as they happen, and no secret in any stream' {
        $csv = Join-Path $TestDrive 'watch.csv'
        $DebugPreference = 'Continue'
        Watch-CutoverMetric -Plan $plan -Environment Blue, Green -DurationSec 3 -IntervalSec 1 -Verbose *>&1 |
            Tee-Object -Variable stream | Where-Object { $_ -is [Cutover.CutoverMetricSample] } | Tee-Object -Variable samples |
            Export-Csv -Path $csv -NoTypeInformation
        $blue = @($samples | Where-Object Environment -eq 'Blue')
        $blue.Count | Should -BeGreaterOrEqual 2
        @($samples | Where-Object Environment -eq 'Green').Count | Should -Be $blue.Count -Because 'each sample reads both environments'
        $blue[-1].Elapsed.TotalSeconds | Should -BeGreaterOrEqual 3 -Because 'the watch runs its whole duration'
        $samples[0].ErrorRatioStatus | Should -Be 'Pass'
        $samples[0].Health | Should -Be 'Pass'
        $samples[0].DatabaseStatus | Should -Be 'Pass' -Because $samples[0].Reasons
        $samples[0].DatabaseConnections | Should -BeGreaterThan 0
        $rows = Import-Csv $csv
        $rows.Count | Should -Be $samples.Count
        $rows[0].PSObject.Properties.Name | Should -Contain 'ErrorRatioStatus'
        ($samples | Format-Table | Out-String) | Should -Match 'Verdict'
        Assert-NoSecret $stream
    }

    It 'fires ErrorRatio for 20% errors on blue only once every sample across the window breached' {
        Set-BlueFault @{ errorRatio = 0.2 }
        $out = Watch-CutoverMetric -Plan $plan -DurationSec 40 -IntervalSec 1 -RunId (New-TestRunId)
        $trigger = $out | Where-Object { $_ -is [Cutover.CutoverTrigger] }
        $trigger | Should -HaveCount 1
        $trigger.Name | Should -Be 'ErrorRatio'
        $trigger.FromUnknown | Should -BeFalse
        $trigger.Plan.Name | Should -Be $plan.Name
        ($trigger.FiredAt - $trigger.Since).TotalSeconds | Should -BeGreaterOrEqual $forSec
        $samples = $out | Where-Object { $_ -is [Cutover.CutoverMetricSample] }
        $samples[-1].Time | Should -Be $trigger.FiredAt -Because 'the watch ends at the sample that fired'
        $window = $samples | Where-Object { $_.Time -ge $trigger.Since }
        $window | ForEach-Object { $_.ErrorRatioStatus | Should -Not -Be 'Pass' }
        ($window | Where-Object ErrorRatioStatus -eq 'Fail').Count | Should -BeGreaterOrEqual 1
        $before = $samples | Where-Object { $_.Time -lt $trigger.Since }
        if ($before) { $before[-1].ErrorRatioStatus | Should -Be 'Pass' -Because 'the breach began after a passing sample' }
    }

    It 'fires P95Latency for 2.5 s latency on blue' {
        Set-BlueFault @{ latencyMs = 2500 }
        $out = Watch-CutoverMetric -Plan $plan -DurationSec 45 -IntervalSec 1 -TimeoutSec 5
        $trigger = $out | Where-Object { $_ -is [Cutover.CutoverTrigger] }
        $trigger.Name | Should -Be 'P95Latency'
        ($trigger.FiredAt - $trigger.Since).TotalSeconds | Should -BeGreaterOrEqual $plan.Triggers.P95Ms.ForSec
        ($out | Where-Object { $_ -is [Cutover.CutoverMetricSample] })[-1].P95Ms | Should -BeGreaterThan 2000
    }

    It 'does not fire for a blip shorter than the window' {
        $watch = Start-ThreadJob -ScriptBlock {
            Import-Module $using:env:CUTOVER_MODULE_PATH
            Watch-CutoverMetric -Plan $using:plan -DurationSec 14 -IntervalSec 1
        }
        Start-Sleep -Seconds 3
        Set-BlueFault @{ errorRatio = 0.5 }
        Start-Sleep -Milliseconds 400
        Clear-BlueFault
        $out = $watch | Wait-Job -Timeout 60 | Receive-Job
        $watch | Remove-Job -Force
        $out | Where-Object { $_ -is [Cutover.CutoverTrigger] } | Should -BeNullOrEmpty
        ($out | Where-Object { $_ -is [Cutover.CutoverMetricSample] })[-1].Elapsed.TotalSeconds | Should -BeGreaterOrEqual 14 -Because 'the watch ran its whole duration'
        ($out | Where-Object { $_ -is [Cutover.CutoverMetricSample] } | Measure-Object ErrorRatio -Maximum).Maximum | Should -BeGreaterThan 0 -Because 'the blip was seen'
    }

    It 'reads Unknown while Prometheus is stopped, never Pass, and fires after the error budget' {
        try {
            & (Join-Path $PSScriptRoot '../../scripts/sandbox') stop-service prometheus | Out-Null
            $out = Watch-CutoverMetric -Plan $plan -DurationSec 30 -IntervalSec 1 -WarningAction SilentlyContinue
        }
        finally {
            & (Join-Path $PSScriptRoot '../../scripts/sandbox') restart-service prometheus | Out-Null
        }
        $samples = @($out | Where-Object { $_ -is [Cutover.CutoverMetricSample] })
        $samples | ForEach-Object { $_.ErrorRatioStatus | Should -Be 'Unknown'; $_.Verdict | Should -Not -Be 'Pass' }
        $samples[0].Reasons | Should -Match 'Prometheus'
        $trigger = @($out | Where-Object { $_ -is [Cutover.CutoverTrigger] })[0]
        $trigger.FromUnknown | Should -BeTrue
        $samples.Count | Should -Be $plan.Triggers.ErrorBudget
    }
}
