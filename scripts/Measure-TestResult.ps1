<#
.SYNOPSIS
    Sums xunit (TRX) and Pester (JUnit XML) results into one closing line: "N passed, N failed".
.DESCRIPTION
    Reads every *.trx and pester.xml under -Path, prints each failed test's name, then the total.
    Exits 1 when anything failed or when no test ran at all.
#>
[CmdletBinding()]
param([Parameter(Mandatory)][string] $Path)

$passed = 0; $failed = 0; $skipped = 0
foreach ($trx in Get-ChildItem -Path $Path -Filter '*.trx' -Recurse) {
    [xml] $doc = Get-Content -LiteralPath $trx.FullName -Raw
    foreach ($result in $doc.TestRun.Results.UnitTestResult) {
        switch ($result.outcome) {
            'Passed' { $passed++ }
            'NotExecuted' { $skipped++ }
            default { $failed++; Write-Output "FAILED (xunit) $($result.testName)" }
        }
    }
}
foreach ($junit in Get-ChildItem -Path $Path -Filter 'pester*.xml' -Recurse) {
    [xml] $doc = Get-Content -LiteralPath $junit.FullName -Raw
    foreach ($case in $doc.SelectNodes('//testcase')) {
        if ($case.SelectSingleNode('failure') -or $case.SelectSingleNode('error')) { $failed++; Write-Output "FAILED (pester) $($case.name)" }
        elseif ($case.SelectSingleNode('skipped')) { $skipped++ }
        else { $passed++ }
    }
}
$expectedProjects = @(Get-ChildItem -Path (Join-Path $PSScriptRoot '../tests/unit') -Filter '*.csproj' -Recurse).Count
$trxCount = @(Get-ChildItem -Path $Path -Filter '*.trx' -Recurse).Count
if ($trxCount -lt $expectedProjects) { $failed++; Write-Output "FAILED: only $trxCount of $expectedProjects xunit projects reported results" }
if (-not (Test-Path (Join-Path $Path 'pester.xml'))) { $failed++; Write-Output 'FAILED: Pester wrote no results' }
Write-Output ''
Write-Output "$passed passed, $failed failed, $skipped skipped"
if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
