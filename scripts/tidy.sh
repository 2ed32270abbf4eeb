#!/usr/bin/env bash
# Runs clang-tidy (Debian clang-tidy 14, config in .clang-tidy) and exits non-zero on any finding.
#   scripts/tidy.sh                 the .cpp files under src/, tests/ and bench/ changed in the
#                                   last GW_TIDY_COMMITS first-parent commits (default 10) and
#                                   still present, except by the formatting-only or mechanical
#                                   commits listed in .git-blame-ignore-revs
#   scripts/tidy.sh --all           every .cpp file under src/, tests/ and bench/ in the build
#   scripts/tidy.sh FILE...         the given files
# Compile commands come from GW_TIDY_BUILD_DIR (default build/ci, what scripts/test.sh builds;
# built here first if it is missing, so the generated moc and ui headers exist).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/install-deps.sh"
cd "$GW_ROOT"

gw_install_apt "${GW_APT_BUILD[@]}" "${GW_APT_HARDENING[@]}"
build="${GW_TIDY_BUILD_DIR:-build/ci}"
if [ ! -f "$build/compile_commands.json" ]; then
  cmake --preset ci
  cmake --build --preset ci
fi

files=()
if [ "${1:-}" = "--all" ]; then
  while IFS= read -r file; do
    grep -qF "\"$GW_ROOT/$file\"" "$build/compile_commands.json" && files+=("$file")
  done < <(git ls-files 'src/*.cpp' 'tests/*.cpp' 'bench/*.cpp')
elif [ "$#" -gt 0 ]; then
  files=("$@")
else
  # A clean clone of main has the full history; a shallow one may have fewer commits than asked.
  count="${GW_TIDY_COMMITS:-10}"
  available="$(git rev-list --count HEAD)"
  [ "$count" -ge "$available" ] && count=$((available - 1))
  # Commits listed in .git-blame-ignore-revs change no behaviour line by line (clang-format over
  # the whole tree, a namespace rename): their files were checked when they landed, so they do not
  # count here and a whole-tree commit does not make CI tidy every file.
  ignored=()
  [ -f .git-blame-ignore-revs ] && mapfile -t ignored < <(grep -oE '^[0-9a-f]{40}' .git-blame-ignore-revs)
  if [ "$count" -gt 0 ]; then
    while IFS= read -r file; do
      [ -f "$file" ] && grep -qF "\"$GW_ROOT/$file\"" "$build/compile_commands.json" && files+=("$file")
    done < <(for commit in $(git rev-list --first-parent "HEAD~$count..HEAD"); do
               printf '%s\n' "${ignored[@]}" | grep -qx "$commit" && continue
               # A merge's first parent: everything the merge brought in.
               git diff --name-only --diff-filter=AMR "$commit^1" "$commit" -- 'src/*.cpp' 'tests/*.cpp' 'bench/*.cpp'
             done | sort -u)
  fi
fi
if [ "${#files[@]}" -eq 0 ]; then
  echo "tidy: no files to check"
  exit 0
fi

jobs="${GW_JOBS:-$(nproc)}"
echo "tidy: ${#files[@]} file(s) from $build, $jobs at a time"
# -Wno-error: compiler warnings are the build's business (g++ -Werror); here only tidy findings
# count, and clang warns about a few things g++ accepts. xargs exits non-zero if any file fails.
printf '%s\0' "${files[@]}" | xargs -0 -n1 -P "$jobs" \
  clang-tidy-14 --quiet -p "$build" --extra-arg=-Wno-error --extra-arg=-Wno-unknown-warning-option \
  2> >(grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated|^Suppressed [0-9]+ warnings|^Use -header-filter|^$' >&2) \
  || { echo "tidy: findings (above)" >&2; exit 1; }
echo "tidy: no findings"
