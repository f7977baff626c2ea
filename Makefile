.PHONY: run dev test i18n

run:  ## install what is missing, load demo data, serve http://localhost:3000
	scripts/run.sh

dev:  ## like run, but with hot reload of Python changes (frontend 3000, backend 8000)
	scripts/dev.sh

test:  ## install test needs (Chromium too), lint, run the whole suite
	scripts/test.sh

i18n:  ## re-extract UI strings into the catalogs
	scripts/i18n_update.sh
