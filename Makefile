# The commands of the README: `make reproduce`, `make test`, `make sweep`. All run setup first.
#   make reproduce [NOTEBOOK=name] [PARAMS="name=value ..."] [OUT=dir] [STRICT=1] [JOBS=n] [FORCE=1]
#   make sweep NOTEBOOK=name GRID="p=1,2,3 q=1..10" [NAME=n] [EXECUTOR=local|slurm] [JOBS=n] [OUT=dir] [FORCE=1]
#   make golden-accept    promote test/golden/*.changed.json (after a golden comparison failed)
.PHONY: setup build reproduce sweep test bench golden-accept clean

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

build:
	@npx --no-install tsc -p kernel-lib

reproduce: setup
	@npx --no-install tsx scripts/reproduce.ts $(REPRO_ARGS)

sweep: setup
	@npx --no-install tsx scripts/sweep.ts $(SWEEP_ARGS)

test: setup
	@npm run typecheck --silent
	@npm test --silent

bench: setup
	@npm run bench --silent

golden-accept:
	@npx --no-install tsx scripts/golden-accept.ts

clean:
	rm -rf out kernel-lib/dist .jupyter-kernels
