<#
.SYNOPSIS
    Runs the Pester tests against the built module.
.DESCRIPTION
    Tests find the module through $env:CUTOVER_MODULE_PATH and the sandbox through
    $env:CUTOVER_SANDBOX_DIR. -Tag narrows the run (Unit, Isolation, Integration).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $PesterManifest,
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $ResultPath,
    [string[]] $Tag,
    [string[]] $Path = $PSScriptRoot
)
Import-Module $PesterManifest -Force
$env:CUTOVER_MODULE_PATH = $ModulePath
$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.CIFormat = 'None'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'JUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
if ($Tag) { $configuration.Filter.Tag = $Tag }
Invoke-Pester -Configuration $configuration
