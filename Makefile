# Lingqu's front door: `make demo` and `make check` do all set-up themselves.
BUILD ?= build
GENERATOR ?= Ninja
JOBS ?= $(shell nproc)
export CCACHE_DIR ?= $(HOME)/.cache/lingqu-ccache
# Paths relative to the checkout, so every clone shares the cache.
export CCACHE_BASEDIR ?= $(CURDIR)

.PHONY: all deps configure build demo check check-sanitize bench bench-smoke clean cross-runtime check-cross

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

# Lingqu's runtime built for other CPU ISAs (cmake/toolchains/), where lqcc
# --target=<triple> links against it: $(BUILD)/lib/<triple>. AArch64's
# libraries are Debian's arm64 multiarch packages; RISC-V's are Debian's
# sources built for it (Debian 12 has no riscv64 packages).
CROSS_TARGETS ?= aarch64-linux-gnu riscv64-linux-gnu
cross-runtime: build
	@./scripts/install-cross-deps.sh
	@for triple in $(CROSS_TARGETS); do \
	  JOBS=$(JOBS) ./scripts/build-cross-runtime.sh $(BUILD) $$triple || exit 1; \
	done

# The end-to-end suite (test/e2e) built for each of CROSS_TARGETS and run
# under qemu-user (test/Inputs/crosstargets.py). RISC-V's vector extension
# is not run here (docs/adding-a-target.md: LLVM 22 and qemu 7.2 bugs). Not part of `make check`:
# it needs the cross runtimes, which take their own libraries.
check-cross: cross-runtime
	@for triple in $(CROSS_TARGETS); do \
	  echo "== check-cross: $$triple"; \
	  /usr/lib/llvm-22/bin/lit -sv --param cross=$$triple $(BUILD)/test/e2e || exit 1; \
	done

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
# (scripts/build-deps-from-source.sh, once per build directory).
SANITIZERS ?= address thread
check-sanitize: deps
	@for san in $(SANITIZERS); do \
	  prefix=; \
	  if [ $$san = thread ]; then \
	    prefix=$(CURDIR)/$(BUILD)-$$san-deps/install; \
	    JOBS=$(JOBS) ./scripts/build-deps-from-source.sh $$prefix --sanitizer=$$san || exit 1; \
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
	rm -rf $(BUILD) $(addprefix $(BUILD)-,$(SANITIZERS)) $(BUILD)-thread-deps \
	  $(addprefix $(BUILD)-,$(CROSS_TARGETS)) $(addsuffix -deps,$(addprefix $(BUILD)-,$(CROSS_TARGETS)))
