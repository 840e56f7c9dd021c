#!/usr/bin/env bash
# Run a command inside the Debian trixie root that holds the Swift toolchain
# (built by scripts/setup-toolchains.sh), with /proc mounted and a host
# directory bind-mounted read-write at /mnt/work.
#
# Usage:
#   scripts/swift-run.sh [-b HOST_DIR] [-C DIR] [--] CMD [ARGS...]
#
#   -b HOST_DIR  host directory to bind at /mnt/work inside the root
#                (default: $SWIFT_BIND, else the repository root).
#   -C DIR       working directory inside the root. Default: if the current
#                host directory lies under HOST_DIR, the matching path under
#                /mnt/work; otherwise /mnt/work.
#   CMD ARGS     run as an argv (no shell re-parsing); for shell syntax use
#                e.g.  scripts/swift-run.sh sh -c 'swift build && swift test'
#
# Environment: SWIFT_ROOT (default ${AVALO_TOOLS:-$HOME/.cache/avalo-core}/swiftroot).
# Inside the root: PATH=/usr/libexec/swift/bin:/usr/local/bin:/usr/bin:/bin,
# HOME=/root, LANG=C.UTF-8; the host environment is NOT passed through (use
# `env VAR=value CMD ...` as the command). Needs root (mount namespace + chroot).
set -euo pipefail

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=${SWIFT_ROOT:-${AVALO_TOOLS:-$HOME/.cache/avalo-core}/swiftroot}
BIND=${SWIFT_BIND:-$(cd "$script_dir/.." && pwd)}
WORKDIR=

while [ $# -gt 0 ]; do
  case $1 in
    -b) [ $# -ge 2 ] || usage; BIND=$2; shift 2 ;;
    -C) [ $# -ge 2 ] || usage; WORKDIR=$2; shift 2 ;;
    -h|--help) usage ;;
    --) shift; break ;;
    -*) echo "swift-run.sh: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || usage

if [ ! -f "$ROOT/.avalo-ok" ]; then
  echo "swift-run.sh: no complete Swift root at $ROOT (run scripts/setup-toolchains.sh)" >&2
  exit 1
fi
[ -d "$BIND" ] || { echo "swift-run.sh: bind dir $BIND does not exist" >&2; exit 1; }
BIND=$(cd "$BIND" && pwd -P)

if [ -z "$WORKDIR" ]; then
  here=$(pwd -P)
  case $here/ in
    "$BIND"/*) WORKDIR=/mnt/work${here#"$BIND"} ;;
    *) WORKDIR=/mnt/work ;;
  esac
fi

# Everything is passed as argv to the inner shells: no quoting is re-parsed.
# unshare -m gives a private mount namespace, so the mounts vanish on exit.
exec unshare --mount --propagation private -- /bin/sh -eu -c '
  root=$1 bind=$2 wd=$3; shift 3
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mkdir -p "$root/mnt/work"
  mount --bind "$bind" "$root/mnt/work"
  exec chroot "$root" /usr/bin/env -i \
    PATH=/usr/libexec/swift/bin:/usr/local/bin:/usr/bin:/bin \
    HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" \
    /bin/sh -c '\''cd "$1" && shift && exec "$@"'\'' swift-run "$wd" "$@"
' swift-run "$ROOT" "$BIND" "$WORKDIR" "$@"
