// printf in device code: CUDA's conversions, one line per call, output that
// appears when the host synchronises (so after what the host printed
// meanwhile), printf's return value, and the circular buffer's limit.
// RUN: %lqcc %s -o %t
// Blocks' lines come in any order (CUDA orders none across blocks).
// RUN: %run-unordered %t | FileCheck %s
#include <cstdio>

__device__ const char kGreeting[] = "hello";

__device__ void fromDeviceFunction(int i) { printf("device function %d\n", i); }

__global__ void conversions(const char *text, int *returned) {
  returned[0] = printf("%d|%5.2f|%-4d|%lld|%x|%c|%s|%s|%e|%%|%hhd|%lu|%g\n",
                       -42, 3.14159f, 7, -9000000000LL, 0xbeefu, 'Q', text,
                       kGreeting, 12345.678, 300, (unsigned long)sizeof(long),
                       0.5);
  returned[1] = printf("no arguments\n");
  returned[2] = printf("%*d|%.*f\n", 6, 12, 3, 2.0);
}

__global__ void perThread() {
  __shared__ int order[4];
  order[threadIdx.x] = threadIdx.x * 10;
  __syncthreads();
  printf("thread %d sees %d\n", threadIdx.x, order[3 - threadIdx.x]);
  fromDeviceFunction(threadIdx.x);
}

__global__ void perBlock() { printf("block %d of %d\n", blockIdx.x, gridDim.x); }

__global__ void manyLines() {
  for (int i = 0; i < 20; ++i)
    printf("line %02d\n", i);
}

int main() {
  char *text;
  cudaMalloc(&text, 8);
  cudaMemcpy(text, "device", 7, cudaMemcpyHostToDevice);
  int *returned;
  cudaMallocManaged(&returned, 3 * sizeof(int));

  // CHECK: host before
  // CHECK-NEXT: host after the launch
  // CHECK-NEXT: -42| 3.14|7   |-9000000000|beef|Q|device|hello|1.234568e+04|%|44|8|0.5
  // CHECK-NEXT: no arguments
  // CHECK-NEXT: {{^}}    12|2.000
  // CHECK-NEXT: returned 12 0 4
  std::printf("host before\n");
  conversions<<<1, 1>>>(text, returned);
  std::printf("host after the launch\n"); // the kernel's output waits
  cudaDeviceSynchronize();
  std::printf("returned %d %d %d\n", returned[0], returned[1], returned[2]);

  // One block: its threads print in order.
  // CHECK-NEXT: thread 0 sees 30
  // CHECK-NEXT: device function 0
  // CHECK-NEXT: thread 1 sees 20
  // CHECK:      thread 3 sees 0
  // CHECK-NEXT: device function 3
  perThread<<<1, 4>>>();
  cudaStreamSynchronize(0);

  // Blocks run in any order; each line is whole.
  // CHECK-DAG: block 0 of 3
  // CHECK-DAG: block 1 of 3
  // CHECK-DAG: block 2 of 3
  perBlock<<<3, 1>>>();
  cudaEvent_t done;
  cudaEventCreate(&done);
  cudaEventRecord(done);
  cudaEventSynchronize(done);
  std::printf("after blocks\n");

  // 20 lines of 8 bytes into 64 bytes: the newest 8 survive.
  // CHECK: after blocks
  // CHECK-NOT: line 11
  // CHECK: line 12
  // CHECK: line 19
  // CHECK-NEXT: done
  cudaDeviceSetLimit(cudaLimitPrintfFifoSize, 64);
  size_t limit = 0;
  cudaDeviceGetLimit(&limit, cudaLimitPrintfFifoSize);
  manyLines<<<1, 1>>>();
  cudaDeviceSynchronize();
  std::printf(limit == 64 ? "done\n" : "limit not kept\n");
  return 0;
}
