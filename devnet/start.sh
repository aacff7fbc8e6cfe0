#!/usr/bin/env bash
# Starts the Kaizen devnet (anvil on 127.0.0.1:${DEVNET_PORT:-8545}) and prints the manifest path.
# Idempotent: a devnet already running from this checkout is reported, not started twice.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/ethers ] || [ ! -d node_modules/@foundry-rs/anvil ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node scripts/start.js start "$@"
