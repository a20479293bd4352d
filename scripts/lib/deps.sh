# shellcheck shell=bash
# Sourceable. `ensure_deps` runs `npm ci` at the repo root when node_modules is missing or older than
# package-lock.json (npm writes node_modules/.package-lock.json on every install, so its mtime is the
# install time); otherwise it does nothing. Call ensure_node (scripts/lib/node.sh) first, so npm runs on
# Node 24. Returns non-zero (with npm's output) when the install fails.
#
# One fallback: when the registry in use does not serve some *optional* platform packages (e.g. the
# darwin/win32 builds of @swc/core), the lock file cannot list them and `npm ci` refuses it ("Missing: ...
# from lock file") although nothing this machine needs is missing. Only in that case — every package
# `npm ci` names is an optional dependency in the lock file — it runs `npm install --no-save` instead, which
# installs the versions pinned in package-lock.json and leaves the file untouched.

# Prints nothing and succeeds when every "Missing: <name>@" line of npm ci's output names a package that
# package-lock.json lists only as an optional dependency.
_supplyhub_only_optional_missing() {
  local root=$1 output=$2
  node -e '
    const fs = require("node:fs");
    const [lockPath, outputPath] = process.argv.slice(1);
    const out = fs.readFileSync(outputPath, "utf8");
    if (/^npm error Invalid:/m.test(out)) process.exit(1);
    const missing = [...out.matchAll(/^npm error Missing: (@?[^@\s]+)@/gm)].map((m) => m[1]);
    if (missing.length === 0) process.exit(1);
    const optional = new Set();
    for (const entry of Object.values(JSON.parse(fs.readFileSync(lockPath, "utf8")).packages ?? {})) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) optional.add(name);
    }
    process.exit(missing.every((name) => optional.has(name)) ? 0 : 1);
  ' "$root/package-lock.json" "$output"
}

ensure_deps() {
  local root output rc=0
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  if [[ -d $root/node_modules && -f $root/node_modules/.package-lock.json &&
    ! $root/package-lock.json -nt $root/node_modules/.package-lock.json ]]; then
    return 0
  fi
  if [[ ! -f $root/package-lock.json ]]; then
    echo "deps: no package-lock.json at the repo root; run npm install once to create it" >&2
    return 1
  fi
  echo "deps: npm ci ($([[ -d $root/node_modules ]] && echo "package-lock.json changed" || echo "no node_modules yet"))" >&2
  output=$(mktemp)
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) >"$output" 2>&1 </dev/null || rc=$?
  if ((rc == 0)); then
    grep -v '^npm warn' "$output" >&2 || true
    rm -f "$output"
    return 0
  fi
  if _supplyhub_only_optional_missing "$root" "$output"; then
    echo "deps: npm ci refused the lock file only over optional platform packages this registry does not serve; installing the locked versions with npm install --no-save" >&2
    rm -f "$output"
    (cd "$root" && npm install --no-save --no-audit --no-fund --loglevel=error) </dev/null >&2
    return
  fi
  # npm's own message, without the usage text it appends.
  awk '/^npm error Clean install a project/ { exit } { print }' "$output" | head -n 60 >&2
  rm -f "$output"
  return "$rc"
}
