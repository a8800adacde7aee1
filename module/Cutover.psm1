# Cutover script module: the runbook functions composed from the compiled cmdlets.
# The cmdlets come from the nested Cutover.Cmdlets.dll; the manifest's export lists are the single
# source of truth for what the module exports (private/ holds helpers that are never exported).
Set-StrictMode -Version Latest

foreach ($folder in 'private', 'functions') {
    foreach ($file in Get-ChildItem -Path (Join-Path $PSScriptRoot $folder) -Filter '*.ps1' -ErrorAction Ignore) {
        . $file.FullName
    }
}
