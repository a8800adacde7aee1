#!/usr/bin/env bash
# Runs every test on a fresh Debian machine with the .NET SDK: installs what the tests need (dotnet
# tools, Pester, chromium, the sandbox's Debian packages), builds, starts the sandbox, runs xunit and Pester,
# stops the sandbox, and ends with one line "N passed, N failed" summing both.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off NO_COLOR=1
# AWS SDKs and the CLI must never reach for instance metadata or a developer's real profiles.
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent AWS_PAGER=""
export CUTOVER_SANDBOX_DIR="${CUTOVER_SANDBOX_DIR:-/tmp/cutover-sandbox-test}"
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

step() { printf '\n== %s\n' "$*"; }
die() { echo "test: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

step "tools"
dotnet tool restore >/dev/null || die "dotnet tool restore failed"
dotnet restore build/Tools.csproj --nologo -v quiet || die "Pester download failed"
if ! command -v chromium >/dev/null; then   # the report test renders the HTML report in headless Chromium
    export DEBIAN_FRONTEND=noninteractive
    { apt-get -q -o DPkg::Lock::Timeout=600 update &&
      apt-get -q -y --no-install-recommends -o DPkg::Lock::Timeout=600 install chromium; } >"$results/apt-chromium.log" 2>&1 ||
        die "installing chromium failed (see $results/apt-chromium.log)"
fi
pester="${NUGET_PACKAGES:-$HOME/.nuget/packages}/pester/5.7.1/tools/Pester.psd1"

step "build"
scripts/build.sh || die "the module did not build"
dotnet build Cutover.sln -c Release --nologo -v quiet || die "the solution did not build"

if [ "${CUTOVER_SKIP_SANDBOX:-}" != 1 ] && [ -x scripts/sandbox ]; then
    step "sandbox"
    scripts/sandbox start || die "the sandbox did not start"
    trap 'step "sandbox stop"; scripts/sandbox stop' EXIT
fi

step "xunit"
for project in tests/unit/*/*.csproj; do
    name="$(basename "$project" .csproj)"
    dotnet test "$project" -c Release --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" || true
done

step "pester"
dotnet pwsh -NoProfile -NonInteractive -File tests/pester/Invoke-CutoverTests.ps1 \
    -PesterManifest "$pester" -ModulePath "$root/out/Cutover/Cutover.psd1" -ResultPath "$results/pester.xml" || true

step "summary"
dotnet pwsh -NoProfile -NonInteractive -File scripts/Measure-TestResult.ps1 -Path "$results"
