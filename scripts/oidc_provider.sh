#!/usr/bin/env bash
# Start the development OpenID Provider (a simulated identification broker) for `make run`.
# Env: OIDC_PORT (3900), OIDC_CLIENT_SECRET, OIDC_REDIRECT_URIS, OIDC_IDENTITY_CLAIM, OIDC_ACR;
# see devtools/oidc-provider/README.md. Development only: never run this in production.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f scripts/env.sh ]; then
  # Tool paths and the npm registry setting of this machine.
  source scripts/env.sh
fi
if [ ! -d devtools/oidc-provider/node_modules/oidc-provider ]; then
  npm ci --silent --no-audit --no-fund --prefix devtools/oidc-provider
fi
exec node devtools/oidc-provider/provider.mjs
