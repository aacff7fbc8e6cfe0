#!/usr/bin/env bash
# Stops the devnet started by start.sh (by the pid in .run/anvil.pid). The next start is pristine.
set -euo pipefail
cd "$(dirname "$0")"
exec node scripts/start.js stop
