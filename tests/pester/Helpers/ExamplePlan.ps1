# The HAProxy example plan with its state under a test directory. Dot-source it:
# . (Join-Path $PSScriptRoot 'Helpers/ExamplePlan.ps1'); $planPath = New-ExamplePlanFile -Directory $TestDrive

function New-ExamplePlanFile {
    param([Parameter(Mandatory)][string] $Directory)
    $source = Join-Path $PSScriptRoot '../../../examples/haproxy.psd1'
    $planPath = Join-Path $Directory 'plan.psd1'
    (Get-Content $source -Raw).Replace("Path = '/var/lib/cutover'", "Path = '$Directory/state'") | Set-Content $planPath
    $planPath
}
