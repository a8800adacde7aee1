# Runs a script in a new pwsh process (the same PowerShell as this one), optionally under a wrapper
# command such as strace or unshare. Dot-source it: . $PSScriptRoot/Helpers/FreshPwsh.ps1

function Get-FreshPwshCommand {
    # pwsh started as a .NET tool runs as 'dotnet pwsh.dll'; a native install runs as 'pwsh'.
    $executable = (Get-Process -Id $PID).Path
    if ((Split-Path -Leaf $executable) -in 'dotnet', 'dotnet.exe') { $executable; Join-Path $PSHOME 'pwsh.dll' }
    else { $executable }
}

function Invoke-FreshPwsh {
    param([Parameter(Mandatory)][string] $Script, [string[]] $Wrapper = @())
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    $commandLine = @($Wrapper) + @(Get-FreshPwshCommand) + @('-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded)
    $rest = if ($commandLine.Count -gt 1) { $commandLine[1..($commandLine.Count - 1)] } else { @() }
    $output = & $commandLine[0] @rest 2>&1
    [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object { "$_" }) }
}
