#!/usr/bin/env bash
# Installs the Debian packages that tests use as real components, only those missing.
set -euo pipefail
declare -A needed=(
  [mosquitto]=mosquitto            # a real MQTT broker for system tests
  [mosquitto_sub]=mosquitto-clients
  [promtool]=prometheus            # lints /metrics
  [redfishtool]=redfishtool        # a standard Redfish client against /redfish/v1
  [chromium]=chromium              # renders the dashboard in a real browser
  [qemu-system-x86_64]=qemu-system-x86  # QEMU compute nodes network-booting verified images
  [cpio]=cpio                      # packs the QEMU nodes' test initramfs
)
missing=()
for cmd in "${!needed[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("${needed[$cmd]}")
done
[ -f /usr/lib/ipxe/ipxe.lkrn ] || missing+=(ipxe)   # iPXE as the QEMU nodes' firmware
# the test initramfs needs a static busybox (busybox-static replaces the dynamic one)
[[ "$(ldd /bin/busybox 2>&1 || true)" == *'not a dynamic executable'* ]] || missing+=(busybox-static)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing test dependencies: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
