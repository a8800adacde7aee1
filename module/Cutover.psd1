@{
    RootModule           = 'Cutover.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '4f8f6a52-2a55-4c1e-9d7b-3c1b8f0e6a11'
    Author               = 'Cutover maintainers'
    CompanyName          = 'Cutover'
    Copyright            = '(c) Cutover maintainers. All rights reserved.'
    Description          = 'Runs a production blue/green cutover end to end: pre-flight health checks, baseline, staged traffic shifts (HAProxy, AWS ALB, DNS), live metric watching with automatic rollback, notifications, journal and report.'
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    RequiredAssemblies   = @('Cutover.Abstractions.dll')
    NestedModules        = @('Cutover.Cmdlets.dll')
    FormatsToProcess     = @(
        'formats/Plan.Format.ps1xml'
        'formats/Health.Format.ps1xml'
        'formats/Journal.Format.ps1xml'
        'formats/Runbook.Format.ps1xml'
        'formats/Notifications.Format.ps1xml'
        'formats/Traffic.Format.ps1xml'
        'formats/AwsAlb.Format.ps1xml'
        'formats/Watch.Format.ps1xml'
        'formats/Baseline.Format.ps1xml'
        'formats/Diagnostics.Format.ps1xml'
    )
    TypesToProcess       = @('Cutover.Types.ps1xml')
    CmdletsToExport      = @(
        'Import-CutoverPlan'
        'Test-CutoverPlan'
        'Test-CutoverHealth'
        'Get-CutoverBaseline'
        'Export-CutoverBaseline'
        'Import-CutoverBaseline'
        'Get-CutoverDiagnostic'
        'Get-CutoverJournal'
        'Write-CutoverJournal'
        'Export-CutoverReport'
        'Send-CutoverNotification'
        'Test-CutoverNotification'
        'Get-CutoverLock'
        'Get-CutoverTrafficWeight'
        'Set-CutoverTrafficWeight'
        'Set-CutoverDnsTtl'
        'Get-CutoverConnectionDraining'
        'Set-CutoverConnectionDraining'
        'Watch-CutoverMetric'
        'Invoke-CutoverRollback'
    )
    FunctionsToExport    = @(
        'Invoke-CutoverRunbook'
    )
    AliasesToExport      = @(
        'Set-TrafficWeight'
        'Watch-CutoverMetrics'
    )
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('BlueGreen', 'Cutover', 'Deployment', 'SRE', 'HAProxy', 'ALB', 'DNS', 'Rollback')
            ProjectUri = ''
        }
    }
}
