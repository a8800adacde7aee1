BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    $examples = Join-Path $PSScriptRoot '../../examples'
}

Describe 'Import-CutoverPlan' -Tag Unit {
    It 'reads examples/<File> into a typed <Provider> plan, without warnings' -ForEach @(
        @{ File = 'haproxy.psd1'; Provider = 'HAProxy' }
        @{ File = 'haproxy.json'; Provider = 'HAProxy' }
        @{ File = 'alb.psd1'; Provider = 'AwsAlb' }
        @{ File = 'dns.psd1'; Provider = 'Dns' }
    ) {
        $plan = Import-CutoverPlan -Path (Join-Path $examples $File) -WarningVariable warnings
        $plan | Should -BeOfType ([Cutover.CutoverPlan])
        $plan.Name | Should -Not -BeNullOrEmpty
        $plan.Traffic.Provider | Should -Be $Provider
        $plan.Stages[-1].BluePercent | Should -Be 100
        @($warnings) | Should -BeNullOrEmpty
        Test-CutoverPlan -Path (Join-Path $examples $File) | Should -BeNullOrEmpty
    }

    It 'covers every example file' {
        $tested = 'haproxy.psd1', 'haproxy.json', 'alb.psd1', 'dns.psd1'
        Get-ChildItem $examples -File | ForEach-Object Name | Should -BeIn $tested
    }

    It 'reads the JSON example into the same plan as the .psd1 one' {
        $fromPsd1 = Import-CutoverPlan -Path (Join-Path $examples 'haproxy.psd1')
        $fromJson = Import-CutoverPlan -Path (Join-Path $examples 'haproxy.json')
        $fromJson | Select-Object -ExcludeProperty SourcePath | ConvertTo-Json -Depth 8 |
            Should -Be ($fromPsd1 | Select-Object -ExcludeProperty SourcePath | ConvertTo-Json -Depth 8)
    }

    It 'stops with one error naming every bad field' {
        $bad = Join-Path $TestDrive 'bad.psd1'
        Set-Content -Path $bad -Value (Get-Content (Join-Path $examples 'haproxy.psd1') -Raw).Replace("BakeSec = 60", "BakeSec = -5").Replace("MinRuleGroups", "MinRuleGroup")
        { Import-CutoverPlan -Path $bad } | Should -Throw -ErrorId 'PlanInvalid,Cutover.Commands.ImportCutoverPlanCommand'
        $err = { Import-CutoverPlan -Path $bad } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'Stages\[0\]\.BakeSec'
        $err.Exception.Message | Should -Match 'Monitoring\.MinRuleGroup'
    }
}

Describe 'Test-CutoverPlan' -Tag Unit {
    It 'names a misspelled key and an out-of-range value' {
        $bad = Join-Path $TestDrive 'bad.psd1'
        Set-Content -Path $bad -Value (Get-Content (Join-Path $examples 'haproxy.psd1') -Raw).Replace("GreenServer", "GrenServer").Replace("MaxErrorRatio = 0.01", "MaxErrorRatio = 5")
        $problems = Test-CutoverPlan -Path $bad
        $problems.Field | Should -Contain 'Traffic.HAProxy.GrenServer'
        $problems.Field | Should -Contain 'Thresholds.MaxErrorRatio'
        ($problems | Where-Object Field -EQ 'Traffic.HAProxy.GrenServer').Fix | Should -Match "did you mean 'GreenServer'"
        Test-CutoverPlan -Path $bad -Quiet | Should -BeFalse
    }

    It 'is quiet about a good plan' {
        Test-CutoverPlan -Path (Join-Path $examples 'haproxy.psd1') -Quiet | Should -BeTrue
    }
}
