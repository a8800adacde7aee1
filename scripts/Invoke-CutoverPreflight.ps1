<#
.SYNOPSIS
    The scheduled pre-flight: runs every health check of a plan, prints the procedure's summary, writes a report,
    and exits 0 when ready, 1 when not, 2 on bad input.
.DESCRIPTION
    For cron, CI or a scheduler. Imports the built module (out/Cutover next to this script's repository) unless a
    Cutover module is already loaded, runs Test-CutoverHealth on the plan and prints "Checks Passed: N/M" and one
    line per check that did not pass, with its message. Never prompts.

    -ReportPath writes a report chosen by the file's extension: .xml is JUnit XML (one testcase per check and
    environment; Fail is a failure, Unknown is skipped with the reason, Warn passes with the message as output),
    .json is the results as JSON. The report is written also when the system is not ready.

    Exit codes: 0 ready (nothing Fail or Unknown); 1 not ready, or the checks could not run; 2 bad input (no plan
    file, an invalid plan, an unknown parameter or value, a report path with another extension, no module).
.PARAMETER Plan
    The path of the plan file (.psd1 or .json).
.PARAMETER ReportPath
    Where to write the report: a .xml (JUnit) or .json file. Its folder must exist.
.PARAMETER Environment
    Blue, Green or both (default both).
.PARAMETER TimeoutSec
    Each check's own timeout in seconds (1 to 600, default 10).
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File scripts/Invoke-CutoverPreflight.ps1 -Plan plans/prod.psd1 -ReportPath out/preflight.xml
    Runs the pre-flight and leaves a JUnit report for the CI server; the exit code says whether to proceed.
#>
[CmdletBinding()]
param(
    [string] $Plan,
    [string] $ReportPath,
    [string[]] $Environment = @('Blue', 'Green'),
    [string] $TimeoutSec = '10',
    [Parameter(ValueFromRemainingArguments)] [object[]] $Unexpected
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ConfirmPreference = 'None'
$ProgressPreference = 'SilentlyContinue'

function Stop-BadInput([string] $Message) {
    [Console]::Error.WriteLine("Invoke-CutoverPreflight: $Message")
    exit 2
}

# --- input ---------------------------------------------------------------------------------------------------------
if ($Unexpected) { Stop-BadInput "unexpected argument(s): $($Unexpected -join ' ')" }
if (-not $Plan) { Stop-BadInput '-Plan is required: the path of the plan file.' }
if (-not (Test-Path -LiteralPath $Plan -PathType Leaf)) { Stop-BadInput "the plan file '$Plan' does not exist." }
$timeout = 0
if (-not [int]::TryParse($TimeoutSec, [ref] $timeout) -or $timeout -lt 1 -or $timeout -gt 600) { Stop-BadInput "-TimeoutSec must be a whole number from 1 to 600 (got '$TimeoutSec')." }
$environments = @($Environment | ForEach-Object { $_ -split ',' } | Where-Object { $_ } | ForEach-Object { $_.Trim() })
foreach ($name in $environments) { if ($name -notin 'Blue', 'Green') { Stop-BadInput "-Environment must be Blue, Green or both (got '$name')." } }
if ($environments.Count -eq 0) { Stop-BadInput '-Environment is empty.' }
$format = $null
if ($ReportPath) {
    $format = switch ([IO.Path]::GetExtension($ReportPath).ToLowerInvariant()) { '.xml' { 'JUnit' } '.json' { 'Json' } default { $null } }
    if (-not $format) { Stop-BadInput "-ReportPath must end in .xml (JUnit) or .json (got '$ReportPath')." }
    $folder = Split-Path -Parent ([IO.Path]::GetFullPath($ReportPath))
    if (-not (Test-Path -LiteralPath $folder -PathType Container)) { Stop-BadInput "the report's folder '$folder' does not exist." }
}

if (-not (Get-Module -Name Cutover)) {
    $manifest = Join-Path $PSScriptRoot '../out/Cutover/Cutover.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { Stop-BadInput "the Cutover module is not loaded and not built at $manifest (run scripts/build.sh)." }
    Import-Module $manifest
}

try {
    $planObject = Import-CutoverPlan -Path $Plan -ErrorAction Stop
}
catch {
    Stop-BadInput "the plan '$Plan' is not valid: $($_.Exception.Message)"
}

# --- checks --------------------------------------------------------------------------------------------------------
try {
    $output = Test-CutoverHealth -Plan $planObject -Environment $environments -TimeoutSec $timeout -ErrorAction Stop
}
catch {
    [Console]::Error.WriteLine("Invoke-CutoverPreflight: the checks could not run: $($_.Exception.Message)")
    exit 1
}
$report = @($output | Where-Object { $_ -is [Cutover.CutoverHealthReport] })[0]
if ($null -eq $report) {
    [Console]::Error.WriteLine('Invoke-CutoverPreflight: Test-CutoverHealth returned no report.')
    exit 1
}

function Get-Label($Result) { if ($null -eq $Result.Environment) { "Shared/$($Result.Check)" } else { "$($Result.Environment)/$($Result.Check)" } }

# --- report --------------------------------------------------------------------------------------------------------
if ($format -eq 'Json') {
    [ordered]@{
        plan        = $report.Plan
        ready       = $report.Ready
        startedAt   = $report.StartedAt.ToString('o')
        durationSec = [math]::Round($report.Duration.TotalSeconds, 3)
        total       = $report.Total
        passed      = $report.Passed
        warned      = $report.Warned
        failed      = $report.Failed
        unknown     = $report.Unknown
        results     = @($report.Results | ForEach-Object {
                [ordered]@{
                    environment = if ($null -eq $_.Environment) { $null } else { "$($_.Environment)" }
                    check       = "$($_.Check)"
                    status      = "$($_.Status)"
                    message     = $_.Message
                    observed    = $_.Observed
                    expected    = $_.Expected
                    target      = $_.Target
                    durationSec = [math]::Round($_.Duration.TotalSeconds, 3)
                }
            })
    } | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $ReportPath -Encoding utf8
}
elseif ($format -eq 'JUnit') {
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create([IO.Path]::GetFullPath($ReportPath), $settings)
    try {
        $seconds = { param($t) $t.TotalSeconds.ToString('0.###', [Globalization.CultureInfo]::InvariantCulture) }
        $writer.WriteStartElement('testsuites')
        $writer.WriteStartElement('testsuite')
        $writer.WriteAttributeString('name', "Cutover pre-flight: $($report.Plan)")
        $writer.WriteAttributeString('tests', [string]$report.Total)
        $writer.WriteAttributeString('failures', [string]$report.Failed)
        $writer.WriteAttributeString('skipped', [string]$report.Unknown)
        $writer.WriteAttributeString('errors', '0')
        $writer.WriteAttributeString('time', (& $seconds $report.Duration))
        $writer.WriteAttributeString('timestamp', $report.StartedAt.UtcDateTime.ToString('s'))
        foreach ($r in $report.Results) {
            $writer.WriteStartElement('testcase')
            $writer.WriteAttributeString('classname', "Cutover.Health.$(if ($null -eq $r.Environment) { 'Shared' } else { $r.Environment })")
            $writer.WriteAttributeString('name', [string]$r.Check)
            $writer.WriteAttributeString('time', (& $seconds $r.Duration))
            $detail = "Observed: $($r.Observed)`nExpected: $($r.Expected)`nTarget: $($r.Target)"
            switch ($r.Status) {
                'Fail' {
                    $writer.WriteStartElement('failure'); $writer.WriteAttributeString('message', $r.Message); $writer.WriteAttributeString('type', 'Fail')
                    $writer.WriteString($detail); $writer.WriteEndElement()
                }
                'Unknown' {
                    $writer.WriteStartElement('skipped'); $writer.WriteAttributeString('message', "Unknown: $($r.Message)"); $writer.WriteEndElement()
                }
                default { $writer.WriteElementString('system-out', "$($r.Status): $($r.Message)") }
            }
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    finally { $writer.Dispose() }
}

# --- summary -------------------------------------------------------------------------------------------------------
Write-Output '=== HEALTH CHECK SUMMARY ==='
Write-Output "Plan: $($report.Plan)"
Write-Output "Checks Passed: $($report.Passed)/$($report.Total)"
Write-Output "Checks Warned: $($report.Warned)/$($report.Total)"
Write-Output "Checks Failed: $($report.Failed)/$($report.Total)"
Write-Output "Checks Unknown: $($report.Unknown)/$($report.Total)"
foreach ($r in $report.Results | Where-Object Status -ne 'Pass') {
    $mark = if ($r.Status -eq 'Warn') { '!' } else { '✗' }
    Write-Output "$mark $(Get-Label $r): $($r.Status) - $($r.Message)"
}
if ($ReportPath) { Write-Output "Report: $([IO.Path]::GetFullPath($ReportPath))" }
if ($report.Ready) {
    Write-Output 'Status: ✓ ALL CHECKS PASSED - READY FOR CUTOVER'
    exit 0
}
Write-Output 'Status: ✗ SOME CHECKS FAILED - DO NOT PROCEED'
exit 1
