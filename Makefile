.PHONY: run dev test i18n load prod

run:  ## install what is missing, load demo data, serve http://localhost:3000
	scripts/run.sh

dev:  ## like run, but with hot reload of Python changes (frontend 3000, backend 8000)
	scripts/dev.sh

test:  ## install test needs (Chromium too), lint, run the whole suite
	scripts/test.sh

i18n:  ## re-extract UI strings into the catalogs
	scripts/i18n_update.sh

load:  ## load test (benchmarks/load): throwaway stack + Locust headless -> artifacts/load/<time>/report.{md,html}
	scripts/setup.sh load && . scripts/env.sh && python -m benchmarks.load.run $(LOAD_ARGS)

prod:  ## production stack on this machine: granian workers + job worker + Caddy (TLS) via honcho (.prod.env)
	scripts/prod.sh
