#!/usr/bin/env bash
# `npm test`: the whole suite on a fresh clone. Brings Node 24 and dependencies, then lint (with the
# module-boundary rules), type-check, unit tests, the build, and the integration tests against the real
# local Kafka and FerretDB (provisioned by scripts/infra unless KAFKA_BROKERS and MONGO_URL are set).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/node.sh
source scripts/lib/node.sh
ensure_node
# shellcheck source=lib/deps.sh
source scripts/lib/deps.sh
ensure_deps
export NX_DAEMON=false NX_NO_CLOUD=true

step() { printf '\n== %s\n' "$*"; }
step "lint";        npm run --silent lint
step "type-check";  npm run --silent typecheck
step "unit tests";  npm run --silent test:unit -- --ci
step "build";       npm run --silent build

infra_started_here=0
if [[ -z "${KAFKA_BROKERS:-}" || -z "${MONGO_URL:-}" ]]; then
  step "local infrastructure"
  if ! bash scripts/infra status >/dev/null 2>&1; then infra_started_here=1; fi
  bash scripts/infra up
  # shellcheck disable=SC2046
  export $(bash scripts/infra env | xargs)
fi
# The addresses exported above would make `infra down` treat the stack as external and leave it running.
cleanup() { if [[ $infra_started_here == 1 ]]; then env -u KAFKA_BROKERS -u MONGO_URL bash scripts/infra down || true; fi; }
trap cleanup EXIT

step "integration tests (Kafka ${KAFKA_BROKERS}, MongoDB API ${MONGO_URL})"
npm run --silent test:integration -- --ci
