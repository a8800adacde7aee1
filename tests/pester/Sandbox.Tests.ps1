<#
    The sandbox (scripts/sandbox, docs/sandbox.md) checked with each service's own client.
    The runner starts the sandbox first; these tests read $env:CUTOVER_SANDBOX_DIR (default /tmp/cutover-sandbox),
    its sandbox.json and the secrets in its sandbox.env. Nothing here is sent anywhere but 127.0.0.1, every wait
    is bounded, and no secret is ever put on a command line or into a message.
    Tests that change state (DNS record, HAProxy weights, Redis stopped) put it back in a finally block.
#>

BeforeAll {
    $script:Repository = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:SandboxScript = Join-Path $Repository 'scripts/sandbox'
    $script:Dir = if ($env:CUTOVER_SANDBOX_DIR) { $env:CUTOVER_SANDBOX_DIR } else { '/tmp/cutover-sandbox' }
    $jsonPath = Join-Path $Dir 'sandbox.json'
    if (-not (Test-Path $jsonPath)) { throw "No sandbox in $Dir ($jsonPath missing): run scripts/sandbox start first." }
    $script:Sbx = Get-Content $jsonPath -Raw | ConvertFrom-Json
    $script:Ports = $Sbx.ports

    # export NAME='value' lines -> $Secret.NAME (values never leave this process except through child env vars)
    $script:Secret = @{}
    foreach ($line in Get-Content $Sbx.envFile) {
        if ($line -match "^export (CUTOVER_SANDBOX_[A-Z_]+)='([^']*)'$") { $Secret[$Matches[1]] = $Matches[2] }
    }

    function script:Test-FixtureMissing([string] $Name) {
        -not (Test-Path (Join-Path $Repository "tests/fixtures/$Name"))
    }

    # Runs a native command with extra environment variables (secrets travel this way, never as arguments).
    function script:Invoke-WithEnv {
        param([hashtable] $Environment, [scriptblock] $Script)
        $saved = @{}
        foreach ($k in $Environment.Keys) { $saved[$k] = [Environment]::GetEnvironmentVariable($k); [Environment]::SetEnvironmentVariable($k, $Environment[$k]) }
        try { & $Script } finally { foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) } }
    }

    function script:Invoke-Psql {
        param([int] $Port, [string] $Database, [string] $User, [string] $Password, [string] $Sql)
        Invoke-WithEnv @{ PGPASSWORD = $Password; PGCONNECT_TIMEOUT = '5' } {
            $out = & psql -h 127.0.0.1 -p $Port -U $User -d $Database -X -A -t -v ON_ERROR_STOP=1 -c $Sql 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($out -join "`n").Trim() }
        }
    }

    function script:Invoke-Http {
        param([string] $Uri, [string] $Method = 'GET', [hashtable] $Headers = @{}, [string] $Body, [int] $TimeoutSec = 5)
        $parameters = @{ Uri = $Uri; Method = $Method; Headers = $Headers; SkipHttpErrorCheck = $true; TimeoutSec = $TimeoutSec; NoProxy = $true }
        if ($Body) { $parameters.Body = $Body; $parameters.ContentType = 'application/json' }
        Invoke-WebRequest @parameters
    }

    function script:Get-BasicAuth([string] $User, [string] $Password) {
        @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${User}:$Password")) }
    }

    # Polls $Condition every 250 ms until it returns $true or $Seconds have passed; returns the last result.
    function script:Wait-Until {
        param([int] $Seconds, [scriptblock] $Condition)
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        do {
            $result = try { & $Condition } catch { $false }
            if ($result) { return $true }
            Start-Sleep -Milliseconds 250
        } while ([DateTime]::UtcNow -lt $deadline)
        return $false
    }

    # The HAProxy runtime API over TCP (level admin): one connection per call, several commands separated by ';'.
    function script:Invoke-HAProxy([string] $Command) {
        $client = [System.Net.Sockets.TcpClient]::new()
        try {
            $client.ReceiveTimeout = 5000; $client.SendTimeout = 5000
            $client.Connect([System.Net.IPAddress]::Loopback, [int]$Ports.haproxyRuntimeApi)
            $stream = $client.GetStream()
            $bytes = [Text.Encoding]::ASCII.GetBytes("$Command`n")
            $stream.Write($bytes, 0, $bytes.Length)
            $reader = [System.IO.StreamReader]::new($stream)
            $reader.ReadToEnd()
        }
        finally { $client.Dispose() }
    }

    function script:Get-ServerWeights {
        $weights = @{}
        foreach ($line in (Invoke-HAProxy 'show servers state be_app') -split "`n") {
            $f = $line.Trim() -split '\s+'
            if ($f.Count -gt 8 -and $f[1] -eq 'be_app') {
                $weights[$f[3]] = [pscustomobject]@{ Current = [int]$f[7]; Initial = [int]$f[8]; OpState = [int]$f[5] }
            }
        }
        $weights
    }

    # N requests through the HAProxy frontend; counts the X-Cutover-Environment answers.
    function script:Measure-Split([int] $Count = 100) {
        $url = "http://127.0.0.1:$($Ports.haproxyFrontend)/health"
        $loadGenerator = Join-Path $Dir 'bin/LoadGenerator/LoadGenerator.dll'
        if (Test-Path $loadGenerator) {
            $json = & dotnet $loadGenerator --url $url --rate 50 --duration ($Count / 50) --concurrency 8 --timeout-ms 10000 --json
            if ($LASTEXITCODE -eq 0) {
                $report = ($json -join "`n") | ConvertFrom-Json -AsHashtable
                return $report.byEnvironment
            }
        }
        $counts = @{}
        $answers = & curl -s --noproxy '*' --max-time 10 --parallel --parallel-max 8 -w '%header{x-cutover-environment}\n' `
            @(1..$Count | ForEach-Object { '-o', '/dev/null', $url })
        foreach ($environment in $answers) {
            $key = if ($environment) { $environment.Trim() } else { 'none' }
            $counts[$key] = 1 + [int]$counts[$key]
        }
        $counts
    }

    function script:Invoke-Sandbox {
        param([Parameter(ValueFromRemainingArguments)][string[]] $Arguments)
        Invoke-WithEnv @{ CUTOVER_SANDBOX_DIR = $Dir; CUTOVER_SANDBOX_PORT_OFFSET = [string]$Sbx.portOffset } {
            $out = & $SandboxScript @Arguments 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($out -join "`n") }
        }
    }

    function script:Resolve-Dns([string] $Name) {
        (& dig '@127.0.0.1' -p $Ports.dns $Name A +short +norecurse +time=2 +tries=1) -join ','
    }

    function script:Invoke-NsUpdate([string] $Address, [switch] $Unsigned) {
        $script = "server 127.0.0.1 $($Ports.dns)`nzone example.test`nupdate delete app.example.test. A`nupdate add app.example.test. 300 A $Address`nsend`n"
        $out = if ($Unsigned) { $script | & nsupdate 2>&1 } else { $script | & nsupdate -k $Sbx.dns.tsigKeyFile 2>&1 }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($out -join "`n") }
    }
}

Describe 'Sandbox' -Tag Integration {

    Context 'files' {
        It 'sandbox.env is mode 600 and holds exactly the documented secrets' {
            (& stat -c '%a' $Sbx.envFile) | Should -Be '600'
            $expected = 'BLUE_PG_PASSWORD', 'GREEN_PG_PASSWORD', 'BLUE_RMQ_PASSWORD', 'GREEN_RMQ_PASSWORD', 'BLUE_REDIS_PASSWORD',
                'GREEN_REDIS_PASSWORD', 'TSIG_SECRET', 'PAGERDUTY_KEY', 'SLACK_WEBHOOK', 'STATUSPAGE_TOKEN', 'ELB_ACCESS_KEY_ID',
                'ELB_SECRET_ACCESS_KEY' | ForEach-Object { "CUTOVER_SANDBOX_$_" }
            ($Secret.Keys | Sort-Object) | Should -Be ($expected | Sort-Object)
            foreach ($k in $expected) { $Secret[$k].Length | Should -BeGreaterOrEqual 16 -Because "$k is a generated secret" }
            $Secret.CUTOVER_SANDBOX_SLACK_WEBHOOK | Should -Match "^http://127\.0\.0\.1:$($Ports.recorder)/slack/services/T000/B000/\w+$"
        }

        It 'the TSIG secret is the one in the key file named' {
            (Get-Content $Sbx.dns.tsigKeyFile -Raw) -match 'secret "([^"]+)"' | Should -BeTrue
            $Matches[1] -eq $Secret.CUTOVER_SANDBOX_TSIG_SECRET | Should -BeTrue
        }

        It 'the <Name> plan is a data file with env: secrets, short stages and the sandbox endpoints' -ForEach @(
            @{ Name = 'haproxy'; Provider = 'HAProxy' }, @{ Name = 'dns'; Provider = 'Dns' }, @{ Name = 'alb'; Provider = 'AwsAlb' }
        ) {
            $plan = Import-PowerShellDataFile $Sbx.plans.$Name
            $plan.Traffic.Keys | Should -Be @($Provider)
            $plan.Environments.Blue.AppUrl | Should -Be "http://127.0.0.1:$($Ports.appBlue)"
            $plan.Environments.Green.Postgres.Replica.Port | Should -Be $Ports.postgresReplica
            $plan.Environments.Blue.Redis.Password | Should -Be 'env:CUTOVER_SANDBOX_BLUE_REDIS_PASSWORD'
            $plan.Monitoring.MinActiveTargets | Should -Be 2
            $plan.Monitoring.ScrapeIntervalSec | Should -Be 1
            $plan.Stages.Count | Should -Be $(if ($Name -eq 'dns') { 1 } else { 2 }) -Because 'DNS points at one address at a time'
            $plan.Stages[-1].BluePercent | Should -Be 100
            $plan.Stages[-1].BakeSec | Should -Be 8
            $plan.State.Path | Should -Be (Join-Path $Dir 'state')
            $plan.Notifications.Slack.WebhookUrl | Should -Be 'env:CUTOVER_SANDBOX_SLACK_WEBHOOK'
            $text = Get-Content $Sbx.plans.$Name -Raw
            foreach ($value in $Secret.Values) { $text.Contains($value) | Should -BeFalse -Because 'plans reference secrets, never contain them' }
        }

        It 'Test-CutoverPlan accepts the <Name> plan (when the module is built)' -ForEach @(@{ Name = 'haproxy' }, @{ Name = 'dns' }, @{ Name = 'alb' }) {
            $module = $env:CUTOVER_MODULE_PATH
            if (-not $module -or -not (Test-Path $module)) { Set-ItResult -Skipped -Because 'CUTOVER_MODULE_PATH does not point at a built module'; return }
            Import-Module $module -Force
            Invoke-WithEnv $Secret {
                $errors = @(Test-CutoverPlan -Path $Sbx.plans.$Name | Where-Object { "$($_.Severity)" -eq 'Error' })
                $errors | ForEach-Object { "$($_.Field): $($_.Problem)" } | Should -BeNullOrEmpty
                Test-CutoverPlan -Path $Sbx.plans.$Name -Quiet | Should -BeTrue
            }
        }
    }

    Context 'loopback only' {
        It 'every sandbox port that listens is bound to 127.0.0.1 or ::1 only' {
            $ports = @($Sbx.ports.PSObject.Properties.Value | ForEach-Object { [int]$_ })
            $bad = foreach ($line in & ss -Hltun) {
                $local = ($line -split '\s+')[4]
                $port = [int]($local -replace '^.*:', '')
                if ($ports -contains $port -and $local -notmatch '^(127\.0\.0\.1|\[::1\]):\d+$') { $line }
            }
            $bad | Should -BeNullOrEmpty
        }

        It 'scripts/sandbox status reports every service up (missing fixtures skipped)' {
            $status = Invoke-Sandbox status
            $status.Output | Should -Not -Match '\bdown\b'
            $status.ExitCode | Should -Be 0
        }
    }

    Context 'PostgreSQL' {
        It '<User> logs in to <Database> on the primary with its own password' -ForEach @(
            @{ User = 'app_blue'; Database = 'orchestrator_blue'; Env = 'BLUE' }
            @{ User = 'app_green'; Database = 'orchestrator_green'; Env = 'GREEN' }
        ) {
            $r = Invoke-Psql -Port $Ports.postgresPrimary -Database $Database -User $User -Password $Secret["CUTOVER_SANDBOX_${Env}_PG_PASSWORD"] `
                -Sql "SELECT current_user || ' ' || current_database() || ' ' || (SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements') || ' ' || (SELECT count(*) > 0 FROM pg_stat_statements)"
            $r.ExitCode | Should -Be 0 -Because $r.Output
            $r.Output | Should -Be "$User $Database 1 true"
        }

        It 'a wrong password is refused' {
            $r = Invoke-Psql -Port $Ports.postgresPrimary -Database orchestrator_blue -User app_blue -Password 'not-the-password' -Sql 'SELECT 1'
            $r.ExitCode | Should -Not -Be 0
            $r.Output | Should -Match 'password authentication failed'
        }

        It 'the replica is in recovery and serves reads' {
            $r = Invoke-Psql -Port $Ports.postgresReplica -Database orchestrator_blue -User app_blue -Password $Secret.CUTOVER_SANDBOX_BLUE_PG_PASSWORD -Sql 'SELECT pg_is_in_recovery()'
            $r.ExitCode | Should -Be 0 -Because $r.Output
            $r.Output | Should -Be 't'
        }

        It 'the primary streams to the replica through slot replica1, fully visible to app_green (pg_monitor)' {
            $sql = "SELECT r.state || ' ' || host(r.client_addr) || ' ' || s.slot_name || ' ' || s.active FROM pg_stat_replication r JOIN pg_replication_slots s ON s.active_pid = r.pid"
            $ok = Wait-Until 15 {
                $script:r = Invoke-Psql -Port $Ports.postgresPrimary -Database orchestrator_green -User app_green -Password $Secret.CUTOVER_SANDBOX_GREEN_PG_PASSWORD -Sql $sql
                $r.Output -eq 'streaming 127.0.0.1 replica1 true'
            }
            $ok | Should -BeTrue -Because "pg_stat_replication said '$($r.Output)'"
        }
    }

    Context 'RabbitMQ' {
        It 'the <Env> broker management API answers /api/overview for user app' -ForEach @(@{ Env = 'blue' }, @{ Env = 'green' }) {
            $broker = $Sbx.rabbitmq.$Env
            $auth = Get-BasicAuth app $Secret["CUTOVER_SANDBOX_$($Env.ToUpper())_RMQ_PASSWORD"]
            $r = Invoke-Http "$($broker.managementUrl)/api/overview" -Headers $auth
            $r.StatusCode | Should -Be 200
            ($r.Content | ConvertFrom-Json).node | Should -Be "$Env@localhost"
            $who = (Invoke-Http "$($broker.managementUrl)/api/whoami" -Headers $auth).Content | ConvertFrom-Json
            @($who.tags) -join ',' | Should -Match 'management'
            @($who.tags) -join ',' | Should -Match 'monitoring'
            @(((Invoke-Http "$($broker.managementUrl)/api/vhosts" -Headers $auth).Content | ConvertFrom-Json).name) | Should -Contain 'appvh'
            (Invoke-Http "$($broker.managementUrl)/api/queues/appvh" -Headers $auth).StatusCode | Should -Be 200 -Because 'app has permissions on appvh'
            if (-not (Test-FixtureMissing SampleOrchestrator)) {
                (Invoke-Http "$($broker.managementUrl)/api/queues/appvh/agent-tasks" -Headers $auth).StatusCode | Should -Be 200 -Because "app-$Env declares agent-tasks"
            }
        }

        It 'each broker has its own password' {
            $auth = Get-BasicAuth app $Secret.CUTOVER_SANDBOX_BLUE_RMQ_PASSWORD
            (Invoke-Http "$($Sbx.rabbitmq.green.managementUrl)/api/overview" -Headers $auth).StatusCode | Should -Be 401
        }
    }

    Context 'Redis' {
        It 'redis-<Env> answers PONG with its password (REDISCLI_AUTH) and NOAUTH without' -ForEach @(
            @{ Env = 'blue'; PortName = 'redisBlue' }, @{ Env = 'green'; PortName = 'redisGreen' }
        ) {
            $port = $Ports.$PortName
            $pong = Invoke-WithEnv @{ REDISCLI_AUTH = $Secret["CUTOVER_SANDBOX_$($Env.ToUpper())_REDIS_PASSWORD"] } { & redis-cli -h 127.0.0.1 -p $port ping }
            $pong | Should -Be 'PONG'
            $denied = Invoke-WithEnv @{ REDISCLI_AUTH = $null } { & redis-cli -h 127.0.0.1 -p $port ping 2>&1 }
            "$denied" | Should -Match 'NOAUTH'
        }
    }

    Context 'Prometheus' {
        It 'scrapes both app instances as job orchestrator with their env label, and itself' {
            if (Test-FixtureMissing SampleOrchestrator) { Set-ItResult -Skipped -Because 'tests/fixtures/SampleOrchestrator does not exist yet'; return }
            $ok = Wait-Until 20 {
                $targets = ((Invoke-Http "$($Sbx.urls.prometheus)/api/v1/targets?state=active").Content | ConvertFrom-Json).data.activeTargets
                $script:up = @($targets | Where-Object { $_.health -eq 'up' } | ForEach-Object { "$($_.labels.job)/$($_.labels.env)" } | Sort-Object)
                ($up -join ' ') -eq 'orchestrator/blue orchestrator/green prometheus/'
            }
            $ok | Should -BeTrue -Because "the targets up were: $($up -join ', ')"
        }

        It 'has http_requests_total series for each env after some traffic' {
            if (Test-FixtureMissing SampleOrchestrator) { Set-ItResult -Skipped -Because 'tests/fixtures/SampleOrchestrator does not exist yet'; return }
            foreach ($port in $Ports.appBlue, $Ports.appGreen) {
                & curl -s --noproxy '*' --max-time 5 -o /dev/null @(1..10 | ForEach-Object { "http://127.0.0.1:$port/api/status" })
            }
            $query = [uri]::EscapeDataString('sum by (env) (http_requests_total{job="orchestrator"})')
            $ok = Wait-Until 20 {
                $result = ((Invoke-Http "$($Sbx.urls.prometheus)/api/v1/query?query=$query").Content | ConvertFrom-Json).data.result
                $script:envs = @($result | ForEach-Object { $_.metric.env } | Sort-Object)
                ($envs -join ' ') -eq 'blue green'
            }
            $ok | Should -BeTrue -Because "series were found for: $($envs -join ', ')"
        }

        It 'loads the corrected deployment_alerts group, severity as a label' {
            $groups = ((Invoke-Http "$($Sbx.urls.prometheus)/api/v1/rules").Content | ConvertFrom-Json).data.groups
            $group = $groups | Where-Object name -EQ 'deployment_alerts'
            $group | Should -Not -BeNullOrEmpty
            $rules = @{}; foreach ($rule in $group.rules) { $rules[$rule.name] = $rule }
            @($rules.Keys | Sort-Object) | Should -Be @('DatabaseConnectionLoss', 'HighErrorRate', 'HighMemoryUsage', 'HighResponseTime')
            $rules.HighErrorRate.query | Should -Match '/ sum by \(env\)'
            $rules.HighErrorRate.labels.severity | Should -Be 'critical'
            $rules.HighMemoryUsage.labels.severity | Should -Be 'warning'
            $rules.HighMemoryUsage.duration | Should -Be 30
            foreach ($rule in $rules.Values) { $rule.health | Should -Be 'ok' }
        }
    }

    Context 'BIND9' {
        It 'answers app.example.test; a TSIG-signed update changes it and an unsigned one is REFUSED' {
            $before = Resolve-Dns app.example.test
            $before | Should -Match '^127\.0\.0\.\d+$'
            try {
                $signed = Invoke-NsUpdate 127.0.0.20
                $signed.ExitCode | Should -Be 0 -Because $signed.Output
                Resolve-Dns app.example.test | Should -Be '127.0.0.20'

                $unsigned = Invoke-NsUpdate 127.0.0.30 -Unsigned
                $unsigned.ExitCode | Should -Not -Be 0
                $unsigned.Output | Should -Match 'REFUSED'
                Resolve-Dns app.example.test | Should -Be '127.0.0.20'
            }
            finally {
                (Invoke-NsUpdate $before).ExitCode | Should -Be 0
            }
            Resolve-Dns app.example.test | Should -Be $before
        }
    }

    Context 'HAProxy' {
        It 'starts with blue weight 0 and green carrying all traffic' {
            $w = Get-ServerWeights
            $w.blue.Initial | Should -Be 0
            $w.green.Initial | Should -Be 100
            $w.blue.Current | Should -Be 0
            $w.green.Current | Should -BeGreaterThan 0 -Because 'FakeElb may have applied its own green weight (1 -> 256)'
        }

        It 'a runtime-API weight change moves real traffic, and is put back' {
            if (Test-FixtureMissing SampleOrchestrator) { Set-ItResult -Skipped -Because 'tests/fixtures/SampleOrchestrator does not exist yet'; return }
            $before = Get-ServerWeights
            (Wait-Until 15 { (Get-ServerWeights).blue.OpState -eq 2 }) | Should -BeTrue -Because 'the blue server must pass its health check'
            # share of blue among the requests that got an answer (a loaded machine may time a few out)
            function Get-BlueShare {
                $split = Measure-Split 100
                $blue = [int]$split['blue']; $green = [int]$split['green']
                $script:splitText = ($split.Keys | Sort-Object | ForEach-Object { "$_=$($split[$_])" }) -join ' '
                ($blue + $green) | Should -BeGreaterOrEqual 50 -Because "most of 100 requests must be answered ($splitText)"
                $blue / ($blue + $green)
            }
            try {
                Get-BlueShare | Should -Be 0 -Because "blue has weight 0 ($splitText)"

                Invoke-HAProxy "set weight be_app/blue 100; set weight be_app/green 100" | Out-Null   # raise first, in one connection
                $share = Get-BlueShare
                $share | Should -BeGreaterThan 0.25 -Because "blue and green have equal weights ($splitText)"
                $share | Should -BeLessThan 0.75 -Because "blue and green have equal weights ($splitText)"

                Invoke-HAProxy "set weight be_app/blue 100; set weight be_app/green 0" | Out-Null
                Get-BlueShare | Should -Be 1 -Because "green has weight 0 ($splitText)"
            }
            finally {
                Invoke-HAProxy "set weight be_app/green $($before.green.Current); set weight be_app/blue $($before.blue.Current)" | Out-Null
            }
            $after = Get-ServerWeights
            $after.blue.Current | Should -Be $before.blue.Current
            $after.green.Current | Should -Be $before.green.Current
        }

        It 'answers on the unix admin socket too' {
            $out = 'show info' | & socat -t2 stdio "UNIX-CONNECT:$($Sbx.urls.haproxyAdminSocket -replace '^unix://', '')" 2>&1
            "$out" | Should -Match 'Name: HAProxy'
        }
    }

    Context 'sample app' {
        It 'app-blue /health turns 503 naming redis when redis-blue stops, and 200 again after it restarts' {
            if (Test-FixtureMissing SampleOrchestrator) { Set-ItResult -Skipped -Because 'tests/fixtures/SampleOrchestrator does not exist yet'; return }
            $health = "http://127.0.0.1:$($Ports.appBlue)/health"
            (Invoke-Http $health).StatusCode | Should -Be 200
            try {
                (Invoke-Sandbox stop-service redis-blue).ExitCode | Should -Be 0
                $down = Wait-Until 30 {
                    $script:r = Invoke-Http $health
                    $r.StatusCode -eq 503 -and ($r.Content | ConvertFrom-Json).redis -ne 'ok'
                }
                $down | Should -BeTrue -Because "the last answer was $($r.StatusCode)"
                $body = $r.Content | ConvertFrom-Json
                $body.status | Should -Not -Be 'ok'
                $body.redis | Should -Not -BeNullOrEmpty
                $body.database | Should -Be 'ok'
            }
            finally {
                $restart = Invoke-Sandbox restart-service redis-blue
            }
            $restart.ExitCode | Should -Be 0
            (Wait-Until 60 { (Invoke-Http $health).StatusCode -eq 200 }) | Should -BeTrue
            (Invoke-Http $health).Headers['X-Cutover-Environment'] | Should -Be 'blue'
        }
    }

    Context 'notification recorder and FakeElb' {
        It 'the recorder records a Slack webhook post' {
            if (Test-FixtureMissing NotificationRecorder) { Set-ItResult -Skipped -Because 'tests/fixtures/NotificationRecorder does not exist yet'; return }
            $marker = "sandbox-test-$([guid]::NewGuid().ToString('N'))"
            $post = Invoke-Http $Secret.CUTOVER_SANDBOX_SLACK_WEBHOOK -Method POST -Body (@{ text = $marker } | ConvertTo-Json)
            $post.StatusCode | Should -Be 200
            $recorded = (Invoke-Http "$($Sbx.urls.recorder)/_recorder/requests?channel=slack").Content | ConvertFrom-Json
            @($recorded | Where-Object { $_.body.text -eq $marker }).Count | Should -Be 1
        }

        It 'FakeElb answers /_fake/state' {
            if (Test-FixtureMissing FakeElb) { Set-ItResult -Skipped -Because 'tests/fixtures/FakeElb does not exist yet'; return }
            (Invoke-Http "$($Sbx.urls.fakeElb)/_fake/state").StatusCode | Should -Be 200
        }
    }
}
