# Test-CutoverHealth against the sandbox's real services with load on both apps, then one fault at a time: exactly
# the expected checks turn Fail or Unknown, the others stay Pass. Each fault is undone in a finally block and the
# test waits (bounded) until the whole sandbox is healthy again. Also the LoadBalancer check over HAProxy, ALB and DNS.
BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Helpers/SandboxTraffic.ps1')
    . (Join-Path $PSScriptRoot 'Helpers/SandboxAws.ps1')
    $script:repository = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:plan = Import-CutoverPlan -Path $sbx.plans.haproxy

    # Load on both apps directly (not through HAProxy, whose weights other tests move): 60 req/s each, so that a
    # check's own few requests cannot move an error ratio over 1 % (with RabbitMQ down, one run's /health and
    # /api/messages answer 503: 2 of ~240 requests in the 4 s window).
    function script:Start-AppLoad {
        foreach ($app in $sbx.urls.appBlue, $sbx.urls.appGreen) { Start-SandboxLoad -Sandbox $sbx -Url "$app/api/status" -Rate 60 -DurationSec 900 }
    }
    function script:Stop-AppLoad {
        foreach ($load in $script:loads) { $null = Stop-SandboxLoad $load }
    }

    function script:Invoke-Sandbox([string[]] $Arguments) {
        $env:CUTOVER_SANDBOX_PORT_OFFSET = [string]$sbx.portOffset
        $out = & (Join-Path $repository 'scripts/sandbox') @Arguments 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "scripts/sandbox $Arguments succeeds: $($out -join "`n")"
    }

    function script:Wait-Until([int] $Seconds, [scriptblock] $Condition) {
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        do {
            if (& $Condition) { return $true }
            Start-Sleep -Milliseconds 500
        } while ([DateTime]::UtcNow -lt $deadline)
        $false
    }

    # Every check of both environments, as "Environment/Check" => result.
    function script:Get-Health($Plan = $plan, [string[]] $Check) {
        $parameters = @{ Plan = $Plan; TimeoutSec = 10 }
        if ($Check) { $parameters.Check = $Check }
        $results = @(Test-CutoverHealth @parameters | Where-Object { $_ -is [Cutover.CutoverHealthResult] })
        $byKey = [ordered]@{}
        foreach ($r in $results) { $byKey["$(if ($null -eq $r.Environment) { 'Shared' } else { $r.Environment })/$($r.Check)"] = $r }
        $byKey
    }

    function script:Format-Health($Health) { ($Health.Values | ForEach-Object { "$($_.Environment)/$($_.Check)=$($_.Status): $($_.Message)" }) -join "`n" }

    # Waits until every check passes (bounded), so one fault's effects cannot leak into the next test.
    function script:Wait-Healthy {
        $ok = Wait-Until 120 { $script:last = Get-Health; @($last.Values | Where-Object Status -ne 'Pass').Count -eq 0 }
        $ok | Should -BeTrue -Because "the sandbox recovers: $(Format-Health $last)"
    }

    # Asserts that exactly the keys in $Expected are not Pass, each with its status (Fail or Unknown) and a message
    # matching the pattern; every other check passes.
    function script:Assert-Only($Health, [hashtable] $Expected) {
        $Health.Count | Should -Be 18 -Because 'eight checks per environment and two shared'
        foreach ($key in $Health.Keys) {
            $r = $Health[$key]
            if ($Expected.ContainsKey($key)) {
                $status, $pattern = $Expected[$key]
                $r.Status | Should -Be $status -Because "$key is $status under this fault ($($r.Message))"
                $r.Message | Should -Match $pattern
            }
            else {
                $r.Status | Should -Be 'Pass' -Because "$key is not affected by this fault ($($r.Message))"
            }
        }
        foreach ($key in $Expected.Keys) { $Health.Contains($key) | Should -BeTrue -Because "$key is checked" }
    }

    $script:loads = Start-AppLoad
}

AfterAll {
    Stop-AppLoad
}

Describe 'Test-CutoverHealth on the sandbox' -Tag Integration {
    BeforeAll { Wait-Healthy }

    It 'passes every check of both environments on a healthy sandbox, and the report is ready' {
        $out = Test-CutoverHealth -Plan $plan -TimeoutSec 10
        $report = $out | Where-Object { $_ -is [Cutover.CutoverHealthReport] }
        $report.Ready | Should -BeTrue -Because (Format-Health (Get-Health))
        $report.Total | Should -Be 18
        $report.Passed | Should -Be 18
        Test-CutoverHealth -Plan $plan -Quiet | Should -BeTrue
    }

    It 'writes no secret to any stream with -Verbose and debug output' {
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        $bad = New-PlanVariant $sbx.plans.haproxy "'env:CUTOVER_SANDBOX_BLUE_PG_PASSWORD'" "'env:CUTOVER_SANDBOX_GREEN_PG_PASSWORD'"
        $stream = @(Test-CutoverHealth -Plan $plan -Verbose *>&1) + @(Test-CutoverHealth -Plan $bad -Verbose *>&1)
        $stream.Count | Should -BeGreaterThan 40
        @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        Assert-NoSecret $stream
    }

    Context 'one fault at a time' {
        AfterEach { Wait-Healthy }
        AfterAll { Wait-NoCriticalAlert }   # the 500s fault's alert outlives it; later watches must not see it

        It 'Redis stopped: blue App and Redis fail' {
            try {
                Invoke-Sandbox @('stop-service', 'redis-blue')
                (Wait-Until 30 { (Get-Health -Check Redis)['Blue/Redis'].Status -eq 'Fail' }) | Should -BeTrue
                Assert-Only (Get-Health) @{
                    'Blue/App'   = 'Fail', 'redis'
                    'Blue/Redis' = 'Fail', 'Redis does not answer'
                }
            }
            finally { Invoke-Sandbox @('restart-service', 'redis-blue') }
        }

        It 'a wrong PostgreSQL password: blue Database fails and Replication is unknown' {
            $env:CUTOVER_HEALTH_TEST_BAD_PG = 'wrong-' + [guid]::NewGuid().ToString('n')
            try {
                $bad = New-PlanVariant $sbx.plans.haproxy "'env:CUTOVER_SANDBOX_BLUE_PG_PASSWORD'" "'env:CUTOVER_HEALTH_TEST_BAD_PG'"
                $health = Get-Health -Plan $bad
                Assert-Only $health @{
                    'Blue/Database'    = 'Fail', 'password authentication failed'
                    'Blue/Replication' = 'Unknown', 'cannot read pg_stat_replication'
                }
                (Format-Health $health).Contains($env:CUTOVER_HEALTH_TEST_BAD_PG) | Should -BeFalse
            }
            finally { Remove-Item env:CUTOVER_HEALTH_TEST_BAD_PG -ErrorAction Ignore }
        }

        It 'a RabbitMQ broker stopped: blue RabbitMq, App and the API endpoint using it fail' {
            try {
                Invoke-Sandbox @('stop-service', 'rabbitmq-blue')
                (Wait-Until 30 { (Get-Health -Check RabbitMq)['Blue/RabbitMq'].Status -eq 'Fail' }) | Should -BeTrue
                Assert-Only (Get-Health) @{
                    'Blue/App'      = 'Fail', 'rabbitmq'
                    'Blue/RabbitMq' = 'Fail', 'AMQP connection failed'
                    'Blue/Api'      = 'Fail', '/api/messages answered HTTP 5'
                }
            }
            finally { Invoke-Sandbox @('restart-service', 'rabbitmq-blue') }
        }

        It 'the app answering 500: blue Api and ErrorRate fail' {
            try {
                Set-BlueFault @{ errorRatio = 1.0 }
                (Wait-Until 30 { (Get-Health -Check ErrorRate)['Blue/ErrorRate'].Status -eq 'Fail' }) | Should -BeTrue
                Assert-Only (Get-Health) @{
                    'Blue/Api'       = 'Fail', 'answered HTTP 500'
                    'Blue/ErrorRate' = 'Fail', 'error ratio .* is not below 0.01'
                }
            }
            finally { Clear-BlueFault }
        }

        It 'the app reporting another version than the plan expects: blue App fails naming both' {
            $other = New-PlanVariant $sbx.plans.haproxy "ExpectedVersion    = '2.1.0'" "ExpectedVersion    = '2.1.1'"
            Assert-Only (Get-Health -Plan $other) @{ 'Blue/App' = 'Fail', '2\.1\.0.*2\.1\.1|2\.1\.1.*2\.1\.0' }
        }

        It 'Prometheus stopped: ErrorRate and Latency of both environments and Monitoring are unknown' {
            try {
                Invoke-Sandbox @('stop-service', 'prometheus')
                $unreachable = 'Prometheus unreachable'
                Assert-Only (Get-Health) @{
                    'Blue/ErrorRate'    = 'Unknown', $unreachable
                    'Green/ErrorRate'   = 'Unknown', $unreachable
                    'Blue/Latency'      = 'Unknown', $unreachable
                    'Green/Latency'     = 'Unknown', $unreachable
                    'Shared/Monitoring' = 'Unknown', $unreachable
                }
            }
            finally { Invoke-Sandbox @('restart-service', 'prometheus') }
        }

        # The checks' own few requests (App, Api) stay below MinRequestCount, so the outcome cannot depend on a scrape
        # falling between them and the metric queries.
        It 'no traffic at all: ErrorRate and Latency of both environments are unknown' {
            try {
                Stop-AppLoad
                (Wait-Until 60 {
                    $h = Get-Health -Check ErrorRate, Latency
                    @($h.Values | Where-Object Status -eq 'Unknown').Count -eq 4
                }) | Should -BeTrue
                Assert-Only (Get-Health) @{
                    'Blue/ErrorRate'  = 'Unknown', 'fewer than MinRequestCount'
                    'Green/ErrorRate' = 'Unknown', 'fewer than MinRequestCount'
                    'Blue/Latency'    = 'Unknown', 'fewer than MinRequestCount'
                    'Green/Latency'   = 'Unknown', 'fewer than MinRequestCount'
                }
            }
            finally { $script:loads = Start-AppLoad }
        }
    }
}

Describe 'The LoadBalancer check on each traffic provider' -Tag Integration {
    It 'HAProxy: knows blue and green in the backend' {
        $r = (Get-Health -Check LoadBalancer)['Shared/LoadBalancer']
        $r.Status | Should -Be 'Pass' -Because $r.Message
        $r.Message | Should -Match 'be_app/blue .*be_app/green'
    }

    It 'HAProxy: a backend without the plan''s green server fails naming it' {
        $other = New-PlanVariant $sbx.plans.haproxy "GreenServer = 'green'" "GreenServer = 'teal'"
        $r = (Get-Health -Plan $other -Check LoadBalancer)['Shared/LoadBalancer']
        $r.Status | Should -Be 'Fail'
        $r.Message | Should -Match "no server 'teal'"
    }

    It 'DNS: every nameserver answers blue or green' {
        $r = (Get-Health -Plan (Import-CutoverPlan $sbx.plans.dns) -Check LoadBalancer)['Shared/LoadBalancer']
        $r.Status | Should -Be 'Pass' -Because $r.Message
        $r.Message | Should -Match '^Dns answers'
    }

    It 'DNS: a record nobody serves fails' {
        $dns = Import-CutoverPlan $sbx.plans.dns
        $other = New-PlanVariant $sbx.plans.dns "'$($dns.Traffic.Dns.Record)'" "'nothing-here.$($dns.Traffic.Dns.Zone)'"
        $r = (Get-Health -Plan $other -Check LoadBalancer)['Shared/LoadBalancer']
        $r.Status | Should -Be 'Fail'
        $r.Message | Should -Match 'neither blue nor green'
    }

    Context 'AWS ALB (FakeElb)' {
        BeforeAll { $script:savedAws = Set-SandboxAwsEnvironment }
        AfterAll { Restore-SandboxAwsEnvironment $savedAws }

        It 'compares the target groups'' health checks with the procedure and warns with each difference' {
            $alb = Import-CutoverPlan $sbx.plans.alb
            $r = (Get-Health -Plan $alb -Check LoadBalancer)['Shared/LoadBalancer']
            $state = Get-CutoverTrafficWeight -Plan $alb
            $state.HealthChecks | Should -HaveCount 2
            $differs = @($state.HealthChecks | Where-Object {
                    $port = if ($_.Port -eq 'traffic-port') { $_.TrafficPort } else { [int]$_.Port }
                    $app = if ($alb.Traffic.AwsAlb.AppPort) { $alb.Traffic.AwsAlb.AppPort } else { $alb.GetEnvironment($_.Environment).AppUrl.Port }
                    -not $_.Enabled -or $_.Protocol -ne 'HTTP' -or $_.Path -ne '/health' -or $port -ne $app -or $_.HealthyThreshold -ne 2 -or
                    $_.UnhealthyThreshold -ne 3 -or $_.IntervalSec -ne 30 -or $_.TimeoutSec -ne 5 })
            if ($differs.Count -eq 0 -and $state.Warnings.Count -eq 0) {
                $r.Status | Should -Be 'Pass' -Because $r.Message
            }
            else {
                $r.Status | Should -Be 'Warn' -Because $r.Message
                foreach ($d in $differs) { $r.Message | Should -Match "$($d.Environment) health check of" }
            }
            $r.Message | Should -Not -Match 'reads HAProxy only'
        }

        It 'an unknown listener rule fails' {
            $alb = Import-CutoverPlan $sbx.plans.alb
            $rule = $alb.Traffic.AwsAlb.ListenerRuleArn
            $other = New-PlanVariant $sbx.plans.alb $rule ($rule.Substring(0, $rule.Length - 4) + '0000')
            $r = (Get-Health -Plan $other -Check LoadBalancer)['Shared/LoadBalancer']
            $r.Status | Should -Be 'Fail'
            $r.Message | Should -Match 'AwsAlb'
        }
    }
}

Describe 'scripts/Invoke-CutoverPreflight.ps1 as a scheduled child process' -Tag Integration {
    BeforeAll {
        $script:preflight = Join-Path $repository 'scripts/Invoke-CutoverPreflight.ps1'
        # Runs the script as a scheduler would: a new non-interactive pwsh from the repository (for the tool manifest).
        function script:Invoke-Preflight([string[]] $Arguments) {
            Push-Location $repository
            try {
                $out = & dotnet pwsh -NoProfile -NonInteractive -File $preflight @Arguments 2>&1
                [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = ($out | ForEach-Object { "$_" }) -join "`n" }
            }
            finally { Pop-Location }
        }
        Wait-Healthy
    }

    It 'exits 0 on a healthy sandbox, prints the summary and writes a JUnit report with one passing testcase per check' {
        $xmlPath = Join-Path $TestDrive 'ready.xml'
        $run = Invoke-Preflight @('-Plan', $sbx.plans.haproxy, '-ReportPath', $xmlPath)
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Text | Should -Match 'Checks Passed: 18/18'
        $run.Text | Should -Match 'READY FOR CUTOVER'
        [xml] $xml = Get-Content $xmlPath -Raw
        $suite = $xml.testsuites.testsuite
        $suite.tests | Should -Be '18'
        $suite.failures | Should -Be '0'
        $suite.skipped | Should -Be '0'
        @($suite.testcase).Count | Should -Be 18
        @($suite.testcase | Where-Object { $_.classname -eq 'Cutover.Health.Blue' -and $_.name -eq 'Database' }).Count | Should -Be 1
        Assert-NoSecret @($run.Text, (Get-Content $xmlPath -Raw))
    }

    It 'exits 1 when a check fails, lists it, and the JSON report says why' {
        $other = Join-Path $TestDrive 'other-version.psd1'
        Set-Content $other ((Get-Content $sbx.plans.haproxy -Raw).Replace("ExpectedVersion    = '2.1.0'", "ExpectedVersion    = '2.1.1'"))
        $jsonPath = Join-Path $TestDrive 'not-ready.json'
        $run = Invoke-Preflight @('-Plan', $other, '-ReportPath', $jsonPath, '-Environment', 'Blue')
        $run.ExitCode | Should -Be 1 -Because $run.Text
        $run.Text | Should -Match 'Checks Passed: 9/10'
        $run.Text | Should -Match '✗ Blue/App: Fail - .*2\.1\.1'
        $run.Text | Should -Match 'DO NOT PROCEED'
        $json = Get-Content $jsonPath -Raw | ConvertFrom-Json
        $json.ready | Should -BeFalse
        $json.failed | Should -Be 1
        @($json.results).Count | Should -Be 10
        ($json.results | Where-Object { $_.environment -eq 'Blue' -and $_.check -eq 'App' }).status | Should -Be 'Fail'
    }

    It 'exits 1 when checks are unknown and reports them as skipped in JUnit' {
        $other = Join-Path $TestDrive 'no-prometheus.psd1'
        Set-Content $other ((Get-Content $sbx.plans.haproxy -Raw).Replace($sbx.urls.prometheus, 'http://127.0.0.1:9'))
        $xmlPath = Join-Path $TestDrive 'unknown.xml'
        $run = Invoke-Preflight @('-Plan', $other, '-ReportPath', $xmlPath)
        $run.ExitCode | Should -Be 1 -Because $run.Text
        [xml] $xml = Get-Content $xmlPath -Raw
        $suite = $xml.testsuites.testsuite
        $suite.skipped | Should -Be '5'
        $suite.failures | Should -Be '0'
        @($suite.testcase | Where-Object { $_.skipped }).name | Sort-Object -Unique | Should -Be @('ErrorRate', 'Latency', 'Monitoring')
    }

    It 'exits 2 on bad input: <Case>' -ForEach @(
        @{ Case = 'no -Plan'; Arguments = @() }
        @{ Case = 'a missing plan file'; Arguments = @('-Plan', '/nonexistent/plan.psd1') }
        @{ Case = 'an invalid plan'; Arguments = @('-Plan', 'INVALID') }
        @{ Case = 'an unknown environment'; Arguments = @('-Plan', 'PLAN', '-Environment', 'Purple') }
        @{ Case = 'a timeout out of range'; Arguments = @('-Plan', 'PLAN', '-TimeoutSec', '0') }
        @{ Case = 'a report that is neither .xml nor .json'; Arguments = @('-Plan', 'PLAN', '-ReportPath', 'REPORT.txt') }
        @{ Case = 'an unknown parameter'; Arguments = @('-Plan', 'PLAN', '-Bogus', 'x') }
    ) {
        $invalid = Join-Path $TestDrive 'invalid.psd1'
        Set-Content $invalid "@{ Name = 'broken' }"
        $arguments = @($Arguments | ForEach-Object {
                $_.Replace('INVALID', $invalid).Replace('PLAN', $sbx.plans.haproxy).Replace('REPORT', (Join-Path $TestDrive 'report'))
            })
        $run = Invoke-Preflight $arguments
        $run.ExitCode | Should -Be 2 -Because $run.Text
        $run.Text | Should -Match 'Invoke-CutoverPreflight: '
        Test-Path (Join-Path $TestDrive 'report.txt') | Should -BeFalse
    }
}
