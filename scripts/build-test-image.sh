#!/usr/bin/env bash
# Builds the QEMU compute node's test image from Debian's packages and caches it:
#   vmlinuz            Debian's cloud kernel (linux-image-*-cloud-amd64, apt-get download + dpkg -x)
#   initramfs.cpio.gz  busybox-static and an init that prints the BMC's ready marker
# Prints the image folder. Rebuilds only what is missing. Installs qemu-system-x86, ipxe,
# busybox-static and cpio when missing (the same packages scripts/install-test-deps.sh installs for ./racklet test).
#   RACKLET_IMAGE_DIR  where the image is cached (default ~/.cache/racklet/test-image)
set -euo pipefail
OUT="${RACKLET_IMAGE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/racklet/test-image}"
MARKER="racklet-node ready"

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
command -v qemu-system-x86_64 >/dev/null || missing+=(qemu-system-x86)
command -v cpio >/dev/null || missing+=(cpio)
[ -f /usr/lib/ipxe/ipxe.lkrn ] || missing+=(ipxe)   # iPXE as the QEMU nodes' firmware
[[ "$(ldd /bin/busybox 2>&1 || true)" == *'not a dynamic executable'* ]] || missing+=(busybox-static)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
mkdir -p "$OUT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [ ! -s "$OUT/vmlinuz" ]; then
  # the versioned package the cloud meta-package depends on, e.g. linux-image-6.1.0-40-cloud-amd64
  pkg="$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-cloud-amd64\)$/\1/p' | head -n1)"
  if [ -z "$pkg" ]; then
    $SUDO apt-get update -qq >&2
    pkg="$(apt-cache depends linux-image-cloud-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*-cloud-amd64\)$/\1/p' | head -n1)"
  fi
  [ -n "$pkg" ] || { echo "error: cannot find the package of Debian's cloud kernel (linux-image-cloud-amd64)" >&2; exit 1; }
  echo "Downloading $pkg ..." >&2
  # apt's sandbox user cannot write into a private temp folder: download as the caller
  (cd "$WORK" && apt-get download -q -o APT::Sandbox::User=root "$pkg" >&2)
  dpkg -x "$WORK"/"$pkg"_*.deb "$WORK/kernel"
  cp "$WORK"/kernel/boot/vmlinuz-* "$OUT/vmlinuz.tmp"
  echo "$pkg" > "$OUT/kernel-package"
  mv "$OUT/vmlinuz.tmp" "$OUT/vmlinuz"
fi

if [ ! -s "$OUT/initramfs.cpio.gz" ]; then
  BB=/bin/busybox
  # the initramfs has no libraries: only a static busybox runs there
  [[ "$(ldd "$BB" 2>&1 || true)" == *'not a dynamic executable'* ]] || { echo "error: $BB is not busybox-static's" >&2; exit 1; }
  R="$WORK/root"
  mkdir -p "$R"/{bin,sbin,etc,proc,sys,dev,tmp,root}
  cp "$BB" "$R/bin/busybox"
  cat > "$R/init" <<EOF
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
hostname racklet-node
echo "Linux \$(uname -r) booted on \$(cat /proc/cpuinfo | sed -n 's/^model name[^:]*: //p' | head -n1)"
echo "$MARKER"
# a small shell on the console: 'stress' loads the CPU (the node's modelled power follows), 'idle' stops
cat > /etc/profile <<'PROFILE'
stress() { (while :; do :; done) & echo \$! > /tmp/stress.pid; echo "stress: loading the CPU until 'idle'"; }
idle() { [ -f /tmp/stress.pid ] && kill \$(cat /tmp/stress.pid) && rm /tmp/stress.pid; echo "stress: stopped"; }
PROFILE
while true; do setsid cttyhack sh -l; done
EOF
  chmod 755 "$R/init"
  (cd "$R" && find . | cpio -o -H newc --quiet | gzip -9) > "$OUT/initramfs.cpio.gz.tmp"
  mv "$OUT/initramfs.cpio.gz.tmp" "$OUT/initramfs.cpio.gz"
fi

echo "$OUT"
