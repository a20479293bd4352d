#!/usr/bin/env bash
# `npm run demo`: on a fresh clone, brings Node 24, dependencies, the build and the local Kafka + FerretDB,
# then runs every service until Ctrl-C. Set KAFKA_BROKERS and MONGO_URL to use existing servers instead.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/node.sh
source scripts/lib/node.sh
ensure_node
# shellcheck source=lib/deps.sh
source scripts/lib/deps.sh
ensure_deps
export NX_DAEMON=false
npm run --silent build
exec node scripts/demo.mjs "$@"
