# The AWS ALB traffic provider and connection draining against the sandbox's FakeElb (a real ELBv2 Query endpoint
# with SigV4 checks, which applies the rule's weights to the sandbox HAProxy): verified by the provider, by the
# split of real requests measured with the load generator, by FakeElb's request log and by the real AWS CLI.
BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Helpers/SandboxTraffic.ps1')

    . (Join-Path $PSScriptRoot 'Helpers/SandboxAws.ps1')
    $script:savedAws = Set-SandboxAwsEnvironment

    $script:albPlan = Import-CutoverPlan -Path $sbx.plans.alb
    $script:ruleArn = $albPlan.Traffic.AwsAlb.ListenerRuleArn
    $script:blueArn = $albPlan.Traffic.AwsAlb.BlueTargetGroupArn
    $script:greenArn = $albPlan.Traffic.AwsAlb.GreenTargetGroupArn
    $script:elbEndpoint = "http://127.0.0.1:$($sbx.ports.fakeElb)"

    function script:Invoke-Fake([string] $Path, $Body) {
        if ($null -eq $Body) { return Invoke-RestMethod -Uri "$elbEndpoint/_fake/$Path" -TimeoutSec 10 }
        Invoke-RestMethod -Method Post -Uri "$elbEndpoint/_fake/$Path" -ContentType 'application/json' -Body ($Body | ConvertTo-Json -Compress) -TimeoutSec 10
    }

    # FakeElb's requests after the given mark (the time of the last request logged when the mark was taken).
    # (Invoke-RestMethod writes a JSON array as one object: assigned, it is the array itself.)
    function script:Get-RequestMark {
        $log = Invoke-Fake 'requests'
        if (@($log).Count) { [DateTimeOffset]@($log)[-1].at } else { [DateTimeOffset]::MinValue }
    }
    function script:Get-RequestsSince([DateTimeOffset] $Mark, [string] $Action) {
        $log = Invoke-Fake 'requests'
        @($log) | Where-Object { [DateTimeOffset]$_.at -gt $Mark -and (-not $Action -or $_.action -eq $Action) }
    }

    # The rule's forward weights as the real AWS CLI reads them from FakeElb: @{ Blue = n; Green = m }.
    function script:Get-CliWeights {
        $out = & /usr/bin/aws elbv2 describe-rules --rule-arns $ruleArn --endpoint-url $elbEndpoint --output json --no-cli-pager 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "the AWS CLI reads the rule ($out)"
        $forward = (($out -join "`n") | ConvertFrom-Json).Rules[0].Actions | Where-Object Type -eq 'forward'
        $groups = $forward.ForwardConfig.TargetGroups
        @{
            Blue  = [int]($groups | Where-Object TargetGroupArn -eq $blueArn).Weight
            Green = [int]($groups | Where-Object TargetGroupArn -eq $greenArn).Weight
        }
    }

    $null = Invoke-Fake 'reset' @{}
    Set-CutoverTrafficWeight -Plan $albPlan -Blue 0 -Confirm:$false
    Initialize-Apps
}

AfterAll {
    Set-CutoverTrafficWeight -Plan $albPlan -Blue 0 -Confirm:$false
    $null = Invoke-Fake 'reset' @{}
    Restore-SandboxAwsEnvironment $savedAws
}

Describe 'Traffic through the AWS ALB provider' -Tag Integration {
    AfterEach {
        $null = Invoke-Fake 'faults' @{}
        Set-CutoverTrafficWeight -Plan $albPlan -Blue 0 -Confirm:$false
    }

    It 'moves 0 → 50 → 100 → 0, verified by the provider and by the real split, with no failed request during any change' {
        foreach ($step in @(@{ Blue = 50 }, @{ Blue = 100 }, @{ Blue = 0 })) {
            $state = Invoke-UnderLoad $step.Blue { Set-CutoverTrafficWeight -Plan $albPlan -Blue $step.Blue -Confirm:$false -PassThru }

            $state.Provider | Should -Be 'AwsAlb'
            $state.Blue | Should -Be $step.Blue
            $state.Green | Should -Be (100 - $step.Blue)
            (Get-CutoverTrafficWeight -Plan $albPlan).Blue | Should -Be $step.Blue

            Assert-Split $step.Blue
        }
    }

    It 'treats the same split twice as a verified no-op: no second ModifyRule' {
        $mark = Get-RequestMark
        Set-CutoverTrafficWeight -Plan $albPlan -Blue 50 -Confirm:$false -InformationVariable first
        ($first | Where-Object { $_.Tags -contains 'Audit' }) | Should -Not -BeNullOrEmpty
        $verbose = Set-CutoverTrafficWeight -Plan $albPlan -Blue 50 -Confirm:$false -PassThru -Verbose -InformationVariable second 4>&1
        ($second | Where-Object { $_.Tags -contains 'Audit' }) | Should -BeNullOrEmpty
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'nothing to change'
        ($verbose | Where-Object { $_ -is [Cutover.CutoverTrafficState] }).Blue | Should -Be 50
        $modify = @(Get-RequestsSince $mark 'ModifyRule')
        $modify.Count | Should -Be 1 -Because 'only the first call changes the rule'
        $modify[0].status | Should -Be 200
    }

    It 'changes nothing with -WhatIf: no ModifyRule is sent' {
        $mark = Get-RequestMark
        Set-CutoverTrafficWeight -Plan $albPlan -Blue 100 -WhatIf
        @(Get-RequestsSince $mark 'ModifyRule').Count | Should -Be 0
        (Get-CutoverTrafficWeight -Plan $albPlan).Blue | Should -Be 0
    }

    It 'retries through throttling and succeeds, writing each attempt to the debug stream' {
        $null = Invoke-Fake 'faults' @{ throttleNext = 2; action = 'ModifyRule' }
        $mark = Get-RequestMark
        $DebugPreference = 'Continue'
        $out = Set-CutoverTrafficWeight -Plan $albPlan -Blue 50 -Confirm:$false -PassThru 5>&1
        $DebugPreference = 'SilentlyContinue'
        $state = $out | Where-Object { $_ -is [Cutover.CutoverTrafficState] }
        $state.Blue | Should -Be 50
        $attempts = @($out | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -like 'ELBv2 ModifyRule attempt*' }).Message
        $attempts | Should -HaveCount 3
        $attempts[0] | Should -Match '^ELBv2 ModifyRule attempt 1: Throttling, retrying in \d+ ms$'
        $attempts[2] | Should -Be 'ELBv2 ModifyRule attempt 3: OK'
        $modify = @(Get-RequestsSince $mark 'ModifyRule')
        $modify.errorCode | Should -Be @('Throttling', 'Throttling', $null)
        $modify.status | Should -Be @(400, 400, 200)
        (Get-CliWeights).Blue | Should -Be 50
    }

    It 'uses -ProfileName for the call: a profile that cannot be loaded is an error, never the environment''s keys, and nothing is sent' {
        $env:AWS_ACCESS_KEY_ID | Should -Not -BeNullOrEmpty -Because 'the environment offers keys the call must not fall back to'
        $mark = Get-RequestMark
        { Set-CutoverTrafficWeight -Plan $albPlan -Blue 50 -ProfileName 'no-such-profile' -Confirm:$false } |
            Should -Throw -ErrorId 'AwsCredentialsUnavailable,Cutover.Commands.SetCutoverTrafficWeightCommand'
        @(Get-RequestsSince $mark).Count | Should -Be 0
        { Invoke-CutoverRollback -Plan $albPlan -Reason 'test' -ProfileName 'no-such-profile' -Confirm:$false } |
            Should -Throw -ErrorId 'AwsCredentialsUnavailable,Cutover.Commands.InvokeCutoverRollbackCommand'
        (Get-CliWeights).Blue | Should -Be 0
    }

    It 'signs for -Region instead of the plan''s region for the call' {
        (Get-CutoverTrafficWeight -Plan $albPlan -Region 'us-east-1').Blue | Should -Be 0
        $mark = Get-RequestMark
        Get-CutoverTrafficWeight -Plan $albPlan -Region 'eu-west-1' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be 'AwsServiceError,Cutover.Commands.GetCutoverTrafficWeightCommand'
        $failed[0].Exception.Message | Should -Match "SignatureDoesNotMatch.*'eu-west-1'" -Because 'the sandbox endpoint serves us-east-1 only'
        @(Get-RequestsSince $mark 'DescribeRules').Count | Should -BeGreaterThan 0
    }

    It 'stops with the AWS code for a rule that does not exist, and changes nothing' {
        $missing = $ruleArn -replace '/[0-9a-f]+$', '/0123456789abcdef'
        $missing | Should -Not -Be $ruleArn
        $bad = New-PlanVariant $sbx.plans.alb $ruleArn $missing
        $mark = Get-RequestMark
        $err = $null
        try { Set-CutoverTrafficWeight -Plan $bad -Blue 50 -Confirm:$false } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty -Because 'a permanent AWS error is terminating'
        $err.FullyQualifiedErrorId | Should -Be 'AwsServiceError,Cutover.Commands.SetCutoverTrafficWeightCommand'
        $err.Exception.Message | Should -Match 'RuleNotFound'
        @(Get-RequestsSince $mark 'ModifyRule').Count | Should -Be 0
        (Get-CutoverTrafficWeight -Plan $albPlan).Blue | Should -Be 0
    }

    It 'refuses to send traffic to unhealthy blue targets with TrafficRefusedUnhealthyTargets, listing them' {
        try {
            $null = Invoke-Fake 'targets' @{ targetGroupArn = $blueArn; state = 'unhealthy'; reason = 'Target.FailedHealthChecks'; description = 'Health checks failed' }
            $mark = Get-RequestMark
            $err = $null
            try { Set-CutoverTrafficWeight -Plan $albPlan -Blue 50 -Confirm:$false } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'TrafficRefusedUnhealthyTargets,Cutover.Commands.SetCutoverTrafficWeightCommand'
            $err.Exception.Message | Should -Match ([regex]::Escape("127.0.0.1:$($sbx.ports.appBlue) unhealthy (Target.FailedHealthChecks)"))
            @(Get-RequestsSince $mark 'ModifyRule').Count | Should -Be 0
            (Get-CliWeights).Blue | Should -Be 0
        }
        finally {
            $null = Invoke-Fake 'reset' @{}
        }
        (Get-CutoverTrafficWeight -Plan $albPlan).Targets.State | Should -Be @('healthy', 'healthy')
    }

    It 'leaves the weights the real AWS CLI sees equal to the ones it set' {
        foreach ($blue in 50, 100, 0) {
            $state = Set-CutoverTrafficWeight -Plan $albPlan -Blue $blue -Confirm:$false -PassThru
            $cli = Get-CliWeights
            $cli.Blue | Should -Be $blue
            $cli.Green | Should -Be (100 - $blue)
            ($state.Targets | Where-Object Environment -eq 'Blue').Weight | Should -Be $cli.Blue
            ($state.Targets | Where-Object Environment -eq 'Green').Weight | Should -Be $cli.Green
        }
    }

    It 'keeps every secret out of every stream, in a change and in an AWS error' {
        $DebugPreference = 'Continue'   # -Debug on a compiled cmdlet prompts (Inquire) in a non-interactive host
        $VerbosePreference = 'Continue'
        $streams = [System.Collections.Generic.List[object]]::new()
        Set-CutoverTrafficWeight -Plan $albPlan -Blue 50 -Confirm:$false -PassThru -Verbose *>&1 | ForEach-Object { $streams.Add($_) }
        Get-CutoverConnectionDraining -Plan $albPlan -Verbose *>&1 | ForEach-Object { $streams.Add($_) }
        $streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Should -Not -BeNullOrEmpty

        $bad = New-PlanVariant $sbx.plans.alb $ruleArn ($ruleArn -replace '/[0-9a-f]+$', '/0123456789abcdef')
        $err = $null
        try { Set-CutoverTrafficWeight -Plan $bad -Blue 100 -Confirm:$false -Verbose *>&1 | ForEach-Object { $streams.Add($_) } } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $secrets | Should -Contain $env:CUTOVER_SANDBOX_ELB_SECRET_ACCESS_KEY
        $DebugPreference = $VerbosePreference = 'SilentlyContinue'
        Assert-NoSecret (@($streams) + $err + $err.Exception.Message + $err.Exception.ToString())
    }
}

Describe 'ALB connection draining' -Tag Integration {
    BeforeAll {
        $script:original = Get-CutoverConnectionDraining -Plan $albPlan -Environment Green
    }
    AfterAll {
        Set-CutoverConnectionDraining -Plan $albPlan -Environment Green -DelaySec $original.DelaySec -ConnectionTermination:$original.ConnectionTermination -Confirm:$false
    }

    It 'reads both sides, sets the green delay and termination, and reads them back' {
        $both = Get-CutoverConnectionDraining -Plan $albPlan
        $both.Environment | Should -Be @('Blue', 'Green')
        $both.TargetGroupArn | Should -Be @($blueArn, $greenArn)

        $target = if ($original.DelaySec -eq 30) { 45 } else { 30 }
        $set = Set-CutoverConnectionDraining -Plan $albPlan -Environment Green -DelaySec $target -ConnectionTermination -Confirm:$false -PassThru
        $set.DelaySec | Should -Be $target
        $set.ConnectionTermination | Should -BeTrue
        $read = Get-CutoverConnectionDraining -Plan $albPlan -Environment Green
        $read.DelaySec | Should -Be $target
        $read.ConnectionTermination | Should -BeTrue
        (Get-CutoverConnectionDraining -Plan $albPlan -Environment Blue).DelaySec | Should -Be ($both | Where-Object Environment -eq 'Blue').DelaySec

        $mark = Get-RequestMark
        ($read | Set-CutoverConnectionDraining -Confirm:$false -Verbose 4>&1 | ForEach-Object Message) -join "`n" | Should -Match 'nothing to change'
        @(Get-RequestsSince $mark 'ModifyTargetGroupAttributes').Count | Should -Be 0
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-CutoverConnectionDraining -Plan $albPlan -Environment Green
        $mark = Get-RequestMark
        Set-CutoverConnectionDraining -Plan $albPlan -Environment Green -DelaySec ($before.DelaySec + 7) -ConnectionTermination:(-not $before.ConnectionTermination) -WhatIf
        @(Get-RequestsSince $mark 'ModifyTargetGroupAttributes').Count | Should -Be 0
        $after = Get-CutoverConnectionDraining -Plan $albPlan -Environment Green
        $after.DelaySec | Should -Be $before.DelaySec
        $after.ConnectionTermination | Should -Be $before.ConnectionTermination
    }
}
