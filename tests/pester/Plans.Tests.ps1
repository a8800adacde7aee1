BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    $examples = Join-Path $PSScriptRoot '../../examples'
}

Describe 'Import-CutoverPlan' -Tag Unit {
    It 'reads <_> into a typed plan' -ForEach @('haproxy.psd1') {
        $plan = Import-CutoverPlan -Path (Join-Path $examples $_)
        $plan | Should -BeOfType ([Cutover.CutoverPlan])
        $plan.Name | Should -Not -BeNullOrEmpty
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
