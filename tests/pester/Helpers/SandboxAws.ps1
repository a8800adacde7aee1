# The sandbox's ALB plan has no credential field: these make the FakeElb keys of sandbox.env (already in the
# process environment) the only AWS credentials that the SDK's default chain and the AWS CLI can find, in
# us-east-1, with no profile files and no instance metadata. Dot-source it: . (Join-Path $PSScriptRoot 'Helpers/SandboxAws.ps1')

$script:sandboxAwsVariables = 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_EC2_METADATA_DISABLED',
    'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_REGION'

# Sets the variables; returns their previous values for Restore-SandboxAwsEnvironment.
function script:Set-SandboxAwsEnvironment {
    $saved = @{}
    foreach ($name in $sandboxAwsVariables) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    if (-not $env:CUTOVER_SANDBOX_ELB_ACCESS_KEY_ID -or -not $env:CUTOVER_SANDBOX_ELB_SECRET_ACCESS_KEY) {
        throw 'CUTOVER_SANDBOX_ELB_ACCESS_KEY_ID/CUTOVER_SANDBOX_ELB_SECRET_ACCESS_KEY are not set: load sandbox.env first.'
    }
    $env:AWS_ACCESS_KEY_ID = $env:CUTOVER_SANDBOX_ELB_ACCESS_KEY_ID
    $env:AWS_SECRET_ACCESS_KEY = $env:CUTOVER_SANDBOX_ELB_SECRET_ACCESS_KEY
    $env:AWS_SESSION_TOKEN = $null
    $env:AWS_PROFILE = $null
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    $env:AWS_CONFIG_FILE = '/nonexistent'
    $env:AWS_SHARED_CREDENTIALS_FILE = '/nonexistent'
    $env:AWS_REGION = 'us-east-1'
    $saved
}

function script:Restore-SandboxAwsEnvironment([hashtable] $Saved) {
    foreach ($name in $Saved.Keys) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
}
