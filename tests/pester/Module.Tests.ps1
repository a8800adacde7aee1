BeforeDiscovery {
    # Test cases are built from what the module really exports, so every new command is checked too.
    $manifestPath = $env:CUTOVER_MODULE_PATH
    if (Test-Path -LiteralPath $manifestPath -PathType Container) { $manifestPath = Join-Path $manifestPath 'Cutover.psd1' }
    $module = Import-Module $manifestPath -Force -PassThru
    $commands = @($module.ExportedCommands.Values | Where-Object CommandType -NE 'Alias' | Sort-Object Name | ForEach-Object {
        @{ Name = $_.Name; CommandType = [string]$_.CommandType } })
    $cmdlets = @($commands | Where-Object CommandType -EQ 'Cmdlet')
}

BeforeAll {
    $manifestPath = $env:CUTOVER_MODULE_PATH
    if (Test-Path -LiteralPath $manifestPath -PathType Container) { $manifestPath = Join-Path $manifestPath 'Cutover.psd1' }
    $module = Import-Module $manifestPath -Force -PassThru
    $manifestData = Import-PowerShellDataFile -Path $manifestPath

    # The rule for ShouldProcess, derived from the approved verb groups:
    # read-only: every verb of the Common group that only reads (Get, Find, Search, Select, Show, Watch, ...),
    # and of Diagnostic (Test, Measure, Trace, Debug, Resolve, Ping, Repair excluded), plus Import/Read/ConvertFrom/
    # ConvertTo/Compare/Format/Out (they write to the pipeline, not to the world).
    # Everything else (Set, Invoke, Send, Export, Start, Stop, Add, Remove, New, Clear, Reset, Restore, Enable,
    # Disable, Switch, Complete, Submit, Publish, Register, Write, Update, Move, Rename, Suspend, Resume, ...)
    # changes something and must declare SupportsShouldProcess.
    $readOnlyVerbs = @(
        'Get', 'Find', 'Search', 'Select', 'Show', 'Watch', 'Format', 'Skip', 'Split', 'Join', 'Wait', 'Use'
        'Test', 'Measure', 'Trace', 'Resolve', 'Ping', 'Debug'
        'Import', 'Read', 'ConvertFrom', 'ConvertTo', 'Compare', 'Out', 'Receive', 'Confirm', 'Assert'
    )
    $approvedVerbs = (Get-Verb).Verb
    $wildcard = '[*?\[]'
}

Describe 'The module manifest' -Tag Unit {
    It 'is valid' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'lists <_> explicitly, without wildcards' -ForEach 'CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport' {
        $manifestData.ContainsKey($_) | Should -BeTrue -Because "$_ must be an explicit list (an omitted key exports everything)"
        @($manifestData[$_] | Where-Object { $_ -match $wildcard }) | Should -BeNullOrEmpty
    }

    It 'exports exactly the cmdlets it lists' {
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifestData.CmdletsToExport | Sort-Object)
    }

    It 'exports exactly the functions it lists' {
        @($module.ExportedFunctions.Keys | Sort-Object) | Should -Be @($manifestData.FunctionsToExport | Sort-Object)
    }

    It 'exports exactly the aliases it lists' {
        @($module.ExportedAliases.Keys | Sort-Object) | Should -Be @($manifestData.AliasesToExport | Sort-Object)
    }

    It 'exports exactly the variables it lists' {
        @($module.ExportedVariables.Keys | Sort-Object) | Should -Be @($manifestData.VariablesToExport | Sort-Object)
    }
}

Describe 'Exported command <Name>' -Tag Unit -ForEach $commands {
    BeforeAll {
        $command = Get-Command -Name $Name -Module $module.Name
        $help = Get-Help -Name $Name -Full
        $parameterNames = @($command.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.Cmdlet]::CommonParameters })
    }

    It 'uses an approved verb' {
        $command.Verb | Should -BeIn $approvedVerbs
    }

    It 'has a singular noun with the Cutover prefix' {
        $command.Noun | Should -MatchExactly '^Cutover[A-Z][A-Za-z]*$'
        # Heuristic: a plural ends in a lone s; Status, Process and Analysis end in us/ss/is and are singular.
        $command.Noun | Should -Not -MatchExactly '(?<![suiS])s$' -Because 'nouns are singular'
    }

    It 'supports ShouldProcess when its verb changes something' {
        if ($command.Verb -in $readOnlyVerbs) {
            Set-ItResult -Skipped -Because "'$($command.Verb)' is a read-only verb"
            return
        }
        $command.Parameters.ContainsKey('WhatIf') | Should -BeTrue -Because "'$($command.Verb)' changes something"
        $command.Parameters.ContainsKey('Confirm') | Should -BeTrue
    }

    It 'declares its output type' {
        @($command.OutputType) | Should -Not -BeNullOrEmpty
    }

    It 'has a synopsis' {
        $synopsis = [string]$help.Synopsis
        $synopsis.Trim() | Should -Not -BeNullOrEmpty
        # Without help, Get-Help makes a synopsis out of the syntax.
        $synopsis.Trim() | Should -Not -Match ('^' + [regex]::Escape($Name) + '\s+\[')
    }

    It 'has a description' {
        (@($help.description) | ForEach-Object Text) -join '' | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        $undescribed = foreach ($parameterName in $parameterNames) {
            $parameterHelp = @($help.parameters.parameter) | Where-Object name -EQ $parameterName
            $text = (@($parameterHelp.description) | ForEach-Object Text) -join ''
            if (-not $text.Trim()) { $parameterName }
        }
        @($undescribed) | Should -BeNullOrEmpty
    }

    It 'has at least one example with code' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterThan 0
        $examples[0].code | Should -Not -BeNullOrEmpty
    }
}

Describe 'Importing the module' -Tag Unit {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers/FreshPwsh.ps1')
        $loadedAfterImport = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$manifestPath'
[AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { `$_.GetName().Name }
"@
    }

    It 'loads no engine or third-party assembly until a command needs it' {
        $result = Invoke-FreshPwsh $loadedAfterImport
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Contain 'Cutover.Cmdlets'
        $result.Output | Should -Contain 'Cutover.Abstractions'
        foreach ($lazy in 'Cutover.Engine', 'Npgsql', 'AWSSDK.Core', 'StackExchange.Redis', 'RabbitMQ.Client') {
            $result.Output | Should -Not -Contain $lazy
        }
    }

    It 'works without any network' {
        $unshare = Get-Command unshare -CommandType Application -ErrorAction Ignore
        if (-not $unshare -or $(& unshare -r -n true 2>&1; $LASTEXITCODE) -ne 0) {
            Set-ItResult -Skipped -Because 'unshare -r -n is not available here'
            return
        }
        $result = Invoke-FreshPwsh ($loadedAfterImport + "`n(Get-Command -Module Cutover).Count") -Wrapper 'unshare', '-r', '-n'
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        [int]$result.Output[-1] | Should -BeGreaterThan 0
    }

    It 'opens no socket and reads no file outside the module, PowerShell and .NET' {
        $strace = Get-Command strace -CommandType Application -ErrorAction Ignore
        if (-not $strace) {
            Set-ItResult -Skipped -Because 'strace is not installed (apt-get install strace)'
            return
        }
        # The baseline is a fresh pwsh importing an empty module: the import may add only files of its own folder.
        $trace = Join-Path $TestDrive 'import.trace'
        $baseTrace = Join-Path $TestDrive 'base.trace'
        $emptyModule = Join-Path $TestDrive 'Empty/Empty.psd1'
        $null = New-Item -ItemType Directory -Force (Split-Path $emptyModule)
        New-ModuleManifest -Path $emptyModule -CmdletsToExport @() -FunctionsToExport @() -AliasesToExport @() -VariablesToExport @()
        $moduleDirectory = Split-Path $manifestPath
        $straceArguments = 'strace', '-f', '-qq', '-e', 'trace=network,openat', '-o'
        $traced = Invoke-FreshPwsh "Import-Module '$manifestPath'; 'imported'" -Wrapper ($straceArguments + $trace)
        $traced.Output | Should -Contain 'imported' -Because ($traced.Output -join "`n")
        $null = Invoke-FreshPwsh "Import-Module '$emptyModule'; 'imported'" -Wrapper ($straceArguments + $baseTrace)
        # Files opened (not directories listed, not failed probes).
        $opened = { param($path) Get-Content $path | Where-Object { $_ -match 'openat\(' -and $_ -notmatch 'ENOENT|O_DIRECTORY' } | ForEach-Object { $_ -replace '^.*openat\([^"]*"([^"]+)".*$', '$1' } | Sort-Object -Unique }
        $baseline = & $opened $baseTrace
        # Allowed beyond the baseline: the module's folder, PowerShell itself ($PSHOME modules auto-loaded by the
        # script module, its module-analysis cache), the .NET runtime (ICU, the runtime directory, debugger pipes).
        $runtimeDirectory = [System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
        $extra = & $opened $trace | Where-Object {
            $_ -notin $baseline -and -not $_.StartsWith($moduleDirectory) -and -not $_.StartsWith($PSHOME) -and -not $_.StartsWith($runtimeDirectory) -and
            $_ -notmatch '^/(proc|sys|dev)/|/libicu[a-z0-9]*\.so|/\.cache/powershell/|/clr-debug-pipe-' }
        @($extra) | Should -BeNullOrEmpty -Because 'import reads only the module'
        Get-Content $trace | Where-Object { $_ -match 'openat\(.*Cutover\.Cmdlets\.dll' } | Should -Not -BeNullOrEmpty -Because 'the trace saw the module load'
        $dependencies = Join-Path $moduleDirectory 'Dependencies'
        @(& $opened $trace | Where-Object { $_.StartsWith($dependencies) }) | Should -BeNullOrEmpty -Because 'Dependencies/ loads on first use'
        $sockets = Get-Content $trace | Where-Object { $_ -match '\b(connect|sendto|sendmsg)\(' -and $_ -match 'AF_INET' }
        @($sockets) | Should -BeNullOrEmpty -Because 'import does not touch the network'
    }
}
