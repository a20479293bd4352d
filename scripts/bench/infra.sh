#!/usr/bin/env bash
# Benchmark: warm start of the local stack. With the Kafka jars and the FerretDB binary already cached,
# stops the local stack if it runs, then times `scripts/infra up` until both answer a real request
# (scripts/infra-ready.mjs: Kafka describeCluster, FerretDB ping). Leaves the stack as it found it.
# Ends with one JSON line:
# {"bench":"infra","metric":"infra_warm_up_s","value":<s>,"unit":"s","machine":"<cores>, <cpu>, <node>"}
# Run through `npm run bench -- infra` (brings Node 24 and node_modules) or directly.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ -n ${KAFKA_BROKERS:-} && -n ${MONGO_URL:-} ]]; then
  echo "bench infra: KAFKA_BROKERS and MONGO_URL are set, so scripts/infra provisions nothing; unset them to measure the local stack" >&2
  exit 2
fi

was_running=0
if bash scripts/infra status >/dev/null 2>&1; then was_running=1; fi
restore() {
  if [[ $was_running == 0 ]]; then bash scripts/infra down >/dev/null 2>&1 || true; fi
}
trap restore EXIT

# Warm the cache first (first run only: Maven fetch + go install), so only the warm start is measured.
echo "bench infra: warming the cache (a no-op when the jars and the binary are there)" >&2
bash scripts/infra up >&2
bash scripts/infra down >&2

start=$EPOCHREALTIME
bash scripts/infra up >&2
end=$EPOCHREALTIME
value=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
machine="$(nproc) cores, ${cpu:-unknown cpu}, node $(node -v 2>/dev/null || echo none)"
json_escape() { local s=$1; s=${s//\\/\\\\}; s=${s//\"/\\\"}; printf '%s' "$s"; }
printf '{"bench":"infra","metric":"infra_warm_up_s","value":%s,"unit":"s","machine":"%s"}\n' "$value" "$(json_escape "$machine")"
