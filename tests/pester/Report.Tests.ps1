BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Helpers/ExamplePlan.ps1')
    $planPath = New-ExamplePlanFile -Directory $TestDrive
    $plan = Import-CutoverPlan -Path $planPath

    # A synthetic run: steps, two stages with samples (one Unknown), a trigger and a rollback.
    $runId = [Cutover.CutoverRunId]::Create()
    $secret = 'rep0rt-S3cret-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    function Add-Entry([Cutover.JournalEntryKind] $Kind, [string] $Name, [string] $Status, [string] $Message, [hashtable] $Data) {
        $p = @{ Plan = $plan; RunId = $runId; Kind = $Kind; Name = $Name }
        if ($Status) { $p.Status = $Status }
        if ($Message) { $p.Message = $Message }
        if ($Data) { $p.Data = $Data }
        Write-CutoverJournal @p
    }
    Add-Entry RunStarted Run Started
    Add-Entry Step 'Pre-flight <checks>' Started
    Add-Entry Step 'Pre-flight <checks>' Passed "token $secret & all good"
    Add-Entry WeightChange 'Stage 1' Verified 'blue 0% -> 10%' @{ Blue = 10; Green = 90 }
    foreach ($i in 1..4) {
        Add-Entry Sample Blue Pass '' @{ Environment = 'Blue'; ErrorRatio = 0.001 * $i; P95Ms = 100 + $i; RequestRate = 10 * $i }
        Add-Entry Sample Green Pass '' @{ Environment = 'Green'; ErrorRatio = 0.0005; P95Ms = 90 + $i; RequestRate = 100 - $i }
    }
    Add-Entry Sample Blue Unknown '' @{ Environment = 'Blue'; ErrorRatio = $null; P95Ms = $null; RequestRate = $null }
    Add-Entry WeightChange 'Stage 2' Verified 'blue 10% -> 50%' @{ Blue = 50; Green = 50 }
    foreach ($i in 1..3) {
        Add-Entry Sample Blue Fail '' @{ Environment = 'Blue'; ErrorRatio = 0.2; P95Ms = 300 + $i; RequestRate = 50 }
        Add-Entry Sample Green Pass '' @{ Environment = 'Green'; ErrorRatio = 0.0005; P95Ms = 95; RequestRate = 50 }
    }
    Add-Entry Trigger ErrorRatio Fired 'error ratio 0.2 > 0.1' @{ Name = 'ErrorRatio'; Condition = 'error ratio > 0.1 for 30s'; Environment = 'Blue' }
    Add-Entry Rollback Rollback Verified 'all traffic on green'
    Add-Entry Notification RollbackCompleted Sent 'Slack, PagerDuty' @{ Channels = @('Slack', 'PagerDuty') }
    Add-Entry RunEnded Run RolledBack
    # Registered after writing, so the journal holds the secret and the report must mask it itself.
    [Cutover.SecretRedactor]::Global.Register($secret)
}

Describe 'Export-CutoverReport' -Tag Unit {
    It 'writes an HTML report with the header, charts and timeline, secrets masked' {
        $path = Join-Path $TestDrive 'report.html'
        $all = & { Export-CutoverReport -Plan $plan -RunId $runId -Format Html -Path $path -PassThru -Verbose -Debug } *>&1
        $file = $all | Where-Object { $_ -is [System.IO.FileInfo] }
        $file.FullName | Should -Be $path
        $html = Get-Content $path -Raw
        $html | Should -Match '^<!DOCTYPE html>'
        $html | Should -Match ([regex]::Escape($runId))
        $html | Should -Match 'RolledBack'
        $html | Should -Match 'Pre-flight &lt;checks&gt;'
        ([regex]::Matches($html, '<svg ')).Count | Should -Be 3
        ([regex]::Matches($html, '<polyline[^>]*data-environment="Blue"')).Count | Should -Be 6   # two stretches per chart: the Unknown sample is a gap
        ([regex]::Matches($html, '<polyline[^>]*data-environment="Green"')).Count | Should -Be 3
        $html | Should -Match 'blue 50% / green 50%'
        $html | Should -Match 'class="rollback-marker"'
        $html | Should -Not -Match ([regex]::Escape($secret))
        ($all | Out-String -Width 4096) | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'writes a Markdown report with tables and a summary per series' {
        $path = Join-Path $TestDrive 'report.md'
        Export-CutoverReport -Plan $planPath -Format Markdown -Path $path | Should -BeNullOrEmpty
        $md = Get-Content $path -Raw
        $md | Should -Match '\| Error ratio \(ratio\) \| Blue \| 8 \| 1 \| 0\.001 \| 0\.2 \| 0\.2 \|'
        $md | Should -Match '\| Outcome \| RolledBack \|'
        $md | Should -Match 'condition: error ratio &gt; 0\.1 for 30s'
        $md | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'writes nothing under -WhatIf, even with -Force' {
        $path = Join-Path $TestDrive 'whatif.html'
        Export-CutoverReport -Plan $plan -Format Html -Path $path -WhatIf -Force
        Test-Path $path | Should -BeFalse
    }

    It 'refuses to replace a file without -Force, and replaces it with -Force' {
        $path = Join-Path $TestDrive 'exists.md'
        Set-Content -Path $path -Value 'keep me'
        { Export-CutoverReport -Plan $plan -Format Markdown -Path $path } | Should -Throw -ErrorId 'ReportExists,Cutover.Commands.ExportCutoverReportCommand'
        Get-Content $path -Raw | Should -Match 'keep me'
        Export-CutoverReport -Plan $plan -Format Markdown -Path $path -Force
        Get-Content $path -Raw | Should -Match '# Cutover report'
    }

    It 'fails with JournalNotFound for a run that does not exist' {
        { Export-CutoverReport -Plan $plan -RunId '20000101T000000Z-000000' -Format Html -Path (Join-Path $TestDrive 'none.html') } |
            Should -Throw -ErrorId 'JournalNotFound,Cutover.Commands.ExportCutoverReportCommand'
    }
}

Describe 'Export-CutoverReport in a browser' -Tag Integration {
    BeforeAll {
        # scripts/test.sh installs Debian's chromium; without it these tests fail rather than skip.
        $chromium = Get-Command chromium -ErrorAction Stop
        $htmlPath = Join-Path $TestDrive 'browser.html'
        Export-CutoverReport -Plan $plan -RunId $runId -Format Html -Path $htmlPath
        function Invoke-Chromium([string[]] $More) {
            $profile = Join-Path ([System.IO.Path]::GetTempPath()) ('cutover-chromium-' + [guid]::NewGuid().ToString('N'))
            try {
                & timeout 120 $chromium.Source --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking `
                    --disable-component-update --disable-sync "--user-data-dir=$profile" @More "file://$htmlPath" 2>$null
            }
            finally { Remove-Item -Recurse -Force $profile -ErrorAction SilentlyContinue }
        }
    }

    It 'renders the charts with a polyline per series, and the timeline' {
        $dom = (Invoke-Chromium @('--dump-dom')) -join "`n"
        $dom | Should -Match '<section id="charts">'
        foreach ($metric in 'errorratio', 'p95ms', 'requestrate') {
            $svg = [regex]::Match($dom, "(?s)<svg[^>]*id=`"chart-$metric`".*?</svg>").Value
            $svg | Should -Not -BeNullOrEmpty -Because "chart $metric is in the DOM"
            $svg | Should -Match '<polyline[^>]*data-environment="Blue"'
            $svg | Should -Match '<polyline[^>]*data-environment="Green"'
            $svg | Should -Match 'class="stage-marker"'
            $svg | Should -Match 'class="trigger-marker"'
        }
        $timeline = [regex]::Match($dom, '(?s)<section id="timeline">.*?</section>').Value
        $timeline | Should -Match 'Pre-flight &lt;checks&gt;'
        $timeline | Should -Match 'Passed'
        $dom | Should -Not -Match '<script'
    }

    It 'takes a screenshot' {
        $png = if ($env:CUTOVER_REPORT_SCREENSHOT) { $env:CUTOVER_REPORT_SCREENSHOT } else { Join-Path $TestDrive 'report.png' }
        Invoke-Chromium @("--screenshot=$png", '--window-size=1200,2600', '--hide-scrollbars') | Out-Null
        Test-Path $png | Should -BeTrue
        (Get-Item $png).Length | Should -BeGreaterThan 10KB
    }
}
