# The running sandbox for the benchmarks: imports the module, reads sandbox.json into $sbx and exports every variable of
# sandbox.env into the process. Dot-source it after the param block: . (Join-Path $PSScriptRoot 'Helpers/Sandbox.ps1')
# It uses the caller's $ModulePath and $SandboxDir.
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$sbx = Get-Content (Join-Path $SandboxDir 'sandbox.json') -Raw | ConvertFrom-Json
foreach ($line in Get-Content $sbx.envFile) {
    if ($line -match "^export (\w+)='(.*)'$") { Set-Item -Path "env:$($Matches[1])" -Value $Matches[2] }
}
