# Mental Health Insights — the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

SOLUTION := MentalHealthInsights.slnx
CONFIG   ?= Release
OUT      ?= out
CLI      := src/MentalHealthInsights.Cli/bin/$(CONFIG)/net10.0/mhi
APP      ?= artifacts/mhi
DOTNET_FLAGS := -c $(CONFIG) --nologo -v quiet -clp:NoSummary
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: help run test deps deps-test restore build publish lint format setup unit bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's|$$(APP)|$(APP)|g; s|$$(OUT)|$(OUT)|g' \
		| awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

run: deps build ## The main job end to end on the embedded default (no server, no download)
	$(CLI) run --out $(OUT)

test: deps-test lint ## Everything CI needs: lint + build + all tests (CI calls exactly this)
	bash eng/scripts/test.sh $(SOLUTION) $(CONFIG)

deps: ## Install the Debian packages `make run` needs (apt-get when root, else print the command)
	bash eng/scripts/deps.sh

deps-test: ## Also what the tests need (chromium, postgresql, python3-xgboost, npm packages)
	bash eng/scripts/deps.sh test

restore: ## Restore local tools and NuGet packages (locked mode when CI=true)
	dotnet tool restore >/dev/null
	dotnet restore $(SOLUTION) --nologo -v quiet

build: restore ## Build the solution once (warnings are errors)
	dotnet build $(SOLUTION) $(DOTNET_FLAGS) --no-restore

publish: restore ## mhi + its server ReadyToRun-compiled into $(APP)/ (the production build: faster start)
	bash eng/scripts/publish.sh $(APP) $(CONFIG)

lint: restore ## Fail on unformatted code (CSharpier) or any analyzer warning (the build)
	dotnet csharpier check .
	dotnet build $(SOLUTION) $(DOTNET_FLAGS) --no-restore

format: ## Format every C# and project file with CSharpier
	dotnet tool restore >/dev/null
	dotnet csharpier format .

unit: build ## The fast unit tests (what the pre-commit hook runs)
	dotnet test tests/MentalHealthInsights.Core.Tests $(DOTNET_FLAGS) --no-build

setup: deps restore ## Developer setup: install the pre-commit hook
	git config core.hooksPath .githooks
	@echo "pre-commit hook installed (.githooks/pre-commit)"

bench: deps build ## Benchmarks (not tests): ingestion throughput on 1,000,000 rows; training time and memory
	bash eng/scripts/bench.sh $(CONFIG)
	bash bench/train-benchmark.sh

clean: ## Remove build outputs and $(OUT)/
	dotnet clean $(SOLUTION) -v quiet --nologo >/dev/null || true
	rm -rf $(OUT) TestResults BenchmarkDotNet.Artifacts
