# Sourced by the scripts: tool paths and Reflex settings for this machine.
export PATH="$PWD/devtools/bun/node_modules/.bin:$PWD/.venv/bin:$PATH"
export REFLEX_BUN_PATH="$PWD/devtools/bun/node_modules/.bin/bun"
NPM_CONFIG_REGISTRY="$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)"
export NPM_CONFIG_REGISTRY
export REFLEX_TELEMETRY_ENABLED=false
