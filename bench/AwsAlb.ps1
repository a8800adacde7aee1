#Requires -Version 7.6
<#
.SYNOPSIS
Times verified AWS ALB traffic shifts against the sandbox's FakeElb: median and spread over several runs.

.DESCRIPTION
Against a running sandbox ($env:CUTOVER_SANDBOX_DIR), with the FakeElb credentials from sandbox.env as the only
AWS credentials: -Repeat shifts of the ALB plan between 0% and 100% blue, each one a Set-CutoverTrafficWeight
that reads the rule and the targets' health, sends ModifyRule and checks the answered weights. For each shift it
also measures the time until the HAProxy frontend (whose weights FakeElb sets) answers -Consecutive requests in
a row from the side that now has all the traffic. Prints figures only; nothing is asserted. Leaves green at 100%.

.EXAMPLE
dotnet pwsh -NoProfile -File bench/AwsAlb.ps1 -ModulePath ./out/Cutover/Cutover.psd1 -Repeat 11
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/Cutover/Cutover.psd1'),
    [string] $SandboxDir = $env:CUTOVER_SANDBOX_DIR,
    [ValidateRange(2, 100)] [int] $Repeat = 9,
    [ValidateRange(1, 100)] [int] $Consecutive = 5
)
. (Join-Path $PSScriptRoot 'Helpers/BenchSandbox.ps1')

$plan = Import-CutoverPlan -Path $sbx.plans.alb
$frontend = "http://127.0.0.1:$($sbx.ports.haproxyFrontend)/api/status"

# Milliseconds from $Watch's start until $Consecutive answers in a row come from $Environment (bounded: 30 s).
function Wait-Follow([Diagnostics.Stopwatch] $Watch, [string] $Environment) {
    $streak = 0
    while ($streak -lt $Consecutive) {
        if ($Watch.Elapsed.TotalSeconds -gt 30) { throw "the frontend did not move to $Environment within 30 s" }
        $answer = Invoke-WebRequest -Uri $frontend -SkipHttpErrorCheck -TimeoutSec 5
        $streak = if ("$($answer.Headers['X-Cutover-Environment'])" -eq $Environment) { $streak + 1 } else { 0 }
    }
    $Watch.Elapsed.TotalMilliseconds
}

Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Confirm:$false
$null = Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Confirm:$false -PassThru   # warm-up: credentials, connections, JIT
$shift = [Collections.Generic.List[double]]::new()
$follow = [Collections.Generic.List[double]]::new()
try {
    for ($i = 0; $i -lt $Repeat; $i++) {
        Write-Progress -Activity 'Timing ALB shifts' -Status "shift $($i + 1) of $Repeat" -PercentComplete (100 * $i / $Repeat)
        $blue = if ($i % 2) { 0 } else { 100 }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $state = Set-CutoverTrafficWeight -Plan $plan -Blue $blue -Confirm:$false -PassThru
        $shift.Add($watch.Elapsed.TotalMilliseconds)
        if ($state.Blue -ne $blue) { throw "the provider reports blue $($state.Blue)%, not $blue%" }
        $follow.Add((Wait-Follow $watch $(if ($blue -eq 100) { 'blue' } else { 'green' })))
    }
}
finally {
    Write-Progress -Activity 'Timing ALB shifts' -Completed
    Set-CutoverTrafficWeight -Plan $plan -Blue 0 -Confirm:$false
}

@(
    Get-Summary 'verified ALB shift (Set-CutoverTrafficWeight)' $shift
    Get-Summary "shift until $Consecutive answers in a row from the new side" $follow
) | Format-Table -AutoSize | Out-String -Width 120
"$Repeat shifts between 0% and 100% blue; $([Environment]::ProcessorCount) cores."
