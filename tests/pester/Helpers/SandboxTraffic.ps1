# Shared by the sandbox integration tests. Dot-source it in BeforeAll:
#   . (Join-Path $PSScriptRoot 'Helpers/SandboxTraffic.ps1')
# It reads the sandbox ($env:CUTOVER_SANDBOX_DIR), exports every variable of sandbox.env into the process and
# defines, in the caller's script scope, $sbx (sandbox.json), $secrets (every value of sandbox.env), $frontend,
# and the functions below, which use those variables and Pester's $TestDrive.

. (Join-Path $PSScriptRoot '../../../scripts/lib/SandboxSession.ps1')
$script:sbx = Import-SandboxSession $env:CUTOVER_SANDBOX_DIR
$script:secrets = @($sbx.Secrets)
$script:frontend = "http://127.0.0.1:$($sbx.ports.haproxyFrontend)/api/status"

# Starts the load generator at -Rate req/s to -Url (the HAProxy frontend by default); Wait-Load (after its duration)
# or Stop-Load (at once) returns its JSON report.
function script:Start-Load([double] $DurationSec, [double] $Rate = 100, [string] $Url = $frontend) {
    Start-SandboxLoad -Sandbox $sbx -Url $Url -Rate $Rate -DurationSec $DurationSec -WorkDir $TestDrive
}

function script:Wait-Load($Load) { Wait-SandboxLoad $Load }

function script:Stop-Load($Load) { if ($Load) { Stop-SandboxLoad $Load } }

# Faults injected into the blue app through its admin endpoint (error ratio, latency, a cut dependency, ...), and cleared.
function script:Set-BlueFault([hashtable] $Fault) {
    Invoke-RestMethod -Method Post -Uri "$($sbx.urls.appBlue)/admin/faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json) | Out-Null
}

function script:Clear-BlueFault { Invoke-RestMethod -Method Delete -Uri "$($sbx.urls.appBlue)/admin/faults" | Out-Null }

function script:New-TestRunId {
    [datetime]::UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'") + '-' + [guid]::NewGuid().ToString('n').Substring(0, 6)
}

# A fault's critical Prometheus alert (15 s window, for 10 s) outlives the fault; the next test waits it out.
function script:Wait-NoCriticalAlert { Wait-SandboxNoCriticalAlert $sbx }

# The sandbox record's A answer from its BIND9, by dig: its TTL and address.
function script:Resolve-Record {
    $answer = & dig "@$($sbx.dns.server)" -p $sbx.dns.port $sbx.dns.record A +norecurse +noall +answer
    $fields = "$answer".Trim() -split '\s+'
    [pscustomobject]@{ Ttl = [int]$fields[1]; Address = $fields[4] }
}

# The percentage of answered requests that one environment served.
function script:Get-Share($Report, [string] $Environment) {
    $count = $Report.byEnvironment.$Environment
    if ($null -eq $count) { $count = 0 }
    $answered = ($Report.byEnvironment.PSObject.Properties.Value | Measure-Object -Sum).Sum
    100.0 * $count / $answered
}

# Warms both apps up, so a cold start is not counted against a switch.
function script:Initialize-Apps {
    foreach ($app in $sbx.urls.appBlue, $sbx.urls.appGreen) {
        1..30 | ForEach-Object { $null = Invoke-WebRequest -Uri "$app/api/status" -SkipHttpErrorCheck -TimeoutSec 10 }
    }
}

function script:Assert-NoSecret([object[]] $Stream) {
    $text = ($Stream | Out-String -Width 500) + (($Stream | ForEach-Object { "$_" }) -join "`n")
    foreach ($secret in $secrets) { $text.Contains($secret) | Should -BeFalse -Because 'no secret may reach any stream' }
}

# A copy of a sandbox plan with one text replaced, imported.
function script:New-PlanVariant([string] $Path, [string] $From, [string] $To) {
    $file = Join-Path $TestDrive "$([guid]::NewGuid().ToString('n')).psd1"
    $text = Get-Content $Path -Raw
    $text.Contains($From) | Should -BeTrue -Because "the sandbox plan contains '$From'"
    Set-Content -Path $file -Value $text.Replace($From, $To)
    Import-CutoverPlan -Path $file
}

# Runs $Change while the load generator sends 100 req/s through the frontend, the change falling inside the load
# (the generator needs ~2 s to start on a busy machine); asserts that no request failed and that both sides
# answered (every step has both sides before or after it). Returns what $Change wrote.
function script:Invoke-UnderLoad([int] $Blue, [scriptblock] $Change) {
    $during = Start-Load -DurationSec 8
    Start-Sleep -Seconds 4
    $result = & $Change
    $report = Wait-Load $during
    $report.failed | Should -Be 0 -Because "no request may fail while moving to blue $Blue% ($($report | ConvertTo-Json -Compress -Depth 3))"
    $report.total | Should -BeGreaterThan 400
    $report.byEnvironment.blue | Should -BeGreaterThan 0 -Because 'the change happened while the load ran'
    $report.byEnvironment.green | Should -BeGreaterThan 0 -Because 'the change happened while the load ran'
    $result
}

# Measures the split of 2 s of real requests: blue's share within ±10 points of $Blue, exact at 0 and 100.
# A slow request on this shared machine is not the switch's doing: the split counts answered requests.
function script:Assert-Split([int] $Blue) {
    $after = Wait-Load (Start-Load -DurationSec 2)
    (Get-Share $after 'blue') | Should -BeGreaterOrEqual ($Blue - 10)
    (Get-Share $after 'blue') | Should -BeLessOrEqual ($Blue + 10)
    if ($Blue -in 0, 100) { (Get-Share $after 'blue') | Should -Be $Blue }
}
