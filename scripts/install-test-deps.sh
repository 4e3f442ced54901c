#!/usr/bin/env bash
# Installs the Debian packages that tests use as real components, only those missing.
# (kicad brings python3-pcbnew; kicad-libraries and kicad-packages3d are not needed: the project's
# symbols and footprints live in pcb/lib.)
set -euo pipefail
declare -A needed=(
  [mosquitto]=mosquitto            # a real MQTT broker for system tests
  [mosquitto_sub]=mosquitto-clients
  [promtool]=prometheus            # lints /metrics
  [redfishtool]=redfishtool        # a standard Redfish client against /redfish/v1
  [chromium]=chromium              # renders the dashboard in a real browser
  [git]=git                        # signs and pushes rack repository commits
  [gpg]=gpg                        # OpenPGP admin keys and signatures
  [gpg-agent]=gpg-agent
  [ssh-keygen]=openssh-client      # SSH admin keys and signatures
  [sshd]=openssh-server            # an SSH Git server on loopback
  [openscad]=openscad              # renders the enclosure parts (enclosure-cad/render.py)
  [admesh]=admesh                  # checks that each STL is manifold
  [lintian]=lintian                # checks the .debs
  [systemd-analyze]=systemd        # verifies the packages' units
  [socat]=socat                    # receives sd_notify datagrams from a packaged agent
  [qemu-system-x86_64]=qemu-system-x86  # QEMU compute nodes network-booting verified images
  [cpio]=cpio                      # packs the QEMU nodes' test initramfs
)
missing=()
for cmd in "${!needed[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("${needed[$cmd]}")
done
# KiCad 6: the pcb checks drive its pcbnew Python module with Debian's python3 (no kicad-cli)
/usr/bin/python3 -c 'import pcbnew' >/dev/null 2>&1 || missing+=(kicad)
/usr/bin/python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
[ -f /usr/lib/ipxe/ipxe.lkrn ] || missing+=(ipxe)   # iPXE as the QEMU nodes' firmware
# the test initramfs needs a static busybox (busybox-static replaces the dynamic one)
[[ "$(ldd /bin/busybox 2>&1 || true)" == *'not a dynamic executable'* ]] || missing+=(busybox-static)
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
