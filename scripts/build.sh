#!/usr/bin/env bash
# Builds the importable module into out/Cutover: manifest, script module, format/types/help files,
# the cmdlet and abstractions assemblies in the root, the engine and every package in Dependencies/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/out/Cutover"
configuration="${CUTOVER_CONFIGURATION:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off NO_COLOR=1

cd "$root"
dotnet tool restore >/dev/null
rm -rf "$out"
dotnet publish src/Cutover.Cmdlets -c "$configuration" -o "$out" --nologo -v quiet
cp -r module/. "$out/"

# The shared abstractions must exist once, in the root; nothing third-party may sit beside the cmdlets.
if [ -e "$out/Dependencies/Cutover.Abstractions.dll" ]; then
    echo "build: Cutover.Abstractions.dll was published into Dependencies/" >&2; exit 1
fi
stray=$(find "$out" -maxdepth 1 -name '*.dll' ! -name 'Cutover.Cmdlets.dll' ! -name 'Cutover.Abstractions.dll')
if [ -n "$stray" ]; then
    echo "build: unexpected assemblies in the module root: $stray" >&2; exit 1
fi

# MAML help from docs/commands/*.md; fails the build when a cmdlet, parameter or example is undocumented.
dotnet pwsh -NoProfile -NonInteractive -File scripts/New-CutoverHelp.ps1 -ModulePath "$out" -DocsPath "$root/docs/commands"
echo "build: module ready in $out"
