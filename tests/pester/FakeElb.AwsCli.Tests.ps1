<#
    The real Debian AWS CLI (/usr/bin/aws, aws-cli 2.x) against FakeElb: every request is SigV4-signed by the
    CLI and verified by FakeElb, and every XML answer must parse into the JSON the CLI prints.
    FakeElb runs on a free 127.0.0.1 port with a temporary state file and no HAProxy ("haproxy": null).
#>

BeforeAll {
    $script:Aws = '/usr/bin/aws'
    if (-not (Test-Path $Aws)) {
        # The Debian package, not a pip-installed aws that may come first on PATH. A fresh machine may need the package lists first.
        & apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=600 awscli *>&1 | Out-Null
        if (-not (Test-Path $Aws)) {
            & apt-get update -o DPkg::Lock::Timeout=600 *>&1 | Out-Null
            & apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=600 awscli *>&1 | Out-Null
        }
        if (-not (Test-Path $Aws)) { throw "The Debian AWS CLI is required at $Aws (apt-get install awscli)." }
    }

    $repository = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Build = Join-Path $TestDrive 'fakeelb'
    & dotnet build (Join-Path $repository 'tests/fixtures/FakeElb/FakeElb.csproj') -c Release -o $Build -nologo -v quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet build of FakeElb failed ($LASTEXITCODE)." }

    $script:RuleArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/sandbox-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee'
    $script:ListenerArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/sandbox-alb/50dc6c495c0c9188/f2f7dc8efc522ab2'
    $script:LoadBalancerArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/sandbox-alb/50dc6c495c0c9188'
    $script:BlueArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue-tg/73e2d6bc24d8a067'
    $script:GreenArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green-tg/2453ed029918f21f'
    $script:AccessKeyId = 'AKIDFAKE' + (Get-Random -Minimum 100000000 -Maximum 999999999)
    $script:Secret = 'fakeSecret/' + [guid]::NewGuid().ToString('N')

    $script:StatePath = Join-Path $TestDrive 'elb-state.json'
    [ordered]@{
        region = 'us-east-1'; accessKeyId = $AccessKeyId; secretAccessKey = $Secret
        listenerRuleArn = $RuleArn; blueTargetGroupArn = $BlueArn; greenTargetGroupArn = $GreenArn
        haproxy = $null; appPort = 48081
    } | ConvertTo-Json | Set-Content -Path $StatePath

    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $script:Endpoint = "http://127.0.0.1:$($listener.LocalEndpoint.Port)"
    $listener.Stop()

    function script:Start-FakeElb {
        $log = Join-Path $TestDrive 'fakeelb.log'
        $start = [System.Diagnostics.ProcessStartInfo]::new('/bin/sh')
        foreach ($argument in '-c', 'exec dotnet "$0" >>"$1" 2>&1', (Join-Path $Build 'FakeElb.dll'), $log) { $start.ArgumentList.Add($argument) }
        $start.Environment['FAKEELB_URLS'] = $Endpoint
        $start.Environment['FAKEELB_STATE'] = $StatePath
        $start.UseShellExecute = $false
        $script:FakeElbProcess = [System.Diagnostics.Process]::Start($start)

        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ([DateTime]::UtcNow -lt $deadline) {
            if ($FakeElbProcess.HasExited) { throw "FakeElb exited ($($FakeElbProcess.ExitCode)): $(Get-Content $log -Raw)" }
            try { Invoke-RestMethod "$Endpoint/_fake/state" -TimeoutSec 2 | Out-Null; return } catch { Start-Sleep -Milliseconds 250 }
        }
        throw "FakeElb did not answer on $Endpoint within 60 s: $(Get-Content $log -Raw)"
    }

    function script:Stop-FakeElb {
        if ($FakeElbProcess -and -not $FakeElbProcess.HasExited) {
            $FakeElbProcess.Kill()
            $FakeElbProcess.WaitForExit(10000) | Out-Null
        }
    }

    # Runs "/usr/bin/aws elbv2 …" against FakeElb; returns the exit code, the parsed JSON output and stderr.
    function script:Invoke-Elbv2 {
        param([Parameter(Mandatory)][string[]] $Arguments, [string] $SecretAccessKey = $Secret)
        $errors = Join-Path $TestDrive 'aws-stderr.txt'
        $env:AWS_SECRET_ACCESS_KEY = $SecretAccessKey
        try {
            # A clean environment: nothing another test file left in this process can reach the CLI.
            $clean = @('-i', "PATH=$env:PATH", "HOME=$TestDrive", "AWS_ACCESS_KEY_ID=$AccessKeyId", "AWS_SECRET_ACCESS_KEY=$SecretAccessKey",
                'AWS_DEFAULT_REGION=us-east-1', 'AWS_EC2_METADATA_DISABLED=true', 'AWS_CONFIG_FILE=/nonexistent', 'AWS_SHARED_CREDENTIALS_FILE=/nonexistent')
            $output = & /usr/bin/env @clean $Aws elbv2 @Arguments --endpoint-url $Endpoint --output json --no-cli-pager 2>$errors
            $exitCode = $LASTEXITCODE
        }
        finally {
            $env:AWS_SECRET_ACCESS_KEY = $Secret
        }
        [pscustomobject]@{
            ExitCode = $exitCode
            Json     = if ($exitCode -eq 0 -and $output) { ($output -join "`n") | ConvertFrom-Json } else { $null }
            Error    = (Get-Content $errors -Raw)
        }
    }

    # [Environment]::SetEnvironmentVariable would receive "" for $null from PowerShell; remove explicitly instead.
    function script:Set-EnvironmentVariable([string] $Name, [AllowNull()][string] $Value) {
        if ([string]::IsNullOrEmpty($Value)) { Remove-Item "env:$Name" -ErrorAction SilentlyContinue }
        else { Set-Item "env:$Name" $Value }
    }

    function script:Get-RuleWeights {
        $rule = (Invoke-Elbv2 'describe-rules', '--rule-arns', $RuleArn).Json.Rules[0]
        $weights = @{}
        foreach ($group in $rule.Actions[0].ForwardConfig.TargetGroups) { $weights[$group.TargetGroupArn] = $group.Weight }
        $weights
    }

    # AWS_PAGER="" cannot be expressed here: .NET removes a variable set to an empty string. Every call passes
    # --no-cli-pager instead. AWS_PROFILE and AWS_SESSION_TOKEN are removed so nothing of the caller's leaks in.
    $script:SavedEnvironment = @{}
    $variables = [ordered]@{
        AWS_ACCESS_KEY_ID = $AccessKeyId; AWS_SECRET_ACCESS_KEY = $Secret; AWS_DEFAULT_REGION = 'us-east-1'
        AWS_EC2_METADATA_DISABLED = 'true'; AWS_CONFIG_FILE = '/nonexistent'; AWS_SHARED_CREDENTIALS_FILE = '/nonexistent'
        AWS_PAGER = $null; AWS_PROFILE = $null; AWS_DEFAULT_PROFILE = $null; AWS_SESSION_TOKEN = $null; AWS_ENDPOINT_URL = $null
    }
    foreach ($name in $variables.Keys) {
        $SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        Set-EnvironmentVariable $name $variables[$name]
    }

    Start-FakeElb
}

AfterAll {
    Stop-FakeElb
    foreach ($name in $SavedEnvironment.Keys) { Set-EnvironmentVariable $name $SavedEnvironment[$name] }
}

Describe 'FakeElb through the real AWS CLI' -Tag Integration {
    It 'describe-rules shows the sandbox rule: green 100, blue 0, path /*' {
        $result = Invoke-Elbv2 'describe-rules', '--rule-arns', $RuleArn
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $rule = $result.Json.Rules[0]
        $rule.RuleArn | Should -Be $RuleArn
        $rule.Priority | Should -Be '10'
        $rule.IsDefault | Should -BeFalse
        $rule.Conditions[0].Field | Should -Be 'path-pattern'
        $rule.Conditions[0].PathPatternConfig.Values | Should -Be @('/*')
        $rule.Actions[0].Type | Should -Be 'forward'
        $rule.Actions[0].ForwardConfig.TargetGroupStickinessConfig.Enabled | Should -BeFalse
        $weights = Get-RuleWeights
        $weights[$GreenArn] | Should -Be 100
        $weights[$BlueArn] | Should -Be 0
    }

    It 'describe-rules by listener lists the rule and the default rule' {
        $result = Invoke-Elbv2 'describe-rules', '--listener-arn', $ListenerArn
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Json.Rules.Priority | Should -Be @('10', 'default')
    }

    It 'modify-rule sets weights 80/20 with stickiness, and describe-rules shows them' {
        $actions = ConvertTo-Json -Compress -Depth 6 @(@{
                Type          = 'forward'
                ForwardConfig = @{
                    TargetGroups               = @(@{ TargetGroupArn = $BlueArn; Weight = 80 }, @{ TargetGroupArn = $GreenArn; Weight = 20 })
                    TargetGroupStickinessConfig = @{ Enabled = $true; DurationSeconds = 600 }
                }
            })
        $result = Invoke-Elbv2 'modify-rule', '--rule-arn', $RuleArn, '--actions', $actions
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Json.Rules[0].Actions[0].ForwardConfig.TargetGroups.Weight | Should -Be @(80, 20)

        $described = (Invoke-Elbv2 'describe-rules', '--rule-arns', $RuleArn).Json.Rules[0]
        $described.Actions[0].ForwardConfig.TargetGroupStickinessConfig.Enabled | Should -BeTrue
        $described.Actions[0].ForwardConfig.TargetGroupStickinessConfig.DurationSeconds | Should -Be 600
        $described.Conditions[0].PathPatternConfig.Values | Should -Be @('/*') -Because 'conditions not given are kept'
        $weights = Get-RuleWeights
        $weights[$BlueArn] | Should -Be 80
        $weights[$GreenArn] | Should -Be 20
    }

    It 'logs each request with the access key it verified' {
        $log = Invoke-RestMethod "$Endpoint/_fake/requests"
        $modify = @($log | Where-Object action -EQ 'ModifyRule')[-1]
        $modify.verifiedAccessKeyId | Should -Be $AccessKeyId
        $modify.status | Should -Be 200
        $modify.parameters.'Actions.member.1.ForwardConfig.TargetGroups.member.1.Weight' | Should -Be '80'
    }

    It 'describe-target-health reports healthy, then what /_fake/targets sets' {
        $result = Invoke-Elbv2 'describe-target-health', '--target-group-arn', $GreenArn
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $description = $result.Json.TargetHealthDescriptions[0]
        $description.Target.Id | Should -Be '127.0.0.1'
        $description.Target.Port | Should -Be 48082
        $description.TargetHealth.State | Should -Be 'healthy'

        $change = @{ targetGroupArn = $GreenArn; state = 'unhealthy'; reason = 'Target.FailedHealthChecks'; description = 'Health checks failed' }
        Invoke-RestMethod "$Endpoint/_fake/targets" -Method Post -ContentType 'application/json' -Body (ConvertTo-Json $change) | Out-Null
        $health = (Invoke-Elbv2 'describe-target-health', '--target-group-arn', $GreenArn).Json.TargetHealthDescriptions[0].TargetHealth
        $health.State | Should -Be 'unhealthy'
        $health.Reason | Should -Be 'Target.FailedHealthChecks'
        $health.Description | Should -Be 'Health checks failed'
    }

    It 'describe-target-groups returns both groups with their health check settings' {
        $result = Invoke-Elbv2 'describe-target-groups', '--target-group-arns', $BlueArn, $GreenArn
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $groups = $result.Json.TargetGroups
        $groups.TargetGroupName | Should -Be @('blue-tg', 'green-tg')
        foreach ($group in $groups) {
            $group.Protocol | Should -Be 'HTTP'
            $group.Port | Should -Be 48081
            $group.HealthCheckPath | Should -Be '/health'
            $group.HealthCheckPort | Should -Be 'traffic-port'
            $group.HealthyThresholdCount | Should -Be 2
            $group.UnhealthyThresholdCount | Should -Be 3
            $group.HealthCheckIntervalSeconds | Should -Be 30
            $group.HealthCheckTimeoutSeconds | Should -Be 5
            $group.Matcher.HttpCode | Should -Be '200'
            $group.LoadBalancerArns | Should -Be @($LoadBalancerArn)
            $group.TargetType | Should -Be 'ip'
        }
    }

    It 'describe-target-group-attributes lists the seven defaults' {
        $result = Invoke-Elbv2 'describe-target-group-attributes', '--target-group-arn', $BlueArn
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $attributes = @{}
        foreach ($attribute in $result.Json.Attributes) { $attributes[$attribute.Key] = $attribute.Value }
        $attributes.Count | Should -Be 7
        $attributes['deregistration_delay.timeout_seconds'] | Should -Be '300'
        $attributes['stickiness.type'] | Should -Be 'lb_cookie'
        $attributes['stickiness.lb_cookie.duration_seconds'] | Should -Be '86400'
        $attributes['load_balancing.algorithm.type'] | Should -Be 'round_robin'
    }

    It 'modify-target-group-attributes changes the value and keeps it' {
        $result = Invoke-Elbv2 'modify-target-group-attributes', '--target-group-arn', $BlueArn, '--attributes', 'Key=deregistration_delay.timeout_seconds,Value=45'
        $result.ExitCode | Should -Be 0 -Because $result.Error
        ($result.Json.Attributes | Where-Object Key -EQ 'deregistration_delay.timeout_seconds').Value | Should -Be '45'
        $described = (Invoke-Elbv2 'describe-target-group-attributes', '--target-group-arn', $BlueArn).Json.Attributes
        ($described | Where-Object Key -EQ 'deregistration_delay.timeout_seconds').Value | Should -Be '45'
    }

    It 'describe-listeners shows the HTTP:80 listener and its default action' {
        $result = Invoke-Elbv2 'describe-listeners', '--load-balancer-arn', $LoadBalancerArn
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $listener = $result.Json.Listeners[0]
        $listener.ListenerArn | Should -Be $ListenerArn
        $listener.Port | Should -Be 80
        $listener.Protocol | Should -Be 'HTTP'
        $listener.DefaultActions[0].Type | Should -Be 'fixed-response'
        $listener.DefaultActions[0].FixedResponseConfig.StatusCode | Should -Be '404'
    }

    It 'an unknown rule is RuleNotFound (rc 254)' {
        $result = Invoke-Elbv2 'describe-rules', '--rule-arns', ($RuleArn -replace '9683b2d02a6cabee$', '0000000000000000')
        $result.ExitCode | Should -Be 254
        $result.Error | Should -Match '\(RuleNotFound\) when calling the DescribeRules operation'
    }

    It 'Weight=1000 is a ValidationError (rc 254) and changes nothing' {
        $actions = ConvertTo-Json -Compress -Depth 6 @(@{
                Type = 'forward'; ForwardConfig = @{ TargetGroups = @(@{ TargetGroupArn = $BlueArn; Weight = 1000 }, @{ TargetGroupArn = $GreenArn; Weight = 0 }) }
            })
        $result = Invoke-Elbv2 'modify-rule', '--rule-arn', $RuleArn, '--actions', $actions
        $result.ExitCode | Should -Be 254
        $result.Error | Should -Match '\(ValidationError\) when calling the ModifyRule operation: .*between 0 and 999'
        (Get-RuleWeights)[$BlueArn] | Should -Be 80
    }

    It 'a wrong secret is SignatureDoesNotMatch (rc 254)' {
        $result = Invoke-Elbv2 'describe-rules', '--rule-arns', $RuleArn -SecretAccessKey 'not-the-secret'
        $result.ExitCode | Should -Be 254
        $result.Error | Should -Match '\(SignatureDoesNotMatch\) when calling the DescribeRules operation'
        $log = Invoke-RestMethod "$Endpoint/_fake/requests"
        $log[-1].status | Should -Be 403
        $log[-1].verifiedAccessKeyId | Should -BeNullOrEmpty
    }

    It 'an injected Throttling is retried by the CLI' {
        $faults = @{ throttleNext = 1; action = 'DescribeListeners' }
        Invoke-RestMethod "$Endpoint/_fake/faults" -Method Post -ContentType 'application/json' -Body (ConvertTo-Json $faults) | Out-Null
        $result = Invoke-Elbv2 'describe-listeners', '--listener-arns', $ListenerArn
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $log = Invoke-RestMethod "$Endpoint/_fake/requests"
        $statuses = @($log | Where-Object action -EQ 'DescribeListeners' | Select-Object -Last 2).status
        $statuses | Should -Be @(400, 200)
    }

    It 'keeps the weights across a restart, and /_fake/reset restores the initial state' {
        Stop-FakeElb
        Start-FakeElb
        (Get-RuleWeights)[$BlueArn] | Should -Be 80

        Invoke-RestMethod "$Endpoint/_fake/reset" -Method Post | Out-Null
        $weights = Get-RuleWeights
        $weights[$BlueArn] | Should -Be 0
        $weights[$GreenArn] | Should -Be 100
    }
}
