#!/usr/bin/env bash
# C# files and lines per project (the folder of a .csproj; tests/Shared counts apart, it is linked into every test
# project) at one revision, or before → after between two:
#
#   scripts/project-sizes.sh                  the working tree's HEAD
#   scripts/project-sizes.sh c3a6127 HEAD     before and after, with the change
set -euo pipefail
cd "$(dirname "$0")/.."

sizes() { # REV → "project files lines" per line
  local rev=$1
  git ls-tree -r --name-only "$rev" | awk -v rev="$rev" '
    /\.csproj$/ { p = $0; sub(/\/[^\/]*$/, "", p); projects[p] = 1; next }
    /\.cs$/     { files[++n] = $0 }
    END {
      for (i = 1; i <= n; i++) {
        f = files[i]; best = ""
        for (p in projects) if (index(f, p "/") == 1 && length(p) > length(best)) best = p
        if (best == "") { best = f; sub(/\/[^\/]*$/, "", best) }
        print best "\t" f
      }
    }' | while IFS=$'\t' read -r project file; do
      printf '%s\t%s\n' "$project" "$(git cat-file -p "$rev:$file" | wc -l)"
    done | awk -F'\t' '{ f[$1]++; l[$1] += $2 } END { for (p in f) printf "%s %d %d\n", p, f[p], l[p] }' | sort
}

if [ $# -lt 2 ]; then
  printf '%-52s %6s %7s\n' project files lines
  sizes "${1:-HEAD}" | awk '{ printf "%-52s %6d %7d\n", $1, $2, $3; f += $2; l += $3 } END { printf "%-52s %6d %7d\n", "total", f, l }'
  exit 0
fi

join -a1 -a2 -e0 -o 0,1.2,1.3,2.2,2.3 <(sizes "$1") <(sizes "$2") |
  awk -v a="$1" -v b="$2" 'BEGIN { printf "| project | files %s | files %s | lines %s | lines %s | lines ± |\n|---|---:|---:|---:|---:|---:|\n", a, b, a, b }
       { printf "| %s | %d | %d | %d | %d | %+d |\n", $1, $2, $4, $3, $5, $5 - $3; f1 += $2; f2 += $4; l1 += $3; l2 += $5 }
       END { printf "| total | %d | %d | %d | %d | %+d |\n", f1, f2, l1, l2, l2 - l1 }'
