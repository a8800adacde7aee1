# Get-CutoverBaseline against the sandbox's real Prometheus, PostgreSQL, Redis and RabbitMQ, and the JSON
# round trip through Export-/Import-CutoverBaseline.
BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Helpers/SandboxTraffic.ps1')
    $green = "http://127.0.0.1:$($sbx.ports.appGreen)/api/status"
    & dotnet $sbx.tools.loadGenerator --url $green --rate 50 --duration 8 | Out-Null
    $LASTEXITCODE | Should -Be 0 -Because 'the load generator sends traffic to green'
    $VerbosePreference = 'Continue'
    $DebugPreference = 'Continue'
    $script:streams = Get-CutoverBaseline -Plan $sbx.plans.haproxy -Environment Green -WindowSec 60 -TimeoutSec 30 *>&1
    $script:baseline = $streams | Where-Object { $_ -is [Cutover.CutoverBaseline] }
}

Describe 'Get-CutoverBaseline on the sandbox' -Tag Integration {
    It 'measures every figure of green' {
        $baseline | Should -HaveCount 1
        $baseline.Environment | Should -Be 'Green'
        $baseline.WindowSec | Should -Be 60
        foreach ($name in 'RequestRate', 'ErrorRatio', 'P50Ms', 'P95Ms', 'P99Ms', 'DatabaseConnections', 'CacheHitRatio', 'ReplicationLagSec', 'CpuRatio', 'MemoryRatio') {
            $baseline.$name.IsKnown | Should -BeTrue -Because "$name should be read ($($baseline.$name.UnknownReason))"
        }
        $baseline.RequestRate.Value | Should -BeGreaterThan 0
        $baseline.P95Ms.Value | Should -BeGreaterThan 0
        $baseline.DatabaseConnections.Value | Should -BeGreaterThan 0
        $baseline.Queues | Should -Not -BeNullOrEmpty
        $baseline.Queues | ForEach-Object { $_.Depth.IsKnown | Should -BeTrue; $_.Consumers.IsKnown | Should -BeTrue }
    }

    It 'writes no secret to any stream' {
        $text = ($streams | Out-String) + ($baseline | ConvertTo-Json -Depth 5)
        foreach ($secret in $secrets | Where-Object Length -ge 4) { $text | Should -Not -BeLike "*$secret*" }
    }

    It 'round-trips through JSON' {
        $path = Join-Path $TestDrive 'green.json'
        $file = $baseline | Export-CutoverBaseline -Path $path
        $file.FullName | Should -Be $path
        $copy = Import-CutoverBaseline -Path $path
        ($copy | ConvertTo-Json -Depth 5) | Should -Be ($baseline | ConvertTo-Json -Depth 5)
        $copy.P95Ms.Value | Should -Be $baseline.P95Ms.Value
    }

    It 'keeps an existing file without -Force and honours -WhatIf' {
        $path = Join-Path $TestDrive 'kept.json'
        Set-Content -Path $path -Value 'old'
        { $baseline | Export-CutoverBaseline -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'BaselineUnreadable*'
        $baseline | Export-CutoverBaseline -Path $path -Force -WhatIf
        Get-Content $path -Raw | Should -Match '^old'
        $baseline | Export-CutoverBaseline -Path $path -Force | Out-Null
        (Import-CutoverBaseline -Path $path).Plan | Should -Be $baseline.Plan
    }

    It 'refuses a file that is not a baseline' {
        $path = Join-Path $TestDrive 'bad.json'
        Set-Content -Path $path -Value '{"Plan":"x"}'
        { Import-CutoverBaseline -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'BaselineUnreadable*'
    }
}
