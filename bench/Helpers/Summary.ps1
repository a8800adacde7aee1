# Median and spread of a set of timings, for the benchmarks. Dot-source it: . (Join-Path $PSScriptRoot 'Helpers/Summary.ps1')

function Get-Summary([string] $What, [double[]] $Milliseconds) {
    $sorted = @($Milliseconds | Sort-Object)
    $middle = [int][math]::Floor($sorted.Count / 2)
    $median = if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
    [pscustomobject]@{
        Measurement = $What
        MedianMs    = [math]::Round($median, 1)
        MinMs       = [math]::Round($sorted[0], 1)
        MaxMs       = [math]::Round($sorted[-1], 1)
        Runs        = $sorted.Count
    }
}
