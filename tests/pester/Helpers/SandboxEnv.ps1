# Loads the sandbox's secrets from sandbox.env into $env: and returns them, for the no-secret assertions.
function Import-SandboxEnv([string] $EnvFile) {
    $loaded = @()
    foreach ($line in Get-Content $EnvFile) {
        if ($line -match "^export (\w+)='(.*)'$") {
            Set-Item -Path "env:$($Matches[1])" -Value $Matches[2]
            $loaded += $Matches[2]
        }
    }
    , $loaded
}
