#!/usr/bin/env bash
# One entry point for developers and CI, on a fresh Debian 12 machine or an
# already set-up one:
#
#   ./dev.sh test             install what is missing, build, run every test
#   ./dev.sh build            install what is missing and build
#   ./dev.sh setup            only install the Debian packages
#   ./dev.sh ARGS...          build, then run `knotrelief ARGS...`
#                             (e.g. ./dev.sh run neck)
#
# Environment: BUILD_DIR (default build), CMAKE_ARGS (extra configure flags).
# With CI set, warnings are errors.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=${BUILD_DIR:-$here/build}

# Debian 12 packages the build and the tests need.
packages=(
  g++ cmake ninja-build pkg-config git
  libcli11-dev libfmt-dev libyaml-cpp-dev nlohmann-json3-dev doctest-dev
  tmux mandoc bash-completion zsh fish dpkg-dev file python3 python3-jsonschema
  chromium poppler-utils tidy
  systemd dbus
)

log() { printf 'dev.sh: %s\n' "$*" >&2; }

setup() {
  log "checking the Debian packages the build needs"
  local missing=()
  for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      log "please install as root: apt-get install ${missing[*]}"
      exit 1
    fi
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  setup
  local werror=OFF
  if [ -n "${CI:-}" ]; then werror=ON; fi
  if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    log "configuring in $build_dir"
    # shellcheck disable=SC2086 # CMAKE_ARGS is a list of words on purpose
    cmake -S "$here" -B "$build_dir" -G Ninja -DKNOTRELIEF_WERROR=$werror ${CMAKE_ARGS:-} >/dev/null
  fi
  local build_log="$build_dir/build.log" what=${1:-everything} started=$SECONDS
  local targets=()
  if [ -n "${1:-}" ]; then targets=(--target "$1"); fi
  log "building $what in $build_dir (a first build takes a few minutes)"
  # Ninja's "[done/total]" lines become a progress line at each quarter.
  if ! cmake --build "$build_dir" -j"$(nproc)" "${targets[@]}" 2>&1 |
    tee "$build_log" | awk '
      match($0, /^\[[0-9]+\/[0-9]+\]/) {
        split(substr($0, 2, RLENGTH - 2), n, "/")
        quarter = int(4 * n[1] / n[2])
        if (n[2] >= 8 && quarter > shown && quarter < 4) {
          shown = quarter
          printf "dev.sh: building: %d of %d steps done\n", n[1], n[2] > "/dev/stderr"
        }
      }'
  then
    cat "$build_log" >&2
    log "build failed (log: $build_log)"
    exit 1
  fi
  log "built $what in $((SECONDS - started)) s"
}

case "${1:-}" in
  setup) setup ;;
  build) build ;;
  test)
    build
    ctest --test-dir "$build_dir" --output-on-failure --timeout 300 -j"$(nproc)"
    ;;
  "")
    sed -n '2,14p' "$0"
    exit 2
    ;;
  *)
    # Only the program: the tests' build is for ./dev.sh test.
    build knotrelief
    log "running knotrelief $*"
    exec "$build_dir/knotrelief" "$@"
    ;;
esac
