# The commands of the README: `make reproduce`, `make test`, `make sweep`. All run setup first.
#   make reproduce [NOTEBOOK=name] [PARAMS="name=value ..."] [OUT=dir] [STRICT=1] [JOBS=n] [FORCE=1]
#   make sweep NOTEBOOK=name GRID="p=1,2,3 q=1..10" [NAME=n] [EXECUTOR=local|slurm] [JOBS=n] [OUT=dir] [FORCE=1]
#   make golden-accept    promote test/golden/*.changed.json (after a golden comparison failed)
.PHONY: setup build reproduce sweep test bench golden-accept clean

# `make setup` always runs scripts/setup.sh; the other targets run it only when something it
# depends on is newer than its last run (or its products are gone), so that a warm
# `make reproduce` does not rebuild kernel-lib for nothing.
SETUP_STAMP := .jupyter-kernels/.setup-done
SETUP_INPUTS := scripts/setup.sh package.json package-lock.json kernel-lib/package.json kernel-lib/tsconfig.json \
                $(shell find kernel-lib/src -type f 2>/dev/null) \
                $(wildcard node_modules/.package-lock.json kernel-lib/dist/index.js .jupyter-kernels/share/jupyter/kernels/tslab/kernel.json)

REPRO_ARGS := $(if $(NOTEBOOK),$(foreach n,$(NOTEBOOK),--notebook $(n))) \
              $(foreach p,$(PARAMS),--param '$(p)') \
              $(if $(OUT),--out $(OUT)) \
              $(if $(STRICT),--strict) \
              $(if $(JOBS),--jobs $(JOBS)) \
              $(if $(filter 1,$(FORCE)),--force)

SWEEP_ARGS := --notebook '$(NOTEBOOK)' --grid '$(GRID)' \
              $(if $(NAME),--name $(NAME)) \
              $(if $(EXECUTOR),--executor $(EXECUTOR)) \
              $(if $(JOBS),--jobs $(JOBS)) \
              $(if $(OUT),--out $(OUT)) \
              $(if $(filter 1,$(FORCE)),--force)

setup:
	@bash scripts/setup.sh
	@touch $(SETUP_STAMP)

$(SETUP_STAMP): $(SETUP_INPUTS)
	@bash scripts/setup.sh
	@touch $@

build:
	@npx --no-install tsc -p kernel-lib

reproduce: $(SETUP_STAMP)
	@npx --no-install tsx scripts/reproduce.ts $(REPRO_ARGS)

sweep: $(SETUP_STAMP)
	@npx --no-install tsx scripts/sweep.ts $(SWEEP_ARGS)

test: $(SETUP_STAMP)
	@npm run typecheck --silent
	@npm test --silent

bench: $(SETUP_STAMP)
	@npm run bench --silent

golden-accept:
	@npx --no-install tsx scripts/golden-accept.ts

clean:
	rm -rf out kernel-lib/dist .jupyter-kernels
