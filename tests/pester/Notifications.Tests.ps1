BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    $sandbox = Get-Content (Join-Path $env:CUTOVER_SANDBOX_DIR 'sandbox.json') -Raw | ConvertFrom-Json
    $secrets = @{}
    foreach ($line in Get-Content $sandbox.envFile) {
        if ($line -match "^export (\w+)='(.*)'$") {
            $secrets[$Matches[1]] = $Matches[2]
            Set-Item -Path "env:$($Matches[1])" -Value $Matches[2]
        }
    }
    $recorder = $sandbox.urls.recorder
    # an empty JSON array comes back from Invoke-RestMethod as one (empty) object: enumerate through a variable
    function Get-Recorded([string] $Channel) { $r = Invoke-RestMethod "$recorder/_recorder/requests$(if ($Channel) { "?channel=$Channel" })"; @($r | Where-Object { $null -ne $_ }) }
    function Set-RecorderMode([string] $Mode) { $null = Invoke-RestMethod -Method Post "$recorder/_recorder/mode" -ContentType 'application/json' -Body (@{ mode = $Mode } | ConvertTo-Json) }
    function Clear-Recorder { Invoke-RestMethod -Method Delete "$recorder/_recorder/requests" }
    $plan = Import-CutoverPlan -Path $sandbox.plans.haproxy
    $secretValues = 'CUTOVER_SANDBOX_SLACK_WEBHOOK', 'CUTOVER_SANDBOX_PAGERDUTY_KEY', 'CUTOVER_SANDBOX_STATUSPAGE_TOKEN' | ForEach-Object { $secrets[$_] }
}

Describe 'Send-CutoverNotification' -Tag Integration {
    BeforeEach {
        Set-RecorderMode normal
        Clear-Recorder
        $runId = 'pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    }
    AfterAll { Set-RecorderMode normal }

    It 'pages, posts and opens a status incident on RollbackStarted, then resolves both with one dedup key' {
        $started = Send-CutoverNotification -Plan $plan -Event RollbackStarted -Message 'error ratio 0.12 > 0.10 for 30s' -RunId $runId -BluePercent 50 -Confirm:$false
        $started.Status | Should -Be @('Sent', 'Sent', 'Sent')
        $done = Send-CutoverNotification -Plan $plan -Event RollbackCompleted -RunId $runId -BluePercent 0 -Confirm:$false
        $done.Status | Should -Be @('Sent', 'Sent', 'Sent')
        $done[0] | Should -BeOfType ([Cutover.CutoverNotificationResult])

        $pd = Get-Recorded pagerduty
        $pd.Count | Should -Be 2
        $pd[0].body.event_action | Should -Be 'trigger'
        $pd[0].body.payload.severity | Should -Be 'critical'
        $pd[0].body.payload.summary | Should -Match 'ROLLBACK started: error ratio'
        $pd[0].body.payload.source | Should -Be "cutover/$($plan.Name)"
        $pd[0].body.payload.custom_details.Traffic | Should -Be 'blue 50% / green 50%'
        $pd[1].body.event_action | Should -Be 'resolve'
        $pd[1].body.dedup_key | Should -Be $pd[0].body.dedup_key
        $pd.status | Should -Be @(202, 202)

        $slack = Get-Recorded slack
        $slack.Count | Should -Be 2
        $slack[0].body.blocks[0].type | Should -Be 'header'
        $fields = $slack[0].body.blocks[1].fields.text
        foreach ($label in '*Plan*', '*Event*', '*Versions*', '*Traffic*', '*Reason*') { $fields | Where-Object { $_.StartsWith($label) } | Should -Not -BeNullOrEmpty }
        $fields -join "`n" | Should -Match 'blue 2\.1\.0 / green 2\.0\.5'

        $sp = Get-Recorded statuspage
        $create = $sp | Where-Object method -EQ 'POST'
        @($create).Count | Should -Be 1
        $create.body.incident.name | Should -Be "Maintenance: $($plan.Name) (run $runId)"
        $create.headers.Authorization | Should -Be 'OAuth ***'
        $patch = $sp | Where-Object method -EQ 'PATCH'
        $patch.body.incident.status | Should -Be 'resolved'
        $incidentId = ($patch.path -split '/')[-1]
        (Invoke-RestMethod "$recorder/statuspage/v1/pages/sandboxpage/incidents/unresolved" -Headers @{ Authorization = 'OAuth x' }).id | Should -Not -Contain $incidentId
    }

    It 'finds the run''s incident from a fresh process without local state' {
        (Send-CutoverNotification -Plan $plan -Event Started -RunId $runId -Confirm:$false | Where-Object Channel -EQ Statuspage).Status | Should -Be 'Sent'
        Get-ChildItem (Join-Path $plan.State.Path 'notifications') -Filter "*$runId*statuspage.json" | Remove-Item
        $r = Send-CutoverNotification -Plan $plan -Event Completed -RunId $runId -Confirm:$false
        ($r | Where-Object Channel -EQ Statuspage).Detail | Should -Match 'updated to resolved'
        @(Get-Recorded statuspage | Where-Object method -EQ 'POST').Count | Should -Be 1
    }

    It 'sends nothing with -WhatIf' {
        Send-CutoverNotification -Plan $plan -Event RollbackStarted -RunId $runId -WhatIf | Should -BeNullOrEmpty
        (Get-Recorded).Count | Should -Be 0
    }

    It 'reports each failing channel as a NotificationFailed error and still sends the others' {
        $null = Invoke-RestMethod -Method Post "$recorder/_recorder/mode" -ContentType 'application/json' -Body '{"mode":"fail","channel":"slack"}'
        $results = Send-CutoverNotification -Plan $plan -Event RollbackStarted -RunId $runId -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        ($results | Where-Object Channel -EQ Slack).Status | Should -Be 'Failed'
        ($results | Where-Object Channel -EQ Slack).Attempts | Should -Be 3
        ($results | Where-Object Channel -EQ PagerDuty).Status | Should -Be 'Sent'
        ($results | Where-Object Channel -EQ Statuspage).Status | Should -Be 'Sent'
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NotificationFailed,*'
        "$($errs[0].TargetObject)" | Should -Be 'Slack'
        $errs[0].Exception.Message | Should -Not -Match 'hooks|/slack/services'
    }

    It 'fails every channel in fail mode, each with its own error' {
        Set-RecorderMode fail
        $results = Send-CutoverNotification -Plan $plan -Event Failed -RunId $runId -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $results.Status | Should -Be @('Failed', 'Failed', 'Failed')
        ($errs | ForEach-Object { "$($_.TargetObject)" } | Sort-Object) | Should -Be @('PagerDuty', 'Slack', 'Statuspage')
    }

    It 'returns within the timeout when every endpoint hangs' {
        Set-RecorderMode hang
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $results = Send-CutoverNotification -Plan $plan -Event RollbackStarted -RunId $runId -TimeoutSec 2 -Confirm:$false -ErrorAction SilentlyContinue
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $results.Status | Should -Be @('Failed', 'Failed', 'Failed')
        $results[0].Detail | Should -Match 'timeout'
    }

    It 'shows no secret in any stream' {
        Set-RecorderMode fail
        $all = & { Send-CutoverNotification -Plan $plan -Event RollbackStarted -Message 'leak check' -RunId $runId -Confirm:$false -Verbose -Debug -ErrorAction Continue } *>&1 | Out-String -Width 4096
        Set-RecorderMode normal
        $all += & { Send-CutoverNotification -Plan $plan -Event RollbackCompleted -RunId $runId -Confirm:$false -Verbose -Debug } *>&1 | Out-String -Width 4096
        $all += & { Test-CutoverNotification -Plan $plan -Verbose -Debug } *>&1 | Out-String -Width 4096
        $all | Should -Match 'NotificationFailed|not delivered'
        foreach ($secret in $secretValues) { $all.Contains($secret) | Should -BeFalse }
    }
}

Describe 'Test-CutoverNotification' -Tag Integration {
    BeforeEach { Set-RecorderMode normal; Clear-Recorder }

    It 'passes every channel of the sandbox plan without sending anything' {
        $results = Test-CutoverNotification -Plan $plan
        $results.Channel | Should -Be @('PagerDuty', 'Slack', 'Statuspage')
        $results.Status | Should -Be @('Pass', 'Pass', 'Pass')
        ($results | Where-Object Channel -EQ Statuspage).Reason | Should -Match 'sandboxpage'
        @(Get-Recorded | Where-Object method -NE 'GET').Count | Should -Be 0
    }

    It 'fails a channel whose secret cannot be resolved' {
        $saved = $env:CUTOVER_SANDBOX_PAGERDUTY_KEY
        try {
            Remove-Item env:CUTOVER_SANDBOX_PAGERDUTY_KEY
            (Test-CutoverNotification -Plan $plan | Where-Object Channel -EQ PagerDuty).Status | Should -Be 'Fail'
        }
        finally { $env:CUTOVER_SANDBOX_PAGERDUTY_KEY = $saved }
    }

    It 'is not Pass when the status page does not answer' {
        Set-RecorderMode hang
        (Test-CutoverNotification -Plan $plan -TimeoutSec 2 | Where-Object Channel -EQ Statuspage).Status | Should -Be 'Unknown'
        Set-RecorderMode normal
    }
}

Describe 'Get-CutoverLock' -Tag Integration {
    It 'says the traffic target is free' {
        $state = Get-CutoverLock -Plan $plan
        $state | Should -BeOfType ([Cutover.CutoverLockState])
        $state.Key | Should -Be $plan.Traffic.TargetKey
        $state.IsHeld | Should -BeFalse
    }
}
