# The two commands of the README: `make reproduce` and `make test`. Both run setup first.
#   make reproduce [NOTEBOOK=name] [PARAMS="name=value ..."] [OUT=dir] [STRICT=1]
.PHONY: setup build reproduce test bench clean

REPRO_ARGS := $(if $(NOTEBOOK),$(foreach n,$(NOTEBOOK),--notebook $(n))) \
              $(foreach p,$(PARAMS),--param '$(p)') \
              $(if $(OUT),--out $(OUT)) \
              $(if $(STRICT),--strict)

setup:
	@bash scripts/setup.sh

build:
	@npx --no-install tsc -p kernel-lib

reproduce: setup
	@npx --no-install tsx scripts/reproduce.ts $(REPRO_ARGS)

test: setup
	@npm run typecheck --silent
	@npm test --silent

bench: setup
	@npm run bench --silent

clean:
	rm -rf out kernel-lib/dist .jupyter-kernels
