# Traffic switching against the sandbox's real HAProxy and BIND9: verified by the providers, by dig and by
# the split of real requests measured with the load generator.
BeforeAll {
    Import-Module $env:CUTOVER_MODULE_PATH -Force
    . (Join-Path $PSScriptRoot 'Helpers/SandboxTraffic.ps1')
    $script:haproxyPlan = Import-CutoverPlan -Path $sbx.plans.haproxy

    # The sandbox's DNS plan has a 50% stage, which plan validation rightly rejects for DNS: drop it.
    $dnsText = Get-Content $sbx.plans.dns -Raw
    $script:dnsPlan = if ($dnsText -match '@\{ BluePercent = 50; BakeSec = \d+ \}, ') {
        New-PlanVariant $sbx.plans.dns $Matches[0] ''
    } else { Import-CutoverPlan -Path $sbx.plans.dns }
}

Describe 'Traffic through HAProxy' -Tag Integration {
    BeforeAll {
        Set-CutoverTrafficWeight -Plan $haproxyPlan -Blue 0 -Confirm:$false
        Initialize-Apps
    }
    AfterEach { Set-CutoverTrafficWeight -Plan $haproxyPlan -Blue 0 -Confirm:$false }

    It 'moves 0 → 50 → 100 → 0, verified by HAProxy and by the real split, with no failed request during any change' {
        foreach ($step in @(@{ Blue = 50 }, @{ Blue = 100 }, @{ Blue = 0 })) {
            $state = Invoke-UnderLoad $step.Blue { Set-CutoverTrafficWeight -Plan $haproxyPlan -Blue $step.Blue -Confirm:$false -PassThru }

            $state.Blue | Should -Be $step.Blue
            $state.Green | Should -Be (100 - $step.Blue)
            (Get-CutoverTrafficWeight -Plan $haproxyPlan).Blue | Should -Be $step.Blue

            Assert-Split $step.Blue
        }
    }

    It 'reports each server with its state and weight' {
        Set-CutoverTrafficWeight -Plan $haproxyPlan -Blue 50 -Confirm:$false
        $state = Get-CutoverTrafficWeight -Plan $haproxyPlan
        $state | Should -BeOfType ([Cutover.CutoverTrafficState])
        $state.Plan.Name | Should -Be $haproxyPlan.Name
        $state.Targets.Target | Should -Be @('be_app/blue', 'be_app/green')
        $state.Targets.State | Should -Be @('UP', 'UP')
        $state.Targets.Weight | Should -Be @(128, 128)
        $state.Raw | Should -Be 'blue=128 (UP) green=128 (UP)'
    }

    It 'treats the same split twice as a verified no-op' {
        Set-CutoverTrafficWeight -Plan $haproxyPlan -Blue 50 -Confirm:$false -InformationVariable first
        ($first | Where-Object { $_.Tags -contains 'Audit' }) | Should -Not -BeNullOrEmpty
        $verbose = Set-CutoverTrafficWeight -Plan $haproxyPlan -Blue 50 -Confirm:$false -PassThru -Verbose -InformationVariable second 4>&1
        ($second | Where-Object { $_.Tags -contains 'Audit' }) | Should -BeNullOrEmpty
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'nothing to change'
        ($verbose | Where-Object { $_ -is [Cutover.CutoverTrafficState] }).Blue | Should -Be 50
    }

    It 'changes nothing with -WhatIf' {
        Set-CutoverTrafficWeight -Plan $haproxyPlan -Blue 100 -WhatIf
        (Get-CutoverTrafficWeight -Plan $haproxyPlan).Blue | Should -Be 0
    }

    It 'takes the plan by property name from Get-CutoverTrafficWeight, also through the alias' {
        Get-CutoverTrafficWeight -Plan $haproxyPlan | Set-CutoverTrafficWeight -Blue 100 -Confirm:$false
        (Get-CutoverTrafficWeight -Plan $haproxyPlan).Blue | Should -Be 100
        Get-CutoverTrafficWeight -Plan $haproxyPlan | Set-TrafficWeight -Blue 0 -Confirm:$false
        (Get-CutoverTrafficWeight -Plan $haproxyPlan).Blue | Should -Be 0
    }

    It 'drains the side going to 0 and readies it before it receives traffic again with DrainOnZero' {
        $drainPlan = New-PlanVariant $sbx.plans.haproxy 'DrainOnZero = $false' 'DrainOnZero = $true'
        try {
            $state = Set-CutoverTrafficWeight -Plan $drainPlan -Blue 100 -Confirm:$false -PassThru
            $state.Targets.State | Should -Be @('UP', 'UP, DRAIN')
            $state = Set-CutoverTrafficWeight -Plan $drainPlan -Blue 0 -Confirm:$false -PassThru
            $state.Targets.State | Should -Be @('UP, DRAIN', 'UP')
            $state.Green | Should -Be 100
        }
        finally {
            Set-CutoverTrafficWeight -Plan $drainPlan -Blue 50 -Confirm:$false
        }
        (Get-CutoverTrafficWeight -Plan $haproxyPlan).Targets.State | Should -Be @('UP', 'UP')
    }

    It 'stops with TrafficProviderError quoting HAProxy for a server that does not exist' {
        $bad = New-PlanVariant $sbx.plans.haproxy "BlueServer = 'blue'" "BlueServer = 'nosuch'"
        { Set-CutoverTrafficWeight -Plan $bad -Blue 50 -Confirm:$false } | Should -Throw -ErrorId 'TrafficProviderError,Cutover.Commands.SetCutoverTrafficWeightCommand'
    }

    It 'writes a non-terminating TrafficProviderUnreachable when the runtime API does not answer' {
        $bad = New-PlanVariant $sbx.plans.haproxy "$($sbx.ports.haproxyRuntimeApi)" '1'
        Get-CutoverTrafficWeight -Plan $bad -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be 'TrafficProviderUnreachable,Cutover.Commands.GetCutoverTrafficWeightCommand'
    }

    It 'refuses -ProfileName and -Region for a plan that does not go through an ALB, before any change' {
        $err = $null
        try { Set-CutoverTrafficWeight -Plan $haproxyPlan -Blue 100 -ProfileName 'prod' -Confirm:$false } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'TrafficProviderError,Cutover.Commands.SetCutoverTrafficWeightCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match '-ProfileName and -Region apply to plans whose traffic goes through an AWS ALB'
        { Invoke-CutoverRollback -Plan $haproxyPlan -Reason 'test' -Region 'eu-west-1' -Confirm:$false } |
            Should -Throw -ErrorId 'TrafficProviderError,Cutover.Commands.InvokeCutoverRollbackCommand'
        (Get-CutoverTrafficWeight -Plan $haproxyPlan).Blue | Should -Be 0
    }

    It 'refuses a blue percentage outside 0..100 at binding' {
        { Set-CutoverTrafficWeight -Plan $haproxyPlan -Blue 101 -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Cutover.Commands.SetCutoverTrafficWeightCommand'
    }
}

Describe 'Traffic through DNS' -Tag Integration {
    BeforeAll {
        $script:tsigSecret = $env:CUTOVER_SANDBOX_TSIG_SECRET
        Set-CutoverTrafficWeight -Plan $dnsPlan -Blue 0 -Confirm:$false
    }
    AfterEach {
        $env:CUTOVER_SANDBOX_TSIG_SECRET = $tsigSecret
        Set-CutoverTrafficWeight -Plan $dnsPlan -Blue 0 -Confirm:$false
    }

    It 'moves 0 → 100 → 0, verified on the nameserver and by dig, with the cutover TTL' {
        foreach ($blue in 100, 0) {
            $state = Set-CutoverTrafficWeight -Plan $dnsPlan -Blue $blue -Confirm:$false -PassThru
            $state.Blue | Should -Be $blue
            $state.Green | Should -Be (100 - $blue)
            $state.Targets.Count | Should -Be $dnsPlan.Traffic.Dns.Nameservers.Count
            $expected = if ($blue -eq 100) { $sbx.dns.blueAddress } else { $sbx.dns.greenAddress }
            $dig = Resolve-Record
            $dig.Address | Should -Be $expected
            $dig.Ttl | Should -Be $dnsPlan.Traffic.Dns.CutoverTtlSec
        }
    }

    It 'refuses 50% with TrafficWeightUnsupported and changes nothing' {
        { Set-CutoverTrafficWeight -Plan $dnsPlan -Blue 50 -Confirm:$false } | Should -Throw -ErrorId 'TrafficWeightUnsupported,Cutover.Commands.SetCutoverTrafficWeightCommand'
        (Resolve-Record).Address | Should -Be $sbx.dns.greenAddress
    }

    It 'stops with DnsBadSignature for a wrong TSIG secret, and shows the secret nowhere' {
        $bytes = [Convert]::FromBase64String($env:CUTOVER_SANDBOX_TSIG_SECRET)
        $bytes[0] = $bytes[0] -bxor 0xff
        $wrong = [Convert]::ToBase64String($bytes)
        $env:CUTOVER_SANDBOX_TSIG_SECRET = $wrong
        $script:secrets += $wrong
        $DebugPreference = 'Continue'   # -Debug on a compiled cmdlet prompts (Inquire) in a non-interactive host
        $streams = [System.Collections.Generic.List[object]]::new()
        $err = $null
        try { Set-CutoverTrafficWeight -Plan $dnsPlan -Blue 100 -Confirm:$false -Verbose *>&1 | ForEach-Object { $streams.Add($_) } }
        catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'DnsBadSignature,Cutover.Commands.SetCutoverTrafficWeightCommand'
        Assert-NoSecret (@($streams) + $err + $err.Exception.Message)
        (Resolve-Record).Address | Should -Be $sbx.dns.greenAddress
    }

    It 'stops with DnsUpdateRefused for a valid key the zone does not allow to update, and changes nothing' {
        # rndc-key is known to named (so the answer is signed and verified) but absent from the zone's allow-update.
        (Get-Content $sbx.dns.rndcKeyFile -Raw) -match 'secret "([^"]+)"' | Should -BeTrue
        $env:CUTOVER_TEST_RNDC_SECRET = $Matches[1]
        $script:secrets += $Matches[1]
        try {
            $plan = New-PlanVariant $sbx.plans.dns "TsigKeyName = 'ddns-key'; TsigAlgorithm = 'hmac-sha256'; TsigSecret = 'env:CUTOVER_SANDBOX_TSIG_SECRET'" `
                "TsigKeyName = 'rndc-key'; TsigAlgorithm = 'hmac-sha256'; TsigSecret = 'env:CUTOVER_TEST_RNDC_SECRET'"
            $err = $null
            $streams = try { Set-CutoverTrafficWeight -Plan $plan -Blue 100 -Confirm:$false -Verbose *>&1 } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'DnsUpdateRefused,Cutover.Commands.SetCutoverTrafficWeightCommand'
            $err.Exception.Message | Should -Match 'refused the update of'
            $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
            Assert-NoSecret (@($streams) + $err + $err.Exception.Message)
            (Resolve-Record).Address | Should -Be $sbx.dns.greenAddress
        }
        finally { Remove-Item Env:CUTOVER_TEST_RNDC_SECRET }
    }

    It 'keeps every secret out of every stream during a signed change' {
        $DebugPreference = 'Continue'
        $streams = Set-CutoverTrafficWeight -Plan $dnsPlan -Blue 100 -Confirm:$false -PassThru -Verbose *>&1
        $streams | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | Should -Not -BeNullOrEmpty
        Assert-NoSecret $streams
    }

    It 'treats the same split twice as a verified no-op, and -WhatIf changes nothing' {
        Set-CutoverTrafficWeight -Plan $dnsPlan -Blue 0 -Confirm:$false -InformationVariable info
        ($info | Where-Object { $_.Tags -contains 'Audit' }) | Should -BeNullOrEmpty
        Set-CutoverTrafficWeight -Plan $dnsPlan -Blue 100 -WhatIf
        (Resolve-Record).Address | Should -Be $sbx.dns.greenAddress
    }

    It 'changes the TTL dig sees with Set-CutoverDnsTtl, keeping the address, and restores it' {
        $state = Set-CutoverDnsTtl -Plan $dnsPlan -TtlSec 120 -Confirm:$false -PassThru
        $state.Green | Should -Be 100
        $state.Targets[0].Detail | Should -Match 'ttl 120$'
        (Resolve-Record).Ttl | Should -Be 120
        (Resolve-Record).Address | Should -Be $sbx.dns.greenAddress

        Set-CutoverDnsTtl -Plan $dnsPlan -Normal -Confirm:$false
        (Resolve-Record).Ttl | Should -Be $dnsPlan.Traffic.Dns.NormalTtlSec
        Set-CutoverDnsTtl -Plan $dnsPlan -Cutover -WhatIf
        (Resolve-Record).Ttl | Should -Be $dnsPlan.Traffic.Dns.NormalTtlSec
    }

    It 'refuses Set-CutoverDnsTtl for a plan without DNS' {
        { Set-CutoverDnsTtl -Plan $haproxyPlan -TtlSec 60 -Confirm:$false } | Should -Throw -ErrorId 'PlanInvalid,Cutover.Commands.SetCutoverDnsTtlCommand'
    }
}
