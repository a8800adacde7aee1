# The sandbox as scripts, benchmarks and tests use it: its description, its secrets in the environment, and the
# load generator. Dot-source it; it defines functions only:
#   . (Join-Path $repo 'scripts/lib/SandboxSession.ps1')

# Reads sandbox.json, exports every variable of sandbox.env into this process, and returns the sandbox's
# description with the secret values attached (as .Secrets), so that callers can search output for them.
function Import-SandboxSession([Parameter(Mandatory)][string] $SandboxDir) {
    $description = Join-Path $SandboxDir 'sandbox.json'
    if (-not (Test-Path $description)) { throw "No sandbox in $SandboxDir (no sandbox.json): run scripts/sandbox start first." }
    $sandbox = Get-Content $description -Raw | ConvertFrom-Json
    $secrets = [Collections.Generic.List[string]]::new()
    foreach ($line in Get-Content $sandbox.envFile) {
        if ($line -match "^export (\w+)='(.*)'$") {
            Set-Item -Path "env:$($Matches[1])" -Value $Matches[2]
            $secrets.Add($Matches[2])
        }
    }
    $sandbox | Add-Member -NotePropertyName Secrets -NotePropertyValue $secrets.ToArray() -PassThru
}

# Starts the load generator: a steady -Rate of requests to -Url for -DurationSec, its JSON report written to a file in
# -WorkDir. The child runs through `sh -c exec` with the shell redirecting its output, so that stopping or killing it
# never races PowerShell's own stream readers.
function Start-SandboxLoad {
    param(
        [Parameter(Mandatory)] $Sandbox,
        [Parameter(Mandatory)][string] $Url,
        [double] $Rate = 100,
        [Parameter(Mandatory)][double] $DurationSec,
        [int] $Concurrency = 8,
        [string] $WorkDir = [IO.Path]::GetTempPath()
    )
    $out = Join-Path $WorkDir "load-$([guid]::NewGuid().ToString('n')).json"
    $arguments = @('-c', 'exec dotnet "$@" >"$0.log" 2>&1', $out, $Sandbox.tools.loadGenerator, '--url', $Url,
        '--rate', "$Rate", '--duration', "$DurationSec", '--concurrency', "$Concurrency", '--json', '--out', $out)
    $process = [Diagnostics.Process]::Start([Diagnostics.ProcessStartInfo]::new('sh', [string[]] $arguments))
    [pscustomobject]@{ Process = $process; Out = $out; Url = $Url }
}

# Waits for the load generator to end on its own (bounded) and returns its report.
function Wait-SandboxLoad([Parameter(Mandatory)] $Load, [int] $TimeoutSec = 120) {
    if (-not $Load.Process.WaitForExit($TimeoutSec * 1000)) {
        $Load.Process.Kill()
        throw "The load generator for $($Load.Url) did not end within $TimeoutSec s."
    }
    Read-SandboxLoadReport $Load
}

# Stops the load generator early with SIGINT, which makes it stop sending and write its report; returns the report.
function Stop-SandboxLoad([Parameter(Mandatory)] $Load) {
    if (-not $Load.Process.HasExited) { & kill -INT $Load.Process.Id }
    if (-not $Load.Process.WaitForExit(30000)) {
        $Load.Process.Kill()
        throw "The load generator for $($Load.Url) did not stop within 30 s of SIGINT."
    }
    Read-SandboxLoadReport $Load
}

function Read-SandboxLoadReport([Parameter(Mandatory)] $Load) {
    if (-not (Test-Path $Load.Out)) {
        $log = if (Test-Path "$($Load.Out).log") { Get-Content "$($Load.Out).log" -Raw } else { '(no output)' }
        throw "The load generator for $($Load.Url) wrote no report (exit $($Load.Process.ExitCode)): $log"
    }
    $report = Get-Content $Load.Out -Raw | ConvertFrom-Json
    Remove-Item $Load.Out, "$($Load.Out).log" -ErrorAction Ignore
    $report
}

# Waits (bounded) until Prometheus shows no critical alert pending or firing: a fault's alert outlives the fault by its
# rule's window and "for" time, and would fire the next watch's alert trigger at once.
function Wait-SandboxNoCriticalAlert([Parameter(Mandatory)] $Sandbox, [int] $TimeoutSec = 90) {
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ([DateTime]::UtcNow -lt $deadline) {
        $alerts = (Invoke-RestMethod -Uri "$($Sandbox.urls.prometheus)/api/v1/alerts" -TimeoutSec 10).data.alerts
        if (-not ($alerts | Where-Object { $_.labels.severity -eq 'critical' -and $_.state -ne 'inactive' })) { return }
        Start-Sleep -Seconds 1
    }
    throw "Critical alerts are still active after $TimeoutSec s."
}
