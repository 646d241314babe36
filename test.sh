#!/usr/bin/env bash
# The whole test suite in one command on a machine with the .NET SDK: installs what the browser tests need when it
# is missing (Debian's chromium and the Korean fonts; no browser is downloaded), then runs every test project.
#   ./test.sh                      # everything
#   ./test.sh --filter Open311     # arguments go to dotnet test
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "test.sh: needs ${need[*]}; run as root or install them: apt-get install -y ${need[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "test.sh: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

exec dotnet test AriSuTotalService.sln "$@"
