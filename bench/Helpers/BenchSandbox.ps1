# The preamble of the benchmarks that run against the sandbox. Dot-source it right after param(), which must declare
# $ModulePath and $SandboxDir:  . (Join-Path $PSScriptRoot 'Helpers/BenchSandbox.ps1')
# It imports the module, exports the sandbox's secrets into the process, makes the sandbox's ELBv2 test keys the only AWS
# credentials the ALB plan can find, defines Get-Summary, and sets $sbx to the sandbox's description.
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
. (Join-Path $PSScriptRoot 'Summary.ps1')
. (Join-Path $PSScriptRoot '../../scripts/lib/SandboxSession.ps1')
$sbx = Import-SandboxSession $SandboxDir
. (Join-Path $PSScriptRoot '../../tests/pester/Helpers/SandboxAws.ps1')
$null = Set-SandboxAwsEnvironment
