# Lingqu's front door: `make demo` and `make check` do all set-up themselves.
BUILD ?= build
GENERATOR ?= Ninja
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(HOME)/.cache/lingqu-ccache
# Paths relative to the checkout, so every clone shares the cache.
export CCACHE_BASEDIR ?= $(CURDIR)

.PHONY: all deps configure build demo check check-sanitize bench bench-smoke clean cross-runtime

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

# Lingqu's runtime built for AArch64 (cmake/toolchains/), where lqcc
# --target=aarch64-linux-gnu links against it: $(BUILD)/lib/aarch64-linux-gnu.
# Running such programs under qemu-user is not part of any check yet (see
# docs/adding-a-target.md).
cross-runtime: build
	@./scripts/install-cross-deps.sh
	cmake -S . -B $(BUILD)-aarch64 -G $(GENERATOR) -DCMAKE_BUILD_TYPE=Release \
	  -DLINGQU_RUNTIME_ONLY=ON \
	  -DCMAKE_TOOLCHAIN_FILE=$(CURDIR)/cmake/toolchains/aarch64-linux-gnu.cmake
	cmake --build $(BUILD)-aarch64 -j $(JOBS)
	mkdir -p $(BUILD)/lib/aarch64-linux-gnu
	cp -P $(BUILD)-aarch64/lib/libcudart.so* $(BUILD)-aarch64/lib/libcuda.so* \
	  $(BUILD)/lib/aarch64-linux-gnu/

# Timed benchmarks, never part of `make check`: the runtime's
# micro-benchmarks (bench/runtime), then every workload as CUDA on Lingqu,
# OpenMP and OpenCL on PoCL side by side (bench/run.py); its last line is
# the geomean speedups. Results in bench/results.
bench: build
	@./bench/runtime/run.sh $(BUILD)
	@/usr/bin/python3 bench/run.py --build $(BUILD) --docs docs/performance.md

# The same workloads at tiny sizes, for correctness only (also a CTest
# test, so `make check` runs it).
bench-smoke: build
	@/usr/bin/python3 bench/run.py --build $(BUILD) --smoke

# The runtime and its unit tests (the concurrency stress included) under
# sanitizers, each in a build of its own. Fiber executor tests are left
# out: switching stacks by hand is what these sanitizers cannot follow.
# ThreadSanitizer must see inside absl::Mutex and oneTBB's task hand-offs,
# so its build first compiles Debian's sources of both with -fsanitize=thread
# (scripts/build-sanitized-deps.sh, once per build directory).
SANITIZERS ?= address thread
check-sanitize: deps
	@for san in $(SANITIZERS); do \
	  prefix=; \
	  if [ $$san = thread ]; then \
	    prefix=$(CURDIR)/$(BUILD)-$$san-deps/install; \
	    JOBS=$(JOBS) ./scripts/build-sanitized-deps.sh $$san $$prefix || exit 1; \
	  fi; \
	  cmake -S . -B $(BUILD)-$$san -G $(GENERATOR) -DLINGQU_RUNTIME_ONLY=ON \
	    -DLINGQU_SANITIZER=$$san \
	    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DCMAKE_PREFIX_PATH="$$prefix" \
	    -DCMAKE_C_COMPILER=/usr/lib/llvm-22/bin/clang \
	    -DCMAKE_CXX_COMPILER=/usr/lib/llvm-22/bin/clang++ \
	    -DCMAKE_C_FLAGS=-fsanitize=$$san -DCMAKE_CXX_FLAGS=-fsanitize=$$san \
	    -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=$$san \
	    -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=$$san >/dev/null && \
	  cmake --build $(BUILD)-$$san -j $(JOBS) && \
	  (cd $(BUILD)-$$san && \
	   ASAN_OPTIONS=allocator_may_return_null=1 \
	   LSAN_OPTIONS=suppressions=$(CURDIR)/test/unit/lsan.supp \
	   TSAN_OPTIONS="allocator_may_return_null=1 suppressions=$(CURDIR)/test/unit/tsan.supp" \
	   ctest --output-on-failure -j $(JOBS) -E 'Fiber|fiber') || exit 1; \
	done

clean:
	rm -rf $(BUILD) $(addprefix $(BUILD)-,$(SANITIZERS)) $(BUILD)-thread-deps
