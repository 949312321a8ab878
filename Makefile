# Lingqu's front door: `make demo` and `make check` do all set-up themselves.
BUILD ?= build
GENERATOR ?= Ninja
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(HOME)/.cache/lingqu-ccache
# Paths relative to the checkout, so every clone shares the cache.
export CCACHE_BASEDIR ?= $(CURDIR)

.PHONY: all deps configure build demo check bench clean

all: build

deps:
	@./scripts/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G $(GENERATOR) \
	  -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_C_COMPILER=/usr/lib/llvm-22/bin/clang \
	  -DCMAKE_CXX_COMPILER=/usr/lib/llvm-22/bin/clang++

configure: $(BUILD)/build.ninja

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@./scripts/run-demo.sh $(BUILD)

# The census line (`collapsed: N of M kernels`) comes first; CTest's summary
# line is the last one.
check: build
	@python3 scripts/collapse-census.py $(BUILD)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
