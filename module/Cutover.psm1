# Cutover script module: the runbook functions composed from the compiled cmdlets.
# The cmdlets come from the nested Cutover.Cmdlets.dll; functions are added to the manifest's
# FunctionsToExport, which is the single source of truth for what the module exports.
Set-StrictMode -Version Latest

foreach ($file in Get-ChildItem -Path (Join-Path $PSScriptRoot 'functions') -Filter '*.ps1' -ErrorAction Ignore) {
    . $file.FullName
}
