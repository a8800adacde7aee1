BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    $sandboxPath = $env:CUTOVER_SANDBOX_DIR ? $env:CUTOVER_SANDBOX_DIR : '/tmp/cutover-sandbox'
    $sandbox = Get-Content -Raw (Join-Path $sandboxPath 'sandbox.json') | ConvertFrom-Json
    foreach ($line in Get-Content (Join-Path $sandboxPath 'sandbox.env')) {
        if ($line -match "^export (\w+)='(.*)'$") { Set-Item -Path "env:$($Matches[1])" -Value $Matches[2] }
    }
    $plan = Import-CutoverPlan -Path $sandbox.plans.haproxy
    $blueApp = "http://127.0.0.1:$($sandbox.ports.appBlue)"
    $recorder = "http://127.0.0.1:$($sandbox.ports.recorder)"

    function Start-Load([string] $Url, [int] $DurationSec) {
        $out = Join-Path $TestDrive "load-$([guid]::NewGuid().ToString('N')).json"
        $process = Start-Process -FilePath dotnet -PassThru -RedirectStandardOutput "$out.log" -ArgumentList @(
            $sandbox.tools.loadGenerator, '--url', $Url, '--rate', 30, '--duration', $DurationSec, '--concurrency', 64, '--json', '--out', $out)
        [pscustomobject]@{ Process = $process; Out = $out }
    }
    function Stop-Load($Load) {
        & kill -INT $Load.Process.Id
        $null = $Load.Process.WaitForExit(30000)
        for ($i = 0; $i -lt 100 -and -not (Test-Path $Load.Out); $i++) { Start-Sleep -Milliseconds 100 }
        Get-Content -Raw $Load.Out | ConvertFrom-Json
    }
    function Start-Traffic {
        # User traffic through HAProxy and a light synthetic probe straight to blue, as the procedure validates blue first.
        @(
            Start-Load -Url "http://127.0.0.1:$($sandbox.ports.haproxyFrontend)/api/status" -DurationSec 600
            Start-Load -Url "$blueApp/api/status" -DurationSec 600
        )
        Start-Sleep -Seconds (4 * $plan.Monitoring.ScrapeIntervalSec + 2)
    }
    function Wait-NoCriticalAlert {
        # Fault tests elsewhere leave critical alerts firing for a while; the runbook would rightly roll back on them.
        $prometheus = "http://127.0.0.1:$($sandbox.ports.prometheus)"
        for ($i = 0; $i -lt 120; $i++) {
            $alerts = (Invoke-RestMethod -Uri "$prometheus/api/v1/alerts").data.alerts
            if (-not ($alerts | Where-Object { $_.state -eq 'firing' -and $_.labels.severity -eq 'critical' })) { return }
            Start-Sleep -Seconds 1
        }
    }
    function Reset-Sandbox {
        Invoke-RestMethod -Method Delete -Uri "$blueApp/admin/faults" | Out-Null
        Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Force -Confirm:$false
    }
}

Describe 'Invoke-CutoverRunbook on the sandbox (HAProxy)' -Tag Integration {
    BeforeEach { Reset-Sandbox; Wait-NoCriticalAlert }
    AfterAll { Reset-Sandbox }

    It 'changes nothing anywhere under -WhatIf' {
        $before = Get-CutoverTrafficWeight -Plan $plan
        Invoke-RestMethod -Method Delete -Uri "$recorder/_recorder/requests" | Out-Null
        $runsBefore = @(Get-CutoverJournal -Plan $plan -List -ErrorAction SilentlyContinue).Count
        $loads = Start-Traffic
        try { $steps = Invoke-CutoverRunbook -Plan $plan -WhatIf } finally { $loads | ForEach-Object { $null = Stop-Load $_ } }

        $steps.Status | Should -Not -Contain 'Failed'
        $steps.Status | Should -Contain 'WhatIf'
        (Get-CutoverTrafficWeight -Plan $plan).Blue | Should -Be $before.Blue
        $recorded = Invoke-RestMethod -Uri "$recorder/_recorder/requests"
        @($recorded | Where-Object { $_ }).Count | Should -Be 0
        @(Get-CutoverJournal -Plan $plan -List -ErrorAction SilentlyContinue).Count | Should -Be $runsBefore
    }

    It 'runs the whole procedure with zero failed requests' {
        $loads = Start-Traffic
        try { $steps = Invoke-CutoverRunbook -Plan $plan -Confirm:$false } finally { $results = $loads | ForEach-Object { Stop-Load $_ } }

        $steps.Status | Should -Not -Contain 'Failed'
        $steps[-1].Name | Should -Be 'Done'
        (Get-CutoverTrafficWeight -Plan $plan).Blue | Should -Be 100
        $results[0].failed | Should -Be 0
        $results[0].byEnvironment.blue | Should -BeGreaterThan 0
        $journal = Get-CutoverJournal -Plan $plan
        ($journal | Where-Object Kind -EQ WeightChange).Data.Blue | Should -Be @(50, 100)
        $journal[-1].Kind | Should -Be 'RunEnded'
        $journal[-1].Status | Should -Be 'Completed'
    }

    It 'rolls back when a fault fires a trigger at stage 1, and the journal shows the sequence' {
        $loads = Start-Traffic
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
        finally { $loads | ForEach-Object { $null = Stop-Load $_ }; $injector | Receive-Job -Wait -AutoRemoveJob | Should -BeTrue }

        (Get-CutoverTrafficWeight -Plan $plan).Green | Should -Be 100
        $journal = Get-CutoverJournal -Plan $plan
        $kinds = @($journal.Kind)
        [array]::IndexOf($kinds, [Cutover.JournalEntryKind]::WeightChange) | Should -BeLessThan ([array]::IndexOf($kinds, [Cutover.JournalEntryKind]::Trigger))
        [array]::IndexOf($kinds, [Cutover.JournalEntryKind]::Trigger) | Should -BeLessThan ([array]::LastIndexOf($kinds, [Cutover.JournalEntryKind]::Rollback))
        $journal[-1].Status | Should -Be 'RolledBack'
    }
}
