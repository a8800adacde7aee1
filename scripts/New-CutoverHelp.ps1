<#
.SYNOPSIS
    Turns docs/commands/<Verb>-<Noun>.md into MAML help for every cmdlet the built module exports.
.DESCRIPTION
    Imports the built module in this process, reads each exported cmdlet's Markdown page (format in
    docs/architecture.md) and writes en-US/Cutover.Cmdlets.dll-Help.xml in the module folder. Syntax,
    parameter types, mandatory, position, pipeline input and aliases come from the cmdlet's metadata;
    words come from the page. Fails (exit 1, naming every problem) when a cmdlet has no page, a page
    lacks a synopsis, a description or an example, a parameter has no description, or a page documents
    a parameter the cmdlet does not have. -WhatIf and -Confirm get the standard text unless the page
    documents them.
.EXAMPLE
    dotnet pwsh -NoProfile -File scripts/New-CutoverHelp.ps1 -ModulePath out/Cutover -DocsPath docs/commands
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $DocsPath
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$commandNs = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters
$standardDescriptions = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run and nothing is changed.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}
$knownSections = 'SYNOPSIS', 'DESCRIPTION', 'PARAMETERS', 'EXAMPLES', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'

function Split-Paragraph {
    # As Markdown reads it: blank lines separate paragraphs, wrapped lines join with a space; list
    # items and fenced blocks keep their own lines.
    param([string[]] $Lines)
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Text.StringBuilder]::new()
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence; continue }
        if (-not $inFence -and $line.Trim() -eq '') {
            if ($current.Length) { $paragraphs.Add($current.ToString()); $null = $current.Clear() }
            continue
        }
        $ownLine = $inFence -or $line -match '^\s*([-*+]|\d+\.)\s'
        if ($current.Length) { $null = $current.Append($(if ($ownLine) { "`n" } else { ' ' })) }
        $null = $current.Append($(if ($inFence) { $line.TrimEnd() } else { $line.Trim() }))
    }
    if ($current.Length) { $paragraphs.Add($current.ToString()) }
    , $paragraphs.ToArray()
}

function Read-CommandPage {
    # Returns @{ Title; Sections = @{ NAME = @{ Body = lines; Subsections = ordered @{ title = lines } } } }.
    param([string] $Path)
    $page = @{ Title = $null; Sections = @{}; Order = [System.Collections.Generic.List[string]]::new() }
    $section = $null; $subsection = $null; $inFence = $false
    foreach ($line in (Get-Content -LiteralPath $Path -Encoding utf8)) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        elseif (-not $inFence) {
            if ($line -match '^#\s+(.+?)\s*$') { $page.Title = $Matches[1]; continue }
            if ($line -match '^##\s+(.+?)\s*$') {
                $name = $Matches[1].ToUpperInvariant()
                $section = @{ Body = [System.Collections.Generic.List[string]]::new(); Subsections = [ordered]@{} }
                $page.Sections[$name] = $section; $page.Order.Add($name); $subsection = $null
                continue
            }
            if ($line -match '^###\s+(.+?)\s*$' -and $null -ne $section) {
                $subsection = [System.Collections.Generic.List[string]]::new()
                $section.Subsections[$Matches[1]] = $subsection
                continue
            }
        }
        if ($null -ne $subsection) { $subsection.Add($line) } elseif ($null -ne $section) { $section.Body.Add($line) }
    }
    $page
}

function Get-PipelineInput {
    param($Parameter)
    $kinds = @(if ($Parameter.ValueFromPipelineByPropertyName) { 'ByPropertyName' }; if ($Parameter.ValueFromPipeline) { 'ByValue' })
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Get-DefaultValue {
    param($Instance, [string] $Name)
    if ($null -eq $Instance) { return 'None' }
    $property = $Instance.GetType().GetProperty($Name)
    if ($null -eq $property) { return 'None' }
    $value = $property.GetValue($Instance)
    if ($value -is [System.Management.Automation.SwitchParameter]) { return [string]$value.IsPresent }
    if ($null -eq $value -or ($value -is [string] -and $value -eq '') -or ($value -is [System.Collections.ICollection] -and $value.Count -eq 0)) { return 'None' }
    [string]$value
}

function Write-Para {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs)
    foreach ($p in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $maml, $p) }
}

function Write-Description {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs)
    $Writer.WriteStartElement('maml', 'description', $maml)
    Write-Para $Writer $Paragraphs
    $Writer.WriteEndElement()
}

function Write-Type {
    param([System.Xml.XmlWriter] $Writer, [string] $Name)
    $Writer.WriteStartElement('dev', 'type', $dev)
    $Writer.WriteElementString('maml', 'name', $maml, $Name)
    $Writer.WriteElementString('maml', 'uri', $maml, '')
    $Writer.WriteEndElement()
}

function Write-Parameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, [bool] $Mandatory, [int] $Position, [string[]] $Description, [string] $Default, [bool] $InSyntax)
    $isSwitch = $Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]
    $Writer.WriteStartElement('command', 'parameter', $commandNs)
    $Writer.WriteAttributeString('required', $Mandatory.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $Parameter.ParameterType.IsArray.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', 'false')
    $Writer.WriteAttributeString('pipelineInput', (Get-PipelineInput $Parameter))
    $Writer.WriteAttributeString('position', $(if ($Position -ge 0) { [string]$Position } else { 'named' }))
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $maml, $Parameter.Name)
    Write-Description $Writer $Description
    if (-not ($isSwitch -and $InSyntax)) {
        $Writer.WriteStartElement('command', 'parameterValue', $commandNs)
        $Writer.WriteAttributeString('required', (-not $isSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', $Parameter.ParameterType.IsArray.ToString().ToLowerInvariant())
        $Writer.WriteString($Parameter.ParameterType.Name)
        $Writer.WriteEndElement()
    }
    Write-Type $Writer $Parameter.ParameterType.FullName
    $Writer.WriteElementString('dev', 'defaultValue', $dev, $Default)
    $Writer.WriteEndElement()
}

function Get-ParameterPosition {
    param($Parameter)
    if ($Parameter.Position -eq [int]::MinValue) { -1 } else { $Parameter.Position }
}

function Write-TypeList {
    # INPUTS / OUTPUTS: each "### TypeName" subsection with its text.
    param([System.Xml.XmlWriter] $Writer, $Section, [string] $Outer, [string] $Inner)
    $Writer.WriteStartElement('command', $Outer, $commandNs)
    if ($Section) {
        foreach ($typeName in $Section.Subsections.Keys) {
            $Writer.WriteStartElement('command', $Inner, $commandNs)
            Write-Type $Writer $typeName
            Write-Description $Writer (Split-Paragraph $Section.Subsections[$typeName])
            $Writer.WriteEndElement()
        }
    }
    $Writer.WriteEndElement()
}

function Write-Command {
    param([System.Xml.XmlWriter] $Writer, [System.Management.Automation.CmdletInfo] $Command, $Page, [hashtable] $ParameterText)
    $instance = try { [Activator]::CreateInstance($Command.ImplementingType) } catch { $null }
    $Writer.WriteStartElement('command', 'command', $commandNs)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $dev)

    $Writer.WriteStartElement('command', 'details', $commandNs)
    $Writer.WriteElementString('command', 'name', $commandNs, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $commandNs, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $commandNs, $Command.Noun)
    Write-Description $Writer (Split-Paragraph $Page.Sections['SYNOPSIS'].Body)
    $Writer.WriteEndElement()
    Write-Description $Writer (Split-Paragraph $Page.Sections['DESCRIPTION'].Body)

    $Writer.WriteStartElement('command', 'syntax', $commandNs)
    foreach ($set in $Command.ParameterSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $commandNs)
        $Writer.WriteElementString('maml', 'name', $maml, $Command.Name)
        $ordered = $set.Parameters | Where-Object { $_.Name -notin $commonParameters } | Sort-Object `
            @{ Expression = { $p = Get-ParameterPosition $_; if ($p -ge 0) { $p } else { [int]::MaxValue } } },
            @{ Expression = { -not $_.IsMandatory } },
            @{ Expression = { $_.ParameterType -eq [System.Management.Automation.SwitchParameter] } }
        foreach ($parameter in $ordered) {
            Write-Parameter $Writer $parameter $parameter.IsMandatory (Get-ParameterPosition $parameter) $ParameterText[$parameter.Name] (Get-DefaultValue $instance $parameter.Name) $true
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $commandNs)
    $seen = @{}
    foreach ($set in $Command.ParameterSets) {
        foreach ($parameter in $set.Parameters) {
            if ($parameter.Name -in $commonParameters -or $seen.ContainsKey($parameter.Name)) { continue }
            $seen[$parameter.Name] = $true
            # Mandatory only when it is mandatory in every set that has it.
            $sets = @($Command.ParameterSets | ForEach-Object { $_.Parameters | Where-Object Name -EQ $parameter.Name })
            $mandatory = @($sets | Where-Object { -not $_.IsMandatory }).Count -eq 0
            Write-Parameter $Writer $parameter $mandatory (Get-ParameterPosition $parameter) $ParameterText[$parameter.Name] (Get-DefaultValue $instance $parameter.Name) $false
        }
    }
    $Writer.WriteEndElement()

    Write-TypeList $Writer $Page.Sections['INPUTS'] 'inputTypes' 'inputType'
    Write-TypeList $Writer $Page.Sections['OUTPUTS'] 'returnValues' 'returnValue'

    $notes = if ($Page.Sections['NOTES']) { Split-Paragraph $Page.Sections['NOTES'].Body } else { @() }
    $Writer.WriteStartElement('maml', 'alertSet', $maml)
    $Writer.WriteStartElement('maml', 'alert', $maml)
    Write-Para $Writer $notes
    $Writer.WriteEndElement(); $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $commandNs)
    foreach ($title in $Page.Sections['EXAMPLES'].Subsections.Keys) {
        $example = Read-Example $Page.Sections['EXAMPLES'].Subsections[$title]
        $Writer.WriteStartElement('command', 'example', $commandNs)
        $Writer.WriteElementString('maml', 'title', $maml, "--------- $title ---------")
        $Writer.WriteElementString('dev', 'code', $dev, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $dev)
        Write-Para $Writer $example.Remarks
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $commandNs)
    if ($Page.Sections['RELATED LINKS']) {
        foreach ($line in $Page.Sections['RELATED LINKS'].Body) {
            if ($line -notmatch '^\s*[-*]\s+(.+?)\s*$') { continue }
            $text = $Matches[1]; $uri = ''
            if ($text -match '^\[(.+)\]\((.*)\)$') { $text = $Matches[1]; $uri = $Matches[2] }
            $Writer.WriteStartElement('maml', 'navigationLink', $maml)
            $Writer.WriteElementString('maml', 'linkText', $maml, $text)
            $Writer.WriteElementString('maml', 'uri', $maml, $uri)
            $Writer.WriteEndElement()
        }
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

function Read-Example {
    # The first fenced block is the code; the text around it is the remarks.
    param([string[]] $Lines)
    $code = [System.Collections.Generic.List[string]]::new()
    $remarks = [System.Collections.Generic.List[string]]::new()
    $state = 'before'
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') {
            $state = switch ($state) { 'before' { 'code' } 'code' { 'after' } default { $state } }
            continue
        }
        if ($state -eq 'code') { $code.Add($line.TrimEnd()) } else { $remarks.Add($line) }
    }
    @{ Code = ($code -join "`n").Trim(); Remarks = Split-Paragraph $remarks }
}

function Test-CommandPage {
    # Returns the problems of one page (empty when it is complete) and fills $ParameterText.
    param([System.Management.Automation.CmdletInfo] $Command, $Page, [hashtable] $ParameterText)
    $name = $Command.Name
    if ($Page.Title -ne $name) { "${name}: the page title is '$($Page.Title)', expected '# $name'" }
    foreach ($section in $Page.Order) {
        if ($section -notin $knownSections) { "${name}: unknown section '## $section' (expected one of $($knownSections -join ', '))" }
    }
    foreach ($required in 'SYNOPSIS', 'DESCRIPTION') {
        if (-not $Page.Sections[$required] -or -not (Split-Paragraph $Page.Sections[$required].Body)) { "${name}: no $required" }
    }
    $examples = if ($Page.Sections['EXAMPLES']) { $Page.Sections['EXAMPLES'].Subsections } else { @{} }
    if ($examples.Count -eq 0) { "${name}: no example (### Example 1: title, then a ``````powershell block)" }
    foreach ($title in $examples.Keys) {
        if (-not (Read-Example $examples[$title]).Code) { "${name}: '$title' has no code block" }
    }
    $parameters = @($Command.Parameters.Keys | Where-Object { $_ -notin $commonParameters })
    $documented = if ($Page.Sections['PARAMETERS']) { $Page.Sections['PARAMETERS'].Subsections } else { @{} }
    foreach ($heading in $documented.Keys) {
        if ($heading -eq 'CommonParameters') { continue }
        $parameterName = $heading -replace '^-', ''
        $match = $parameters | Where-Object { $_ -eq $parameterName }
        if (-not $heading.StartsWith('-') -or -not $match) { "${name}: the page documents '### $heading', which is not a parameter of the cmdlet"; continue }
        $text = Split-Paragraph $documented[$heading]
        if ($text) { $ParameterText[$match] = $text }
    }
    foreach ($parameter in $parameters) {
        if ($ParameterText.ContainsKey($parameter)) { continue }
        if ($standardDescriptions.ContainsKey($parameter)) { $ParameterText[$parameter] = @($standardDescriptions[$parameter]); continue }
        "${name}: parameter -$parameter has no description (### -$parameter under ## PARAMETERS)"
    }
}

$manifest = Get-ChildItem -LiteralPath $ModulePath -Filter '*.psd1' | Select-Object -First 1
if (-not $manifest) { Write-Error "New-CutoverHelp: no module manifest in $ModulePath"; exit 1 }
$module = Import-Module $manifest.FullName -Force -PassThru -ErrorAction Stop
$cmdlets = @($module.ExportedCmdlets.Values | Sort-Object Name)
$problems = [System.Collections.Generic.List[string]]::new()
$pages = @{}
foreach ($command in $cmdlets) {
    $path = Join-Path $DocsPath "$($command.Name).md"
    if (-not (Test-Path -LiteralPath $path)) { $problems.Add("$($command.Name): no help page $path"); continue }
    $page = Read-CommandPage $path
    $text = @{}
    foreach ($problem in @(Test-CommandPage $command $page $text)) { $problems.Add($problem) }
    $pages[$command.Name] = @{ Page = $page; Text = $text }
}
if ($problems.Count) {
    foreach ($problem in $problems) { [Console]::Error.WriteLine("New-CutoverHelp: $problem") }
    [Console]::Error.WriteLine("New-CutoverHelp: $($problems.Count) problem(s); no help written.")
    exit 1
}

$helpDirectory = Join-Path $manifest.DirectoryName 'en-US'
$null = New-Item -ItemType Directory -Force -Path $helpDirectory
$helpPath = Join-Path $helpDirectory 'Cutover.Cmdlets.dll-Help.xml'
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create($helpPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $cmdlets) { Write-Command $writer $command $pages[$command.Name].Page $pages[$command.Name].Text }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally { $writer.Dispose() }
Write-Output "New-CutoverHelp: help for $($cmdlets.Count) cmdlet(s) in $helpPath"
