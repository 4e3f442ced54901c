#!/usr/bin/env bash
# Installs the Debian packages that tests use as real components, only those missing.
set -euo pipefail
declare -A needed=(
  [mosquitto]=mosquitto            # a real MQTT broker for system tests
  [mosquitto_sub]=mosquitto-clients
  [promtool]=prometheus            # lints /metrics
  [redfishtool]=redfishtool        # a standard Redfish client against /redfish/v1
  [chromium]=chromium              # renders the dashboard in a real browser
  [lintian]=lintian                # checks the .debs
  [systemd-analyze]=systemd        # verifies the packages' units
  [socat]=socat                    # receives sd_notify datagrams from a packaged agent
)
missing=()
for cmd in "${!needed[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("${needed[$cmd]}")
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# Debian's systemd package, unpacked into the Debian root the packaging test installs into
DEB_CACHE="${HOME}/.cache/racklet/debs"
need_systemd_deb=0
compgen -G "$DEB_CACHE/systemd_*.deb" >/dev/null || need_systemd_deb=1
[ ${#missing[@]} -eq 0 ] && [ $need_systemd_deb -eq 0 ] && exit 0
$SUDO apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${missing[*]}" >&2
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ $need_systemd_deb -eq 1 ]; then
  echo "Downloading Debian's systemd package into $DEB_CACHE" >&2
  mkdir -p "$DEB_CACHE"
  (cd "$DEB_CACHE" && apt-get download -q systemd 2>/dev/null >/dev/null)
fi
