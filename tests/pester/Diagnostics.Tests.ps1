# Get-CutoverDiagnostic against the sandbox's real PostgreSQL (primary and replica), RabbitMQ, Redis and Prometheus,
# with load on blue; pg_stat_statements absent and then present in a database the test creates and drops.
BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Helpers/SandboxTraffic.ps1')
    $script:plan = Import-CutoverPlan -Path $sbx.plans.haproxy
    $load = Wait-Load (Start-Load -DurationSec 6 -Rate 40 -Url "$($sbx.urls.appBlue)/api/status")
    $load.total | Should -BeGreaterThan 0 -Because 'the load generator sends traffic to blue'
    $VerbosePreference = 'Continue'
    $DebugPreference = 'Continue'
    $script:streams = @(Get-CutoverDiagnostic -Plan $plan -Environment Blue -RangeSec 120 *>&1)
    $VerbosePreference = 'SilentlyContinue'
    $DebugPreference = 'SilentlyContinue'
    $script:diagnostic = $streams | Where-Object { $_ -is [Cutover.CutoverDiagnostic] }

    # Superuser SQL through the primary's unix socket (the postgres role has no password).
    $script:socket = Join-Path $sbx.dataDir 'pg/sock'
    function script:Invoke-SuperSql([string] $Database, [string] $Sql) {
        $out = & runuser -u postgres -- psql -h $socket -p $sbx.ports.postgresPrimary -d $Database -v ON_ERROR_STOP=1 -Atc $Sql 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "psql: $out"
    }
}

Describe 'Get-CutoverDiagnostic on the sandbox' -Tag Integration {
    It 'reads every part of blue' {
        $diagnostic | Should -HaveCount 1
        $diagnostic.Environment | Should -Be 'Blue'
        $diagnostic.RangeSec | Should -Be 120
        foreach ($section in $diagnostic.Sections) { $section.IsKnown | Should -BeTrue -Because "$($section.GetType().Name) is read ($($section.UnknownReason))" }
        $diagnostic.UnknownCount | Should -Be 0
        ($diagnostic.Connections.Rows | Where-Object Database -eq 'orchestrator_blue' | Measure-Object Count -Sum).Sum | Should -BeGreaterThan 0
        $diagnostic.SlowStatements.ExtensionInstalled | Should -BeTrue
        $diagnostic.SlowStatements.Statements | Should -Not -BeNullOrEmpty
        $diagnostic.SlowStatements.Statements[0].MeanMs | Should -BeGreaterOrEqual $diagnostic.SlowStatements.Statements[-1].MeanMs
        $diagnostic.ReplicationPrimary.Senders | Should -Not -BeNullOrEmpty
        $diagnostic.ReplicationPrimary.Senders[0].State | Should -Be 'streaming'
        $diagnostic.ReplicationReplica.InRecovery | Should -BeTrue
        $diagnostic.ReplicationReplica.ReplayLsn | Should -Match '^[0-9A-F]+/[0-9A-F]+$'
        $diagnostic.Queues.Name | Should -Be @('agent-tasks')
        $diagnostic.Queues[0].Consumers | Should -BeGreaterThan 0
        $diagnostic.Cache.PingMs | Should -BeGreaterThan 0
        $diagnostic.ErrorRatio.Points | Should -Not -BeNullOrEmpty
        $diagnostic.P95Ms.Unit | Should -Be 'ms'
        $diagnostic.P95Ms.Max | Should -BeGreaterThan 0
        $diagnostic.MemoryRatio.Last | Should -BeGreaterThan 0
        ($diagnostic | Out-String) | Should -Match 'Slow statements'
    }

    It 'writes no secret to any stream' {
        @($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        Assert-NoSecret @($streams + ($diagnostic | ConvertTo-Json -Depth 6))
    }

    It 'says a part it cannot read is Unknown with the reason, never empty' {
        $env:CUTOVER_DIAGNOSTIC_TEST_BAD_PG = 'wrong-' + [guid]::NewGuid().ToString('n')
        try {
            $file = Join-Path $TestDrive 'broken.psd1'
            $text = (Get-Content $sbx.plans.haproxy -Raw).
                Replace("'env:CUTOVER_SANDBOX_BLUE_PG_PASSWORD'", "'env:CUTOVER_DIAGNOSTIC_TEST_BAD_PG'").
                Replace($sbx.urls.prometheus, 'http://127.0.0.1:9').
                Replace("Endpoint = '127.0.0.1:$($sbx.ports.redisBlue)'", "Endpoint = '127.0.0.1:7'")
            Set-Content $file $text
            $stream = @(Get-CutoverDiagnostic -Plan $file -Environment Blue -TimeoutSec 5 -Verbose *>&1)
            $broken = $stream | Where-Object { $_ -is [Cutover.CutoverDiagnostic] }
            foreach ($part in 'Connections', 'SlowStatements', 'ReplicationPrimary', 'ReplicationReplica') {
                $broken.$part.IsKnown | Should -BeFalse
                $broken.$part.UnknownReason | Should -Match 'password authentication failed'
            }
            $broken.SlowStatements.ExtensionInstalled | Should -BeNullOrEmpty -Because 'whether it is installed could not be read'
            foreach ($part in 'ErrorRatio', 'P95Ms', 'MemoryRatio') {
                $broken.$part.IsKnown | Should -BeFalse
                $broken.$part.UnknownReason | Should -Match 'Prometheus unreachable'
                $broken.$part.Points | Should -BeNullOrEmpty
            }
            $broken.Cache.IsKnown | Should -BeFalse
            $broken.Cache.UnknownReason | Should -Not -BeNullOrEmpty
            $broken.Queues[0].IsKnown | Should -BeTrue -Because 'RabbitMQ is still reachable'
            $broken.UnknownCount | Should -Be 8
            ($broken | Out-String) | Should -Match 'Unknown \('
            Assert-NoSecret $stream
            ($stream | Out-String).Contains($env:CUTOVER_DIAGNOSTIC_TEST_BAD_PG) | Should -BeFalse
        }
        finally { Remove-Item env:CUTOVER_DIAGNOSTIC_TEST_BAD_PG -ErrorAction Ignore }
    }

    It 'a queue the broker does not have is Unknown naming it' {
        $file = Join-Path $TestDrive 'queues.psd1'
        Set-Content $file ((Get-Content $sbx.plans.haproxy -Raw).Replace("Queues = @('agent-tasks')", "Queues = @('agent-tasks', 'no-such-queue')"))
        $d = Get-CutoverDiagnostic -Plan $file -Environment Green
        ($d.Queues | Where-Object Name -eq 'agent-tasks').IsKnown | Should -BeTrue
        $missing = $d.Queues | Where-Object Name -eq 'no-such-queue'
        $missing.IsKnown | Should -BeFalse
        $missing.UnknownReason | Should -Match "queue 'no-such-queue' does not exist"
    }

    Context 'pg_stat_statements in a database of its own' {
        BeforeAll {
            $script:database = 'cutover_diag_' + [guid]::NewGuid().ToString('n').Substring(0, 8)
            Invoke-SuperSql postgres "CREATE DATABASE $database OWNER app_blue"
            $script:ownPlan = Join-Path $TestDrive 'own-database.psd1'
            Set-Content $ownPlan ((Get-Content $sbx.plans.haproxy -Raw).Replace("Database = 'orchestrator_blue'", "Database = '$database'"))
        }
        AfterAll {
            Invoke-SuperSql postgres "DROP DATABASE IF EXISTS $database WITH (FORCE)"
        }

        It 'says "not installed" while the extension is absent, then lists statements once it is created' {
            $absent = Get-CutoverDiagnostic -Plan $ownPlan -Environment Blue
            $absent.SlowStatements.IsKnown | Should -BeFalse
            $absent.SlowStatements.ExtensionInstalled | Should -BeFalse
            $absent.SlowStatements.UnknownReason | Should -Match "not installed in database $database"
            $absent.Connections.IsKnown | Should -BeTrue

            Invoke-SuperSql $database 'CREATE EXTENSION pg_stat_statements'
            Invoke-SuperSql $database 'SELECT pg_sleep(0.5)'
            $present = Get-CutoverDiagnostic -Plan $ownPlan -Environment Blue -Top 100
            $present.SlowStatements.IsKnown | Should -BeTrue -Because $present.SlowStatements.UnknownReason
            $present.SlowStatements.ExtensionInstalled | Should -BeTrue
            $sleep = $present.SlowStatements.Statements | Where-Object Query -eq 'SELECT pg_sleep($1)'
            $sleep | Should -HaveCount 1
            $sleep.MeanMs | Should -BeGreaterOrEqual 500
            $sleep.Calls | Should -Be 1
        }

        It 'masks the literal of a PASSWORD clause in statement text' {
            Invoke-SuperSql $database "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
            $role = 'cutover_diag_role_' + [guid]::NewGuid().ToString('n').Substring(0, 6)
            $literal = 'Lit-' + [guid]::NewGuid().ToString('n')
            try {
                Invoke-SuperSql $database "CREATE ROLE $role LOGIN PASSWORD '$literal'"
                $d = Get-CutoverDiagnostic -Plan $ownPlan -Environment Blue -Top 100
                $created = $d.SlowStatements.Statements.Query | Where-Object { $_ -match "CREATE ROLE $role" }
                $created | Should -Not -BeNullOrEmpty
                $created | Should -Match "PASSWORD '\*\*\*'"
                ($d | ConvertTo-Json -Depth 6).Contains($literal) | Should -BeFalse
            }
            finally { Invoke-SuperSql postgres "DROP ROLE IF EXISTS $role" }
        }
    }
}
