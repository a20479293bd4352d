#!/usr/bin/env bash
# The single entry for benchmarks: `npm run bench -- <name>` runs scripts/bench/<name>.{sh,mjs} and each
# benchmark ends by printing one JSON line per result:
# {"bench":"<name>","metric":"...","value":...,"unit":"...","machine":"..."}
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:-}"
available() { find scripts/bench -maxdepth 1 -type f \( -name '*.sh' -o -name '*.mjs' \) -printf '%f\n' | sed 's/\.[^.]*$//' | sort | tr '\n' ' '; }
if [[ -z "$name" ]]; then
  echo "usage: npm run bench -- <name>   (available: $(available))" >&2
  exit 2
fi
shift
# shellcheck source=lib/node.sh
source scripts/lib/node.sh
ensure_node
# shellcheck source=lib/deps.sh
source scripts/lib/deps.sh
ensure_deps
if [[ -f "scripts/bench/$name.sh" ]]; then
  exec bash "scripts/bench/$name.sh" "$@"
elif [[ -f "scripts/bench/$name.mjs" ]]; then
  exec node "scripts/bench/$name.mjs" "$@"
fi
echo "bench: no benchmark named '$name' (available: $(available))" >&2
exit 2
