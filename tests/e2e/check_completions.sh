#!/usr/bin/env bash
# Drives the bash completion function as bash would, and checks what it
# offers; checks the zsh and fish files parse.
#   check_completions.sh BINARY_DIR COMPLETIONS_DIR FIXTURE_DIR
set -euo pipefail
bin_dir=$1
completions=$2
fixtures=$3
export PATH="$bin_dir:$PATH" HOME=$(mktemp -d) XDG_CONFIG_HOME=/nonexistent
trap 'rm -rf "$HOME"' EXIT

# shellcheck disable=SC1091
source /usr/share/bash-completion/bash_completion
# shellcheck disable=SC1091
source "$completions/knotrelief.bash"

status=0
# complete LINE: what bash offers for the last word of LINE.
offers() {
  local line=$1
  read -r -a COMP_WORDS <<< "$line"
  if [[ $line == *" " ]]; then COMP_WORDS+=(""); fi
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE=$line
  COMP_POINT=${#line}
  COMPREPLY=()
  _knotrelief knotrelief "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}

expect() { # LINE EXPECTED...: every expected word is offered
  local line=$1 got
  shift
  got=$(offers "$line")
  for word in "$@"; do
    if [[ " $got " != *" $word "* ]]; then
      echo "FAIL: '$line' does not offer '$word' (offers: $got)" >&2
      status=1
    fi
  done
}

refuse() { # LINE WORD: WORD is not offered
  local got
  got=$(offers "$1")
  if [[ " $got " == *" $2 "* ]]; then
    echo "FAIL: '$1' offers '$2' (offers: $got)" >&2
    status=1
  fi
}

expect "knotrelief " today list show run log check remind
expect "knotrelief remind " enable disable status next check
expect "knotrelief remind enable --" --at --days --breaks --between --journal
expect "knotrelief remind next --" --count --from --at
expect "knotrelief remind check --" --break
expect "knotrelief remind enable --days " weekdays daily
expect "knotrelief remind enable --at 07:30 --days weekdays --" --breaks
expect "knotrelief t" today
expect "knotrelief today --" --minutes --area --json --run --no-run --journal
expect "knotrelief r" run
refuse "knotrelief r" list
expect "knotrelief --" --journal --no-color --routines --version
expect "knotrelief run " neck shoulders back glutes calves tennis-ball tennis-ball-wall thighs travel
expect "knotrelief run ten" tennis-ball tennis-ball-wall
refuse "knotrelief run ten" neck
expect "knotrelief run neck --" --prep --hold --scale --no-bell --voice --title --pain-before --pain-after --tighter --note --no-log --no-intro
expect "knotrelief run neck --hold " low mid high
expect "knotrelief run neck --tighter " left right same
expect "knotrelief show " guide neck trigger-point-compression ball-release upper-trapezius calf
expect "knotrelief show upper-t" upper-trapezius
refuse "knotrelief show upper-t" neck
expect "knotrelief log " add stats export report path
expect "knotrelief log export --" --format --since --output
expect "knotrelief log export --format " csv json
expect "knotrelief log report --" --format --since --output
expect "knotrelief log report --format " html md text
expect "knotrelief log add " neck travel
expect "knotrelief log --routine " neck
expect "knotrelief log stats --" --since --json
expect "knotrelief list --" --techniques --spots --area --tool --json
expect "knotrelief list --area " neck shoulders back glutes calves thighs
expect "knotrelief list --area s" shoulders
refuse "knotrelief list --area s" neck
expect "knotrelief list --tool " hands tennis-ball foam-roller wall
expect "knotrelief list --area neck --tool " hands
# User routines complete too, from --routines folders already typed.
expect "knotrelief --routines $fixtures/override run " desk neck
refuse "knotrelief run " desk

if command -v zsh >/dev/null; then
  zsh -n "$completions/_knotrelief" || { echo "FAIL: zsh completion does not parse" >&2; status=1; }
fi
if command -v fish >/dev/null; then
  fish --no-execute "$completions/knotrelief.fish" || { echo "FAIL: fish completion does not parse" >&2; status=1; }
  # remind's commands, and `remind check` is not the routine checker.
  # fish makes its folders under XDG_CONFIG_HOME: the temporary HOME, not
  # the /nonexistent the other tests rely on not existing.
  fish_offers() {
    XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share XDG_CACHE_HOME=$HOME/.cache \
      fish -c "source '$completions/knotrelief.fish'; complete -C '$1'" | cut -f1 | tr '\n' ' '
  }
  got=$(fish_offers "knotrelief remind ")
  [[ $got == "check disable enable next status " ]] || { echo "FAIL: fish 'remind ' offers: $got" >&2; status=1; }
  got=$(fish_offers "knotrelief remind check --")
  [[ " $got " == *" --break "* && " $got " != *" --quiet "* ]] || { echo "FAIL: fish 'remind check --' offers: $got" >&2; status=1; }
  got=$(fish_offers "knotrelief remind next --")
  [[ " $got " == *" --count "*" --from "* ]] || { echo "FAIL: fish 'remind next --' offers: $got" >&2; status=1; }
fi
[ $status -eq 0 ] && echo "completions ok"
exit $status
