BeforeAll {
    . (Join-Path $PSScriptRoot 'Helpers/FreshPwsh.ps1')
    $manifestPath = $env:CUTOVER_MODULE_PATH
    if (Test-Path -LiteralPath $manifestPath -PathType Container) { $manifestPath = Join-Path $manifestPath 'Cutover.psd1' }
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
    # Brought by build/Tools.csproj (dotnet restore build/Tools.csproj): what another module may have loaded first.
    $oldAssemblies = @(
        Join-Path $packages 'microsoft.extensions.logging.abstractions/8.0.0/lib/net8.0/Microsoft.Extensions.Logging.Abstractions.dll'
        Join-Path $packages 'npgsql/8.0.9/lib/net8.0/Npgsql.dll'
        Join-Path $packages 'awssdk.core/3.7.402/lib/net8.0/AWSSDK.Core.dll'
    )
    $example = Join-Path $PSScriptRoot '../../examples/haproxy.psd1'

    # Everything happens in one fresh process: old packages first, then the module, then both sides used.
    $script = @"
`$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
function Get-Copy([string] `$name) {
    @([System.Runtime.Loader.AssemblyLoadContext]::All | ForEach-Object {
        `$context = `$_
        `$context.Assemblies | Where-Object { `$_.GetName().Name -eq `$name } | ForEach-Object {
            [pscustomobject]@{ Name = `$name; Version = `$_.GetName().Version.ToString(); Context = `$context.Name } }
    })
}
foreach (`$path in '$($oldAssemblies -join "','")') { Add-Type -Path `$path }
`$before = @('Npgsql', 'AWSSDK.Core') | ForEach-Object { Get-Copy `$_ }

Import-Module '$manifestPath'
`$plan = Import-CutoverPlan -Path '$example'

`$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Cutover.Engine' }
`$engineContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$engine)
# What the engine's own references resolve to: load its packages by name from its context and use them.
`$npgsql = `$engineContext.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('Npgsql'))
# A data source is what the engine builds (no connection is opened); it pulls in the logging abstractions too.
`$dataSource = `$npgsql.GetType('Npgsql.NpgsqlDataSource').GetMethod('Create', [type[]]@([string])).Invoke(`$null, @('Host=new;Database=db'))
`$builder = [Activator]::CreateInstance(`$npgsql.GetType('Npgsql.NpgsqlConnectionStringBuilder'), @(`$dataSource.ConnectionString))
`$dataSource.Dispose()
`$aws = `$engineContext.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('AWSSDK.Core'))
`$region = `$aws.GetType('Amazon.RegionEndpoint').GetMethod('GetBySystemName').Invoke(`$null, @('eu-west-1'))

[pscustomobject]@{
    Before          = `$before
    PlanName        = `$plan.Name
    PlanType        = `$plan.GetType().FullName
    EngineContext   = `$engineContext.Name
    EngineNpgsql    = `$npgsql.GetName().Version.ToString()
    EngineNpgsqlCtx = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$npgsql).Name
    NewNpgsqlHost   = `$builder['Host']
    EngineAws       = `$aws.GetName().Version.ToString()
    EngineAwsCtx    = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$aws).Name
    NewAwsRegion    = `$region.SystemName
    OldNpgsql       = [Npgsql.NpgsqlConnectionStringBuilder].Assembly.GetName().Version.ToString()
    OldNpgsqlHost   = [Npgsql.NpgsqlConnectionStringBuilder]::new('Host=old').Host
    OldAws          = [Amazon.RegionEndpoint].Assembly.GetName().Version.ToString()
    OldAwsRegion    = [Amazon.RegionEndpoint]::USEast1.SystemName
    After           = @('Npgsql', 'AWSSDK.Core', 'Microsoft.Extensions.Logging.Abstractions', 'Cutover.Abstractions') | ForEach-Object { Get-Copy `$_ }
} | ConvertTo-Json -Depth 4 -Compress
"@
}

Describe 'Side by side with older Npgsql and AWSSDK.Core already loaded' -Tag Isolation {
    BeforeAll {
        foreach ($path in $oldAssemblies) {
            if (-not (Test-Path -LiteralPath $path)) { throw "Missing ${path}: run 'dotnet restore build/Tools.csproj'." }
        }
        $run = Invoke-FreshPwsh $script
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $result = $run.Output[-1] | ConvertFrom-Json
    }

    It 'had the old versions in the default context before the import' {
        ($result.Before | Where-Object Name -EQ 'Npgsql').Version | Should -BeLike '8.0.*'
        ($result.Before | Where-Object Name -EQ 'AWSSDK.Core').Version | Should -BeLike '3.*'
        $result.Before.Context | Should -Not -Contain 'Cutover.Dependencies'
    }

    It 'imports a plan' {
        $result.PlanType | Should -Be 'Cutover.CutoverPlan'
        $result.PlanName | Should -Be 'orchestrator-2.1.0'
    }

    It 'runs the engine in its private context' {
        $result.EngineContext | Should -Be 'Cutover.Dependencies'
    }

    It 'gives the engine its own Npgsql 10 and AWSSDK.Core 4, and they work' {
        $result.EngineNpgsql | Should -BeLike '10.*'
        $result.EngineNpgsqlCtx | Should -Be 'Cutover.Dependencies'
        $result.NewNpgsqlHost | Should -Be 'new'
        $result.EngineAws | Should -BeLike '4.*'
        $result.EngineAwsCtx | Should -Be 'Cutover.Dependencies'
        $result.NewAwsRegion | Should -Be 'eu-west-1'
    }

    It 'leaves the old copies visible to PowerShell and working' {
        $result.OldNpgsql | Should -BeLike '8.0.*'
        $result.OldNpgsqlHost | Should -Be 'old'
        $result.OldAws | Should -BeLike '3.*'
        $result.OldAwsRegion | Should -Be 'us-east-1'
    }

    It 'has both copies of <_> loaded, one per context' -ForEach 'Npgsql', 'AWSSDK.Core', 'Microsoft.Extensions.Logging.Abstractions' {
        $copies = @($result.After | Where-Object Name -EQ $_)
        $copies.Count | Should -Be 2
        @($copies | Where-Object Context -EQ 'Default').Count | Should -Be 1
        @($copies | Where-Object Context -EQ 'Cutover.Dependencies').Count | Should -Be 1
        ($copies.Version | Sort-Object -Unique).Count | Should -Be 2
    }

    It 'shares Cutover.Abstractions: one copy, in the default context' {
        $copies = @($result.After | Where-Object Name -EQ 'Cutover.Abstractions')
        $copies.Count | Should -Be 1
        $copies[0].Context | Should -Be 'Default'
    }
}
