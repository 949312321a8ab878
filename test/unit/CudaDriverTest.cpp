//===- CudaDriverTest.cpp - libcuda through its C API ---------------------===//
//
// Devices, the context stack, streams, events, memory and pointer
// attributes, each with the error paths CUDA documents. The process shares
// one runtime, so every test leaves the calling thread's context stack as
// it found it.

#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

#include <unistd.h>

#include "cuda.h"
#include "lingqu_texture.h"
#include "gtest/gtest.h"

namespace {

class CudaDriver : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(cuInit(0), CUDA_SUCCESS);
    ASSERT_EQ(cuDeviceGet(&device, 0), CUDA_SUCCESS);
    ASSERT_EQ(cuDevicePrimaryCtxRetain(&primary, device), CUDA_SUCCESS);
    ASSERT_EQ(cuCtxPushCurrent(primary), CUDA_SUCCESS);
  }
  void TearDown() override {
    CUcontext popped = nullptr;
    EXPECT_EQ(cuCtxPopCurrent(&popped), CUDA_SUCCESS);
    EXPECT_EQ(popped, primary);
    EXPECT_EQ(cuDevicePrimaryCtxRelease(device), CUDA_SUCCESS);
  }
  CUdevice device = -1;
  CUcontext primary = nullptr;
};

TEST_F(CudaDriver, DevicesAreCountedNamedAndDescribed) {
  int count = 0;
  ASSERT_EQ(cuDeviceGetCount(&count), CUDA_SUCCESS);
  EXPECT_GE(count, 1);
  CUdevice none;
  EXPECT_EQ(cuDeviceGet(&none, count), CUDA_ERROR_INVALID_DEVICE);
  EXPECT_EQ(cuDeviceGet(nullptr, 0), CUDA_ERROR_INVALID_VALUE);

  char name[256];
  ASSERT_EQ(cuDeviceGetName(name, sizeof name, device), CUDA_SUCCESS);
  EXPECT_EQ(std::strncmp(name, "Lingqu CPU 0", 12), 0);
  char tiny[4];
  ASSERT_EQ(cuDeviceGetName(tiny, sizeof tiny, device), CUDA_SUCCESS);
  EXPECT_EQ(std::strlen(tiny), 3u); // cut, still terminated
  EXPECT_EQ(cuDeviceGetName(name, 0, device), CUDA_ERROR_INVALID_VALUE);

  int warp = 0, major = 0, sms = 0, optin = 0, perBlock = 0;
  EXPECT_EQ(cuDeviceGetAttribute(&warp, CU_DEVICE_ATTRIBUTE_WARP_SIZE, device),
            CUDA_SUCCESS);
  EXPECT_EQ(warp, 32);
  EXPECT_EQ(cuDeviceGetAttribute(&major,
                                 CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR,
                                 device),
            CUDA_SUCCESS);
  EXPECT_EQ(major, 8);
  EXPECT_EQ(cuDeviceGetAttribute(&sms, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT,
                                 device),
            CUDA_SUCCESS);
  EXPECT_EQ(sms, int(std::thread::hardware_concurrency()));
  EXPECT_EQ(cuDeviceGetAttribute(
                &perBlock, CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK,
                device),
            CUDA_SUCCESS);
  EXPECT_EQ(perBlock, 48 * 1024);
  EXPECT_EQ(cuDeviceGetAttribute(
                &optin, CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN,
                device),
            CUDA_SUCCESS);
  EXPECT_GT(optin, perBlock);
  EXPECT_EQ(cuDeviceGetAttribute(&warp, CUdevice_attribute(44), device),
            CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuDeviceGetAttribute(&warp, CU_DEVICE_ATTRIBUTE_WARP_SIZE, 99),
            CUDA_ERROR_INVALID_DEVICE);

  size_t bytes = 0;
  ASSERT_EQ(cuDeviceTotalMem(&bytes, device), CUDA_SUCCESS);
  EXPECT_GT(bytes, size_t(1) << 28);
  CUuuid a, b;
  ASSERT_EQ(cuDeviceGetUuid(&a, device), CUDA_SUCCESS);
  ASSERT_EQ(cuDeviceGetUuid_v2(&b, device), CUDA_SUCCESS);
  EXPECT_EQ(std::memcmp(a.bytes, b.bytes, 16), 0);

  char bus[16];
  ASSERT_EQ(cuDeviceGetPCIBusId(bus, sizeof bus, device), CUDA_SUCCESS);
  CUdevice back = -1;
  ASSERT_EQ(cuDeviceGetByPCIBusId(&back, bus), CUDA_SUCCESS);
  EXPECT_EQ(back, device);
  EXPECT_EQ(cuDeviceGetByPCIBusId(&back, "0000:7f:00.0"),
            CUDA_ERROR_INVALID_DEVICE);
}

TEST_F(CudaDriver, ContextsStackPerThread) {
  CUcontext current = nullptr;
  ASSERT_EQ(cuCtxGetCurrent(&current), CUDA_SUCCESS);
  EXPECT_EQ(current, primary);

  CUcontext created = nullptr;
  ASSERT_EQ(cuCtxCreate(&created, 0, device), CUDA_SUCCESS);
  ASSERT_EQ(cuCtxGetCurrent(&current), CUDA_SUCCESS);
  EXPECT_EQ(current, created);
  unsigned long long idA = 0, idB = 0;
  EXPECT_EQ(cuCtxGetId(created, &idA), CUDA_SUCCESS);
  EXPECT_EQ(cuCtxGetId(primary, &idB), CUDA_SUCCESS);
  EXPECT_NE(idA, idB);

  // Another thread starts with no context at all.
  std::thread([] {
    CUcontext none = reinterpret_cast<CUcontext>(1);
    EXPECT_EQ(cuCtxGetCurrent(&none), CUDA_SUCCESS);
    EXPECT_EQ(none, nullptr);
    CUdevice d;
    EXPECT_EQ(cuCtxGetDevice(&d), CUDA_ERROR_INVALID_CONTEXT);
    EXPECT_EQ(cuCtxSynchronize(), CUDA_ERROR_INVALID_CONTEXT);
    CUcontext popped;
    EXPECT_EQ(cuCtxPopCurrent(&popped), CUDA_ERROR_INVALID_CONTEXT);
  }).join();

  ASSERT_EQ(cuCtxDestroy(created), CUDA_SUCCESS);
  ASSERT_EQ(cuCtxGetCurrent(&current), CUDA_SUCCESS);
  EXPECT_EQ(current, primary); // destroying popped it
  EXPECT_EQ(cuCtxDestroy(created), CUDA_ERROR_INVALID_CONTEXT);
  EXPECT_EQ(cuCtxPushCurrent(created), CUDA_ERROR_INVALID_CONTEXT);
  EXPECT_EQ(cuCtxDestroy(primary), CUDA_ERROR_INVALID_CONTEXT);
}

TEST_F(CudaDriver, ContextSettingsRoundTrip) {
  size_t stack = 0;
  ASSERT_EQ(cuCtxSetLimit(CU_LIMIT_STACK_SIZE, 4096), CUDA_SUCCESS);
  ASSERT_EQ(cuCtxGetLimit(&stack, CU_LIMIT_STACK_SIZE), CUDA_SUCCESS);
  EXPECT_EQ(stack, 4096u);
  EXPECT_EQ(cuCtxSetLimit(CUlimit(0x40), 1), CUDA_ERROR_UNSUPPORTED_LIMIT);
  CUfunc_cache cache;
  ASSERT_EQ(cuCtxSetCacheConfig(CU_FUNC_CACHE_PREFER_L1), CUDA_SUCCESS);
  ASSERT_EQ(cuCtxGetCacheConfig(&cache), CUDA_SUCCESS);
  EXPECT_EQ(cache, CU_FUNC_CACHE_PREFER_L1);
  ASSERT_EQ(cuCtxSetCacheConfig(CU_FUNC_CACHE_PREFER_NONE), CUDA_SUCCESS);
  int least = 1, greatest = 1;
  ASSERT_EQ(cuCtxGetStreamPriorityRange(&least, &greatest), CUDA_SUCCESS);
  EXPECT_EQ(least, 0);
  EXPECT_EQ(greatest, -5);
  unsigned version = 0;
  EXPECT_EQ(cuCtxGetApiVersion(nullptr, &version), CUDA_SUCCESS);
  EXPECT_GT(version, 0u);
  unsigned flags = 0;
  int active = 0;
  ASSERT_EQ(cuDevicePrimaryCtxGetState(device, &flags, &active), CUDA_SUCCESS);
  EXPECT_EQ(active, 1);
}

void CUDA_CB markDone(void *flag) {
  static_cast<std::atomic<int> *>(flag)->store(1);
}

TEST_F(CudaDriver, StreamsAndEventsOrderHostWork) {
  CUstream stream = nullptr;
  ASSERT_EQ(cuStreamCreateWithPriority(&stream, CU_STREAM_NON_BLOCKING, -9),
            CUDA_SUCCESS);
  int priority = 1;
  ASSERT_EQ(cuStreamGetPriority(stream, &priority), CUDA_SUCCESS);
  EXPECT_EQ(priority, -5);
  unsigned flags = 0;
  ASSERT_EQ(cuStreamGetFlags(stream, &flags), CUDA_SUCCESS);
  EXPECT_EQ(flags, unsigned(CU_STREAM_NON_BLOCKING));
  CUcontext owner = nullptr;
  ASSERT_EQ(cuStreamGetCtx(stream, &owner), CUDA_SUCCESS);
  EXPECT_EQ(owner, primary);

  std::atomic<int> done{0};
  CUevent start, stop;
  ASSERT_EQ(cuEventCreate(&start, CU_EVENT_DEFAULT), CUDA_SUCCESS);
  ASSERT_EQ(cuEventCreate(&stop, CU_EVENT_DEFAULT), CUDA_SUCCESS);
  ASSERT_EQ(cuEventRecord(start, stream), CUDA_SUCCESS);
  ASSERT_EQ(cuLaunchHostFunc(stream, markDone, &done), CUDA_SUCCESS);
  ASSERT_EQ(cuEventRecord(stop, stream), CUDA_SUCCESS);
  ASSERT_EQ(cuEventSynchronize(stop), CUDA_SUCCESS);
  EXPECT_EQ(done.load(), 1);
  EXPECT_EQ(cuEventQuery(stop), CUDA_SUCCESS);
  float ms = -1;
  ASSERT_EQ(cuEventElapsedTime(&ms, start, stop), CUDA_SUCCESS);
  EXPECT_GE(ms, 0.0f);
  ASSERT_EQ(cuStreamSynchronize(stream), CUDA_SUCCESS);
  EXPECT_EQ(cuStreamQuery(stream), CUDA_SUCCESS);

  CUevent untimed;
  ASSERT_EQ(cuEventCreate(&untimed, CU_EVENT_DISABLE_TIMING), CUDA_SUCCESS);
  ASSERT_EQ(cuEventRecord(untimed, stream), CUDA_SUCCESS);
  ASSERT_EQ(cuStreamWaitEvent(nullptr, untimed, 0), CUDA_SUCCESS);
  ASSERT_EQ(cuCtxSynchronize(), CUDA_SUCCESS);
  EXPECT_EQ(cuEventElapsedTime(&ms, start, untimed),
            CUDA_ERROR_INVALID_HANDLE);

  EXPECT_EQ(cuEventCreate(nullptr, 0), CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuEventCreate(&untimed, 0x40), CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuStreamCreate(&stream, 0x10), CUDA_ERROR_INVALID_VALUE);
  for (CUevent e : {start, stop, untimed})
    EXPECT_EQ(cuEventDestroy(e), CUDA_SUCCESS);
  EXPECT_EQ(cuStreamDestroy(stream), CUDA_SUCCESS);
  EXPECT_EQ(cuStreamDestroy(stream), CUDA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(cuStreamQuery(stream), CUDA_ERROR_INVALID_HANDLE);
}

TEST_F(CudaDriver, StreamMemoryOperationsWaitAndWrite) {
  CUdeviceptr words = 0;
  ASSERT_EQ(cuMemAlloc(&words, 16), CUDA_SUCCESS);
  ASSERT_EQ(cuMemsetD32(words, 0, 4), CUDA_SUCCESS);
  CUstream stream = nullptr;
  ASSERT_EQ(cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING), CUDA_SUCCESS);
  std::atomic<int> done{0};
  ASSERT_EQ(cuStreamWaitValue32(stream, words, 5, CU_STREAM_WAIT_VALUE_GEQ),
            CUDA_SUCCESS);
  ASSERT_EQ(cuLaunchHostFunc(stream, markDone, &done), CUDA_SUCCESS);
  ASSERT_EQ(cuStreamWriteValue64(stream, words + 8, 0x123456789ull, 0),
            CUDA_SUCCESS);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(done.load(), 0); // still waiting for the word
  EXPECT_EQ(cuStreamQuery(stream), CUDA_ERROR_NOT_READY);
  __atomic_store_n(reinterpret_cast<unsigned *>(words), 5u, __ATOMIC_RELEASE);
  ASSERT_EQ(cuStreamSynchronize(stream), CUDA_SUCCESS);
  EXPECT_EQ(done.load(), 1);
  unsigned long long written = 0;
  ASSERT_EQ(cuMemcpyDtoH(&written, words + 8, 8), CUDA_SUCCESS);
  EXPECT_EQ(written, 0x123456789ull);

  CUstreamBatchMemOpParams ops[2];
  std::memset(ops, 0, sizeof ops);
  ops[0].writeValue.operation = CU_STREAM_MEM_OP_WRITE_VALUE_32;
  ops[0].writeValue.address = words + 4;
  ops[0].writeValue.value = 9;
  ops[1].waitValue.operation = CU_STREAM_MEM_OP_WAIT_VALUE_32;
  ops[1].waitValue.address = words + 4;
  ops[1].waitValue.value = 9;
  ops[1].waitValue.flags = CU_STREAM_WAIT_VALUE_EQ;
  ASSERT_EQ(cuStreamBatchMemOp(stream, 2, ops, 0), CUDA_SUCCESS);
  ASSERT_EQ(cuStreamSynchronize(stream), CUDA_SUCCESS);

  int local = 0;
  EXPECT_EQ(cuStreamWriteValue32(stream, words + 2, 1, 0),
            CUDA_ERROR_INVALID_VALUE); // misaligned
  EXPECT_EQ(cuStreamWriteValue32(stream, CUdeviceptr(&local), 1, 0),
            CUDA_ERROR_INVALID_VALUE); // not CUDA memory
  EXPECT_EQ(cuStreamWaitValue32(stream, words, 1, 7),
            CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuStreamDestroy(stream), CUDA_SUCCESS);
  EXPECT_EQ(cuMemFree(words), CUDA_SUCCESS);
}

TEST_F(CudaDriver, VirtualMemoryMapsOnePhysicalAllocationTwice) {
  CUmemAllocationProp prop;
  std::memset(&prop, 0, sizeof prop);
  prop.type = CU_MEM_ALLOCATION_TYPE_PINNED;
  prop.location.type = CU_MEM_LOCATION_TYPE_DEVICE;
  prop.location.id = device;
  prop.requestedHandleTypes = CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR;
  size_t granularity = 0;
  ASSERT_EQ(cuMemGetAllocationGranularity(&granularity, &prop,
                                          CU_MEM_ALLOC_GRANULARITY_MINIMUM),
            CUDA_SUCCESS);
  const size_t size = 2 * granularity;
  CUmemGenericAllocationHandle physical;
  ASSERT_EQ(cuMemCreate(&physical, size, &prop, 0), CUDA_SUCCESS);
  CUdeviceptr a = 0, b = 0;
  ASSERT_EQ(cuMemAddressReserve(&a, size, 0, 0, 0), CUDA_SUCCESS);
  ASSERT_EQ(cuMemAddressReserve(&b, size, 1 << 16, 0, 0), CUDA_SUCCESS);
  EXPECT_EQ(b % (1 << 16), 0u);
  ASSERT_EQ(cuMemMap(a, size, 0, physical, 0), CUDA_SUCCESS);
  EXPECT_EQ(cuMemMap(a, size, 0, physical, 0), CUDA_ERROR_INVALID_VALUE);

  // The handle exported as a file descriptor maps the same pages at b.
  int fd = -1;
  ASSERT_EQ(cuMemExportToShareableHandle(
                &fd, physical, CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR, 0),
            CUDA_SUCCESS);
  CUmemGenericAllocationHandle imported;
  ASSERT_EQ(cuMemImportFromShareableHandle(
                &imported, reinterpret_cast<void *>(uintptr_t(fd)),
                CU_MEM_HANDLE_TYPE_POSIX_FILE_DESCRIPTOR),
            CUDA_SUCCESS);
  ASSERT_EQ(cuMemMap(b, size, 0, imported, 0), CUDA_SUCCESS);
  CUmemAccessDesc access = {prop.location, CU_MEM_ACCESS_FLAGS_PROT_READWRITE};
  ASSERT_EQ(cuMemSetAccess(a, size, &access, 1), CUDA_SUCCESS);
  ASSERT_EQ(cuMemSetAccess(b, size, &access, 1), CUDA_SUCCESS);
  unsigned long long flags = 0;
  ASSERT_EQ(cuMemGetAccess(&flags, &prop.location, a + 100), CUDA_SUCCESS);
  EXPECT_EQ(flags, unsigned(CU_MEM_ACCESS_FLAGS_PROT_READWRITE));

  ASSERT_EQ(cuMemsetD32(a, 0xabcd1234, size / 4), CUDA_SUCCESS);
  unsigned seen = 0;
  ASSERT_EQ(cuMemcpyDtoH(&seen, b + size - 4, 4), CUDA_SUCCESS);
  EXPECT_EQ(seen, 0xabcd1234u);
  // The same file imported as external memory sees the same bytes.
  CUDA_EXTERNAL_MEMORY_HANDLE_DESC external;
  std::memset(&external, 0, sizeof external);
  external.type = CU_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD;
  external.handle.fd = dup(fd);
  external.size = size;
  CUexternalMemory imported2;
  ASSERT_EQ(cuImportExternalMemory(&imported2, &external), CUDA_SUCCESS);
  CUDA_EXTERNAL_MEMORY_BUFFER_DESC buffer;
  std::memset(&buffer, 0, sizeof buffer);
  buffer.offset = 8;
  buffer.size = 8;
  CUdeviceptr mappedBuffer = 0;
  ASSERT_EQ(cuExternalMemoryGetMappedBuffer(&mappedBuffer, imported2, &buffer),
            CUDA_SUCCESS);
  EXPECT_EQ(*reinterpret_cast<unsigned *>(mappedBuffer), 0xabcd1234u);
  buffer.size = size;
  EXPECT_EQ(cuExternalMemoryGetMappedBuffer(&mappedBuffer, imported2, &buffer),
            CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuDestroyExternalMemory(imported2), CUDA_SUCCESS);
  EXPECT_EQ(cuDestroyExternalMemory(imported2), CUDA_ERROR_INVALID_HANDLE);

  CUmemGenericAllocationHandle retained;
  ASSERT_EQ(cuMemRetainAllocationHandle(&retained,
                                        reinterpret_cast<void *>(a + 8)),
            CUDA_SUCCESS);
  EXPECT_EQ(retained, physical);
  EXPECT_EQ(cuMemRelease(retained), CUDA_SUCCESS);

  EXPECT_EQ(cuMemAddressFree(a, size), CUDA_ERROR_INVALID_VALUE); // mapped
  EXPECT_EQ(cuMemUnmap(a, size), CUDA_SUCCESS);
  EXPECT_EQ(cuMemUnmap(b, size), CUDA_SUCCESS);
  EXPECT_EQ(cuMemsetD32(a, 0, 1), CUDA_ERROR_INVALID_VALUE); // unmapped
  EXPECT_EQ(cuMemRelease(physical), CUDA_SUCCESS);
  EXPECT_EQ(cuMemRelease(imported), CUDA_SUCCESS);
  EXPECT_EQ(cuMemRelease(physical), CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuMemAddressFree(a, size), CUDA_SUCCESS);
  EXPECT_EQ(cuMemAddressFree(b, size), CUDA_SUCCESS);
  close(fd);
}

TEST_F(CudaDriver, MemoryCopiesAndSets) {
  const size_t n = 1000;
  CUdeviceptr a = 0, b = 0;
  ASSERT_EQ(cuMemAlloc(&a, n * 4), CUDA_SUCCESS);
  ASSERT_EQ(cuMemAlloc(&b, n * 4), CUDA_SUCCESS);
  ASSERT_EQ(cuMemsetD32(a, 0xdeadbeef, n), CUDA_SUCCESS);
  ASSERT_EQ(cuMemcpyDtoD(b, a, n * 4), CUDA_SUCCESS);
  std::vector<unsigned> host(n);
  ASSERT_EQ(cuMemcpyDtoH(host.data(), b, n * 4), CUDA_SUCCESS);
  for (unsigned v : host)
    ASSERT_EQ(v, 0xdeadbeefu);

  std::vector<unsigned short> halves(n, 7);
  ASSERT_EQ(cuMemcpyHtoD(a, halves.data(), n * 2), CUDA_SUCCESS);
  ASSERT_EQ(cuMemsetD16Async(a + 2, 9, 3, nullptr), CUDA_SUCCESS);
  ASSERT_EQ(cuMemcpyDtoHAsync(halves.data(), a, 10, nullptr), CUDA_SUCCESS);
  ASSERT_EQ(cuCtxSynchronize(), CUDA_SUCCESS);
  EXPECT_EQ(halves[0], 7);
  EXPECT_EQ(halves[1], 9);
  EXPECT_EQ(halves[3], 9);
  EXPECT_EQ(halves[4], 7);

  CUdeviceptr base = 0;
  size_t size = 0;
  ASSERT_EQ(cuMemGetAddressRange(&base, &size, a + 100), CUDA_SUCCESS);
  EXPECT_EQ(base, a);
  EXPECT_EQ(size, n * 4);
  int local = 0;
  EXPECT_EQ(cuMemGetAddressRange(&base, &size, CUdeviceptr(&local)),
            CUDA_ERROR_NOT_FOUND);

  EXPECT_EQ(cuMemcpyDtoH(host.data(), a, n * 4 + 1), CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuMemsetD32(a + 2, 0, 1), CUDA_ERROR_INVALID_VALUE); // misaligned
  EXPECT_EQ(cuMemAlloc(&a, 0), CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuMemFree(b), CUDA_SUCCESS);
  EXPECT_EQ(cuMemFree(b), CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuMemFree(a), CUDA_SUCCESS);
}

TEST_F(CudaDriver, PitchedCopiesMoveSubBlocks) {
  CUdeviceptr grid = 0;
  size_t pitch = 0;
  ASSERT_EQ(cuMemAllocPitch(&grid, &pitch, 6, 4, 4), CUDA_SUCCESS);
  EXPECT_GE(pitch, 6u);
  EXPECT_EQ(cuMemAllocPitch(&grid, &pitch, 6, 4, 3), CUDA_ERROR_INVALID_VALUE);
  ASSERT_EQ(cuMemsetD2D8(grid, pitch, 1, 6, 4), CUDA_SUCCESS);

  unsigned char block[2][3] = {{10, 11, 12}, {20, 21, 22}};
  CUDA_MEMCPY2D in;
  std::memset(&in, 0, sizeof in);
  in.srcMemoryType = CU_MEMORYTYPE_HOST;
  in.srcHost = block;
  in.srcPitch = 3;
  in.dstMemoryType = CU_MEMORYTYPE_DEVICE;
  in.dstDevice = grid;
  in.dstPitch = pitch;
  in.dstXInBytes = 2;
  in.dstY = 1;
  in.WidthInBytes = 3;
  in.Height = 2;
  ASSERT_EQ(cuMemcpy2D(&in), CUDA_SUCCESS);

  unsigned char out[4][6];
  CUDA_MEMCPY2D back;
  std::memset(&back, 0, sizeof back);
  back.srcMemoryType = CU_MEMORYTYPE_DEVICE;
  back.srcDevice = grid;
  back.srcPitch = pitch;
  back.dstMemoryType = CU_MEMORYTYPE_HOST;
  back.dstHost = out;
  back.dstPitch = 6;
  back.WidthInBytes = 6;
  back.Height = 4;
  ASSERT_EQ(cuMemcpy2DAsync(&back, nullptr), CUDA_SUCCESS);
  ASSERT_EQ(cuCtxSynchronize(), CUDA_SUCCESS);
  EXPECT_EQ(out[0][0], 1);
  EXPECT_EQ(out[1][2], 10);
  EXPECT_EQ(out[2][4], 22);
  EXPECT_EQ(out[3][5], 1);

  back.srcMemoryType = CU_MEMORYTYPE_ARRAY; // with no array
  EXPECT_EQ(cuMemcpy2D(&back), CUDA_ERROR_INVALID_HANDLE);
  back.srcMemoryType = CU_MEMORYTYPE_DEVICE;
  back.dstPitch = 2; // narrower than a row
  EXPECT_EQ(cuMemcpy2D(&back), CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuMemFree(grid), CUDA_SUCCESS);
}

TEST_F(CudaDriver, HostMemoryAndPointerAttributes) {
  void *pinned = nullptr;
  ASSERT_EQ(cuMemHostAlloc(&pinned, 256, CU_MEMHOSTALLOC_DEVICEMAP),
            CUDA_SUCCESS);
  CUdeviceptr mapped = 0;
  ASSERT_EQ(cuMemHostGetDevicePointer(&mapped, pinned, 0), CUDA_SUCCESS);
  EXPECT_EQ(mapped, CUdeviceptr(pinned));
  unsigned flags = 0;
  ASSERT_EQ(cuMemHostGetFlags(&flags, pinned), CUDA_SUCCESS);
  EXPECT_TRUE(flags & CU_MEMHOSTALLOC_DEVICEMAP);

  unsigned type = 0;
  ASSERT_EQ(cuPointerGetAttribute(&type, CU_POINTER_ATTRIBUTE_MEMORY_TYPE,
                                  CUdeviceptr(pinned)),
            CUDA_SUCCESS);
  EXPECT_EQ(type, unsigned(CU_MEMORYTYPE_HOST));

  CUdeviceptr managed = 0;
  ASSERT_EQ(cuMemAllocManaged(&managed, 64, CU_MEM_ATTACH_GLOBAL),
            CUDA_SUCCESS);
  int isManaged = 0, ordinal = -1;
  CUpointer_attribute which[] = {CU_POINTER_ATTRIBUTE_IS_MANAGED,
                                 CU_POINTER_ATTRIBUTE_DEVICE_ORDINAL};
  void *data[] = {&isManaged, &ordinal};
  ASSERT_EQ(cuPointerGetAttributes(2, which, data, managed + 8), CUDA_SUCCESS);
  EXPECT_EQ(isManaged, 1);
  EXPECT_EQ(ordinal, 0);
  EXPECT_EQ(cuMemPrefetchAsync(managed, 64, device, nullptr), CUDA_SUCCESS);
  EXPECT_EQ(cuMemAdvise(managed, 64, CU_MEM_ADVISE_SET_READ_MOSTLY, device),
            CUDA_SUCCESS);
  EXPECT_EQ(cuMemPrefetchAsync(CUdeviceptr(pinned), 64, device, nullptr),
            CUDA_ERROR_INVALID_VALUE);

  // Memory CUDA never saw: an error for one attribute, blanks for several.
  int local = 0;
  EXPECT_EQ(cuPointerGetAttribute(&type, CU_POINTER_ATTRIBUTE_MEMORY_TYPE,
                                  CUdeviceptr(&local)),
            CUDA_ERROR_INVALID_VALUE);
  ASSERT_EQ(cuPointerGetAttributes(2, which, data, CUdeviceptr(&local)),
            CUDA_SUCCESS);
  EXPECT_EQ(isManaged, 0);

  std::vector<char> buffer(4096);
  ASSERT_EQ(cuMemHostRegister(buffer.data(), buffer.size(), 0), CUDA_SUCCESS);
  EXPECT_EQ(cuMemHostRegister(buffer.data() + 8, 8, 0),
            CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED);
  EXPECT_EQ(cuMemHostUnregister(buffer.data()), CUDA_SUCCESS);
  EXPECT_EQ(cuMemHostUnregister(buffer.data()),
            CUDA_ERROR_HOST_MEMORY_NOT_REGISTERED);

  EXPECT_EQ(cuMemFree(CUdeviceptr(pinned)), CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuMemFreeHost(pinned), CUDA_SUCCESS);
  EXPECT_EQ(cuMemFree(managed), CUDA_SUCCESS);
}

void CUDA_CB waitForGate(void *gate) {
  while (!static_cast<std::atomic<bool> *>(gate)->load())
    std::this_thread::sleep_for(std::chrono::microseconds(50));
}

TEST_F(CudaDriver, ContextEventsCoverEveryStream) {
  std::atomic<bool> gate{false};
  CUstream busy = nullptr;
  ASSERT_EQ(cuStreamCreate(&busy, CU_STREAM_NON_BLOCKING), CUDA_SUCCESS);
  ASSERT_EQ(cuLaunchHostFunc(busy, waitForGate, &gate), CUDA_SUCCESS);

  // The context's event waits for the non-blocking stream's work too.
  CUevent all = nullptr;
  ASSERT_EQ(cuEventCreate(&all, CU_EVENT_DEFAULT), CUDA_SUCCESS);
  ASSERT_EQ(cuCtxRecordEvent(primary, all), CUDA_SUCCESS);
  EXPECT_EQ(cuEventQuery(all), CUDA_ERROR_NOT_READY);

  // Work on a stream created after cuCtxWaitEvent still waits for it.
  ASSERT_EQ(cuCtxWaitEvent(nullptr, all), CUDA_SUCCESS);
  CUstream later = nullptr;
  ASSERT_EQ(cuStreamCreate(&later, CU_STREAM_NON_BLOCKING), CUDA_SUCCESS);
  std::atomic<int> done{0};
  ASSERT_EQ(cuLaunchHostFunc(later, markDone, &done), CUDA_SUCCESS);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(done.load(), 0);
  gate = true;
  ASSERT_EQ(cuStreamSynchronize(later), CUDA_SUCCESS);
  EXPECT_EQ(done.load(), 1);
  EXPECT_EQ(cuEventQuery(all), CUDA_SUCCESS);

  // The event must be the context's; capture forbids a context record.
  CUcontext other = nullptr;
  ASSERT_EQ(cuCtxCreate(&other, 0, device), CUDA_SUCCESS);
  CUevent foreign = nullptr;
  ASSERT_EQ(cuEventCreate(&foreign, CU_EVENT_DEFAULT), CUDA_SUCCESS);
  EXPECT_EQ(cuCtxRecordEvent(primary, foreign), CUDA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(cuCtxWaitEvent(primary, foreign), CUDA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(cuEventDestroy(foreign), CUDA_SUCCESS);
  ASSERT_EQ(cuCtxDestroy(other), CUDA_SUCCESS);
  EXPECT_EQ(cuCtxRecordEvent(other, all), CUDA_ERROR_INVALID_CONTEXT);
  EXPECT_EQ(cuCtxRecordEvent(primary, nullptr), CUDA_ERROR_INVALID_HANDLE);
  ASSERT_EQ(cuStreamBeginCapture(later, CU_STREAM_CAPTURE_MODE_RELAXED),
            CUDA_SUCCESS);
  EXPECT_EQ(cuCtxRecordEvent(primary, all),
            CUDA_ERROR_STREAM_CAPTURE_UNSUPPORTED);
  CUgraph graph = nullptr;
  ASSERT_EQ(cuStreamEndCapture(later, &graph), CUDA_SUCCESS);
  EXPECT_EQ(cuGraphDestroy(graph), CUDA_SUCCESS);

  EXPECT_EQ(cuEventDestroy(all), CUDA_SUCCESS);
  EXPECT_EQ(cuStreamDestroy(busy), CUDA_SUCCESS);
  EXPECT_EQ(cuStreamDestroy(later), CUDA_SUCCESS);
}

TEST_F(CudaDriver, AttachCountsUsesAndTheLastDetachDestroys) {
  CUcontext attached = nullptr;
  ASSERT_EQ(cuCtxAttach(&attached, 0), CUDA_SUCCESS);
  EXPECT_EQ(attached, primary);
  EXPECT_EQ(cuCtxAttach(&attached, 1), CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuCtxDetach(primary), CUDA_SUCCESS);

  CUcontext created = nullptr;
  ASSERT_EQ(cuCtxCreate(&created, 0, device), CUDA_SUCCESS); // now current
  ASSERT_EQ(cuCtxAttach(&attached, 0), CUDA_SUCCESS);
  EXPECT_EQ(attached, created);
  EXPECT_EQ(cuCtxDetach(primary), CUDA_ERROR_INVALID_CONTEXT); // not current
  EXPECT_EQ(cuCtxDetach(created), CUDA_SUCCESS); // the attach
  unsigned version = 0;
  EXPECT_EQ(cuCtxGetApiVersion(created, &version), CUDA_SUCCESS);
  EXPECT_EQ(cuCtxDetach(created), CUDA_SUCCESS); // the creator's: destroyed
  EXPECT_EQ(cuCtxGetApiVersion(created, &version), CUDA_ERROR_INVALID_CONTEXT);
  CUcontext current = nullptr;
  ASSERT_EQ(cuCtxGetCurrent(&current), CUDA_SUCCESS);
  EXPECT_EQ(current, primary);
}

TEST_F(CudaDriver, RangeAttributesReplayAdviceAndPrefetches) {
  const size_t page = 4096;
  CUdeviceptr managed = 0;
  ASSERT_EQ(cuMemAllocManaged(&managed, 4 * page, CU_MEM_ATTACH_GLOBAL),
            CUDA_SUCCESS);
  ASSERT_EQ(cuMemAdvise(managed, 4 * page, CU_MEM_ADVISE_SET_READ_MOSTLY,
                        device),
            CUDA_SUCCESS);
  ASSERT_EQ(cuMemAdvise(managed, 2 * page,
                        CU_MEM_ADVISE_SET_PREFERRED_LOCATION, device),
            CUDA_SUCCESS);
  ASSERT_EQ(cuMemAdvise(managed, 4 * page, CU_MEM_ADVISE_SET_ACCESSED_BY,
                        CU_DEVICE_CPU),
            CUDA_SUCCESS);
  ASSERT_EQ(cuMemAdvise(managed + page, page, CU_MEM_ADVISE_SET_ACCESSED_BY,
                        device),
            CUDA_SUCCESS);
  ASSERT_EQ(cuMemPrefetchAsync(managed, 4 * page, CU_DEVICE_CPU, nullptr),
            CUDA_SUCCESS);

  auto one = [&](CUmem_range_attribute attribute, CUdeviceptr at,
                 size_t bytes) {
    int value = 99;
    EXPECT_EQ(cuMemRangeGetAttribute(&value, 4, attribute, at, bytes),
              CUDA_SUCCESS);
    return value;
  };
  EXPECT_EQ(one(CU_MEM_RANGE_ATTRIBUTE_READ_MOSTLY, managed, 4 * page), 1);
  EXPECT_EQ(one(CU_MEM_RANGE_ATTRIBUTE_PREFERRED_LOCATION, managed, 4 * page),
            CU_DEVICE_INVALID); // the halves disagree
  EXPECT_EQ(one(CU_MEM_RANGE_ATTRIBUTE_PREFERRED_LOCATION, managed, page),
            device);
  EXPECT_EQ(one(CU_MEM_RANGE_ATTRIBUTE_PREFERRED_LOCATION_TYPE, managed, page),
            CU_MEM_LOCATION_TYPE_DEVICE);
  EXPECT_EQ(one(CU_MEM_RANGE_ATTRIBUTE_LAST_PREFETCH_LOCATION, managed + page,
                page),
            CU_DEVICE_CPU);
  ASSERT_EQ(cuMemAdvise(managed + 3 * page, page,
                        CU_MEM_ADVISE_UNSET_READ_MOSTLY, device),
            CUDA_SUCCESS);
  EXPECT_EQ(one(CU_MEM_RANGE_ATTRIBUTE_READ_MOSTLY, managed, 4 * page), 0);
  EXPECT_EQ(one(CU_MEM_RANGE_ATTRIBUTE_READ_MOSTLY, managed, 3 * page), 1);

  // AccessedBy: the devices advised for the whole range, then -2s.
  int devices[3] = {7, 7, 7};
  ASSERT_EQ(cuMemRangeGetAttribute(devices, sizeof devices,
                                   CU_MEM_RANGE_ATTRIBUTE_ACCESSED_BY,
                                   managed + page, page),
            CUDA_SUCCESS);
  EXPECT_EQ(devices[0], CU_DEVICE_CPU);
  EXPECT_EQ(devices[1], device);
  EXPECT_EQ(devices[2], CU_DEVICE_INVALID);
  ASSERT_EQ(cuMemRangeGetAttribute(devices, sizeof devices,
                                   CU_MEM_RANGE_ATTRIBUTE_ACCESSED_BY, managed,
                                   2 * page),
            CUDA_SUCCESS);
  EXPECT_EQ(devices[0], CU_DEVICE_CPU);
  EXPECT_EQ(devices[1], CU_DEVICE_INVALID);

  // Several at once.
  int readMostly = -1, prefetch = -1;
  void *data[] = {&readMostly, &prefetch};
  size_t sizes[] = {4, 4};
  CUmem_range_attribute which[] = {CU_MEM_RANGE_ATTRIBUTE_READ_MOSTLY,
                                   CU_MEM_RANGE_ATTRIBUTE_LAST_PREFETCH_LOCATION};
  ASSERT_EQ(cuMemRangeGetAttributes(data, sizes, which, 2, managed, page),
            CUDA_SUCCESS);
  EXPECT_EQ(readMostly, 1);
  EXPECT_EQ(prefetch, CU_DEVICE_CPU);

  // Misuse: sizes, attributes, ranges that are not managed memory.
  int value = 0;
  EXPECT_EQ(cuMemRangeGetAttribute(&value, 3,
                                   CU_MEM_RANGE_ATTRIBUTE_READ_MOSTLY, managed,
                                   page),
            CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuMemRangeGetAttribute(&value, 4, CUmem_range_attribute(42),
                                   managed, page),
            CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuMemRangeGetAttribute(&value, 4,
                                   CU_MEM_RANGE_ATTRIBUTE_READ_MOSTLY, managed,
                                   5 * page),
            CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuMemRangeGetAttribute(nullptr, 4,
                                   CU_MEM_RANGE_ATTRIBUTE_READ_MOSTLY, managed,
                                   page),
            CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuMemAdvise(managed, page, CUmem_advise(9), device),
            CUDA_ERROR_INVALID_VALUE);
  CUdeviceptr plain = 0;
  ASSERT_EQ(cuMemAlloc(&plain, page), CUDA_SUCCESS);
  EXPECT_EQ(cuMemRangeGetAttribute(&value, 4,
                                   CU_MEM_RANGE_ATTRIBUTE_READ_MOSTLY, plain,
                                   page),
            CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuMemFree(plain), CUDA_SUCCESS);

  // Freed memory takes its advice with it.
  ASSERT_EQ(cuMemFree(managed), CUDA_SUCCESS);
  ASSERT_EQ(cuMemAllocManaged(&managed, 4 * page, CU_MEM_ATTACH_GLOBAL),
            CUDA_SUCCESS);
  EXPECT_EQ(one(CU_MEM_RANGE_ATTRIBUTE_READ_MOSTLY, managed, 4 * page), 0);
  EXPECT_EQ(one(CU_MEM_RANGE_ATTRIBUTE_LAST_PREFETCH_LOCATION, managed, page),
            CU_DEVICE_INVALID);
  EXPECT_EQ(cuMemFree(managed), CUDA_SUCCESS);
}

TEST_F(CudaDriver, TextureAndSurfaceObjectsKeepTheirDescriptors) {
  CUDA_ARRAY3D_DESCRIPTOR ad{};
  ad.Width = 8;
  ad.Height = 4;
  ad.Format = CU_AD_FORMAT_UNSIGNED_INT8;
  ad.NumChannels = 4;
  CUarray plain = nullptr, storable = nullptr;
  ASSERT_EQ(cuArray3DCreate(&plain, &ad), CUDA_SUCCESS);
  ad.Flags = CUDA_ARRAY3D_SURFACE_LDST;
  ASSERT_EQ(cuArray3DCreate(&storable, &ad), CUDA_SUCCESS);

  CUDA_RESOURCE_DESC res{};
  res.resType = CU_RESOURCE_TYPE_ARRAY;
  res.res.array.hArray = plain;
  CUDA_TEXTURE_DESC td{};
  td.addressMode[0] = CU_TR_ADDRESS_MODE_BORDER;
  td.filterMode = CU_TR_FILTER_MODE_LINEAR;
  td.flags = CU_TRSF_NORMALIZED_COORDINATES; // no READ_AS_INTEGER
  td.borderColor[2] = 0.5f;
  CUDA_RESOURCE_VIEW_DESC view{};
  view.format = CU_RES_VIEW_FORMAT_NONE;
  view.width = 8;
  view.height = 4;
  CUtexObject tex = 0;
  ASSERT_EQ(cuTexObjectCreate(&tex, &res, &td, &view), CUDA_SUCCESS);
  // What kernels read: the driver's default is a normalised read.
  const auto *t = reinterpret_cast<const __lingqu_texture *>(tex);
  EXPECT_EQ(t->normalizedFloat, 1);
  EXPECT_EQ(t->normalizedCoords, 1);
  EXPECT_EQ(t->elementBytes, 4u);
  EXPECT_EQ(t->dims, 2u);

  CUDA_RESOURCE_DESC gotRes{};
  ASSERT_EQ(cuTexObjectGetResourceDesc(&gotRes, tex), CUDA_SUCCESS);
  EXPECT_EQ(gotRes.resType, CU_RESOURCE_TYPE_ARRAY);
  EXPECT_EQ(gotRes.res.array.hArray, plain);
  CUDA_TEXTURE_DESC gotTex{};
  ASSERT_EQ(cuTexObjectGetTextureDesc(&gotTex, tex), CUDA_SUCCESS);
  EXPECT_EQ(gotTex.flags, unsigned(CU_TRSF_NORMALIZED_COORDINATES));
  EXPECT_EQ(gotTex.addressMode[0], CU_TR_ADDRESS_MODE_BORDER);
  EXPECT_EQ(gotTex.filterMode, CU_TR_FILTER_MODE_LINEAR);
  EXPECT_EQ(gotTex.borderColor[2], 0.5f);
  CUDA_RESOURCE_VIEW_DESC gotView{};
  ASSERT_EQ(cuTexObjectGetResourceViewDesc(&gotView, tex), CUDA_SUCCESS);
  EXPECT_EQ(gotView.width, 8u);
  EXPECT_EQ(gotView.height, 4u);

  // Misuse: flags, formats Lingqu cannot view, dead handles.
  res.flags = 1;
  CUtexObject bad = 0;
  EXPECT_EQ(cuTexObjectCreate(&bad, &res, &td, nullptr),
            CUDA_ERROR_INVALID_VALUE);
  res.flags = 0;
  view.format = CU_RES_VIEW_FORMAT_FLOAT_1X32;
  EXPECT_EQ(cuTexObjectCreate(&bad, &res, &td, &view),
            CUDA_ERROR_NOT_SUPPORTED);
  EXPECT_EQ(cuTexObjectCreate(&bad, &res, nullptr, nullptr),
            CUDA_ERROR_INVALID_VALUE);
  CUsurfObject surf = 0;
  EXPECT_EQ(cuSurfObjectCreate(&surf, &res), CUDA_ERROR_INVALID_VALUE);
  res.res.array.hArray = storable;
  ASSERT_EQ(cuSurfObjectCreate(&surf, &res), CUDA_SUCCESS);
  ASSERT_EQ(cuSurfObjectGetResourceDesc(&gotRes, surf), CUDA_SUCCESS);
  EXPECT_EQ(gotRes.res.array.hArray, storable);
  EXPECT_EQ(cuTexObjectGetResourceDesc(&gotRes, surf),
            CUDA_ERROR_INVALID_HANDLE); // a surface is not a texture

  EXPECT_EQ(cuSurfObjectDestroy(surf), CUDA_SUCCESS);
  EXPECT_EQ(cuSurfObjectDestroy(surf), CUDA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(cuTexObjectDestroy(tex), CUDA_SUCCESS);
  EXPECT_EQ(cuTexObjectGetTextureDesc(&gotTex, tex), CUDA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(cuArrayDestroy(plain), CUDA_SUCCESS);
  res.res.array.hArray = plain; // destroyed
  EXPECT_EQ(cuTexObjectCreate(&bad, &res, &td, nullptr),
            CUDA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(cuArrayDestroy(storable), CUDA_SUCCESS);
}

TEST_F(CudaDriver, TextureReferencesKeepWhatIsSet) {
  CUtexref ref = nullptr;
  ASSERT_EQ(cuTexRefCreate(&ref), CUDA_SUCCESS);
  CUarray_format format;
  int channels = 0;
  ASSERT_EQ(cuTexRefGetFormat(&format, &channels, ref), CUDA_SUCCESS);
  EXPECT_EQ(format, CU_AD_FORMAT_FLOAT);
  EXPECT_EQ(channels, 1);
  CUarray none = nullptr;
  EXPECT_EQ(cuTexRefGetArray(&none, ref), CUDA_ERROR_INVALID_VALUE);

  // Bound to an array: the array's format comes with it.
  CUDA_ARRAY_DESCRIPTOR ad{};
  ad.Width = 16;
  ad.Height = 2;
  ad.Format = CU_AD_FORMAT_SIGNED_INT16;
  ad.NumChannels = 2;
  CUarray array = nullptr;
  ASSERT_EQ(cuArrayCreate(&array, &ad), CUDA_SUCCESS);
  EXPECT_EQ(cuTexRefSetArray(ref, array, 0), CUDA_ERROR_INVALID_VALUE);
  ASSERT_EQ(cuTexRefSetArray(ref, array, CU_TRSA_OVERRIDE_FORMAT),
            CUDA_SUCCESS);
  CUarray bound = nullptr;
  ASSERT_EQ(cuTexRefGetArray(&bound, ref), CUDA_SUCCESS);
  EXPECT_EQ(bound, array);
  ASSERT_EQ(cuTexRefGetFormat(&format, &channels, ref), CUDA_SUCCESS);
  EXPECT_EQ(format, CU_AD_FORMAT_SIGNED_INT16);
  EXPECT_EQ(channels, 2);

  // Bound to linear memory: the offset to the texture alignment comes back.
  CUdeviceptr memory = 0;
  ASSERT_EQ(cuMemAlloc(&memory, 4096), CUDA_SUCCESS);
  size_t offset = 99;
  ASSERT_EQ(cuTexRefSetAddress(&offset, ref, memory + 8, 1024), CUDA_SUCCESS);
  EXPECT_EQ(offset, 8u);
  CUdeviceptr address = 0;
  ASSERT_EQ(cuTexRefGetAddress(&address, ref), CUDA_SUCCESS);
  EXPECT_EQ(address, memory + 8);
  EXPECT_EQ(cuTexRefGetArray(&bound, ref), CUDA_ERROR_INVALID_VALUE);
  ad.Width = 8;
  EXPECT_EQ(cuTexRefSetAddress2D(ref, &ad, memory, 40),
            CUDA_ERROR_INVALID_VALUE); // pitch not a multiple of 32
  ASSERT_EQ(cuTexRefSetAddress2D(ref, &ad, memory, 64), CUDA_SUCCESS);

  // Sampling state round-trips.
  ASSERT_EQ(cuTexRefSetAddressMode(ref, 2, CU_TR_ADDRESS_MODE_MIRROR),
            CUDA_SUCCESS);
  EXPECT_EQ(cuTexRefSetAddressMode(ref, 3, CU_TR_ADDRESS_MODE_MIRROR),
            CUDA_ERROR_INVALID_VALUE);
  CUaddress_mode mode;
  ASSERT_EQ(cuTexRefGetAddressMode(&mode, ref, 2), CUDA_SUCCESS);
  EXPECT_EQ(mode, CU_TR_ADDRESS_MODE_MIRROR);
  ASSERT_EQ(cuTexRefSetFilterMode(ref, CU_TR_FILTER_MODE_LINEAR),
            CUDA_SUCCESS);
  CUfilter_mode filter;
  ASSERT_EQ(cuTexRefGetFilterMode(&filter, ref), CUDA_SUCCESS);
  EXPECT_EQ(filter, CU_TR_FILTER_MODE_LINEAR);
  ASSERT_EQ(cuTexRefSetMipmapFilterMode(ref, CU_TR_FILTER_MODE_LINEAR),
            CUDA_SUCCESS);
  ASSERT_EQ(cuTexRefGetMipmapFilterMode(&filter, ref), CUDA_SUCCESS);
  EXPECT_EQ(filter, CU_TR_FILTER_MODE_LINEAR);
  ASSERT_EQ(cuTexRefSetMipmapLevelBias(ref, 0.25f), CUDA_SUCCESS);
  ASSERT_EQ(cuTexRefSetMipmapLevelClamp(ref, 1.0f, 3.0f), CUDA_SUCCESS);
  float bias = 0, lo = 0, hi = 0;
  ASSERT_EQ(cuTexRefGetMipmapLevelBias(&bias, ref), CUDA_SUCCESS);
  ASSERT_EQ(cuTexRefGetMipmapLevelClamp(&lo, &hi, ref), CUDA_SUCCESS);
  EXPECT_EQ(bias, 0.25f);
  EXPECT_EQ(lo, 1.0f);
  EXPECT_EQ(hi, 3.0f);
  ASSERT_EQ(cuTexRefSetMaxAnisotropy(ref, 8), CUDA_SUCCESS);
  int aniso = 0;
  ASSERT_EQ(cuTexRefGetMaxAnisotropy(&aniso, ref), CUDA_SUCCESS);
  EXPECT_EQ(aniso, 8);
  float border[4] = {1, 2, 3, 4}, gotBorder[4] = {};
  ASSERT_EQ(cuTexRefSetBorderColor(ref, border), CUDA_SUCCESS);
  ASSERT_EQ(cuTexRefGetBorderColor(gotBorder, ref), CUDA_SUCCESS);
  EXPECT_EQ(gotBorder[3], 4.0f);
  ASSERT_EQ(cuTexRefSetFlags(ref, CU_TRSF_NORMALIZED_COORDINATES),
            CUDA_SUCCESS);
  EXPECT_EQ(cuTexRefSetFlags(ref, 0x100), CUDA_ERROR_INVALID_VALUE);
  unsigned flags = 0;
  ASSERT_EQ(cuTexRefGetFlags(&flags, ref), CUDA_SUCCESS);
  EXPECT_EQ(flags, unsigned(CU_TRSF_NORMALIZED_COORDINATES));
  EXPECT_EQ(cuTexRefSetFormat(ref, CU_AD_FORMAT_FLOAT, 3),
            CUDA_ERROR_INVALID_VALUE);
  CUmipmappedArray mipmapped = nullptr;
  EXPECT_EQ(cuTexRefGetMipmappedArray(&mipmapped, ref),
            CUDA_ERROR_INVALID_VALUE);

  ASSERT_EQ(cuTexRefDestroy(ref), CUDA_SUCCESS);
  EXPECT_EQ(cuTexRefDestroy(ref), CUDA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(cuTexRefGetFlags(&flags, ref), CUDA_ERROR_INVALID_HANDLE);
  EXPECT_EQ(cuMemFree(memory), CUDA_SUCCESS);
  EXPECT_EQ(cuArrayDestroy(array), CUDA_SUCCESS);
}

TEST_F(CudaDriver, IpcHandlesDoNotOpenInTheirOwnProcess) {
  CUevent plain = nullptr, shared = nullptr;
  ASSERT_EQ(cuEventCreate(&plain, CU_EVENT_DEFAULT), CUDA_SUCCESS);
  CUipcEventHandle eventHandle;
  EXPECT_EQ(cuIpcGetEventHandle(&eventHandle, plain),
            CUDA_ERROR_INVALID_HANDLE);
  ASSERT_EQ(cuEventCreate(&shared,
                          CU_EVENT_INTERPROCESS | CU_EVENT_DISABLE_TIMING),
            CUDA_SUCCESS);
  ASSERT_EQ(cuIpcGetEventHandle(&eventHandle, shared), CUDA_SUCCESS);
  CUevent opened = nullptr;
  EXPECT_EQ(cuIpcOpenEventHandle(&opened, eventHandle),
            CUDA_ERROR_INVALID_CONTEXT);
  std::memset(&eventHandle, 0, sizeof eventHandle);
  EXPECT_EQ(cuIpcOpenEventHandle(&opened, eventHandle),
            CUDA_ERROR_INVALID_HANDLE);
  // Recorded and waited on like any event.
  ASSERT_EQ(cuEventRecord(shared, nullptr), CUDA_SUCCESS);
  ASSERT_EQ(cuStreamWaitEvent(nullptr, shared, 0), CUDA_SUCCESS);
  ASSERT_EQ(cuEventSynchronize(shared), CUDA_SUCCESS);
  EXPECT_EQ(cuEventQuery(shared), CUDA_SUCCESS);

  CUdeviceptr memory = 0;
  ASSERT_EQ(cuMemAlloc(&memory, 100), CUDA_SUCCESS);
  CUipcMemHandle memHandle;
  ASSERT_EQ(cuIpcGetMemHandle(&memHandle, memory), CUDA_SUCCESS);
  CUdeviceptr self = 0;
  EXPECT_EQ(cuIpcOpenMemHandle(&self, memHandle,
                               CU_IPC_MEM_LAZY_ENABLE_PEER_ACCESS),
            CUDA_ERROR_INVALID_CONTEXT);
  EXPECT_EQ(cuIpcCloseMemHandle(memory), CUDA_ERROR_INVALID_VALUE);
  EXPECT_EQ(cuMemsetD8(memory, 7, 100), CUDA_SUCCESS); // still usable
  EXPECT_EQ(cuMemFree(memory), CUDA_SUCCESS);
  EXPECT_EQ(cuEventDestroy(plain), CUDA_SUCCESS);
  EXPECT_EQ(cuEventDestroy(shared), CUDA_SUCCESS);
}

TEST(CudaDriverInit, EverythingButInitNeedsNothingCurrentToFail) {
  // cuInit has run in this process (other tests); with no context current
  // on a fresh thread, context-bound calls say so.
  ASSERT_EQ(cuInit(0), CUDA_SUCCESS);
  std::thread([] {
    CUdeviceptr p = 0;
    EXPECT_EQ(cuMemAlloc(&p, 16), CUDA_ERROR_INVALID_CONTEXT);
    CUstream s = nullptr;
    EXPECT_EQ(cuStreamCreate(&s, 0), CUDA_ERROR_INVALID_CONTEXT);
    size_t freeBytes = 0, total = 0;
    EXPECT_EQ(cuMemGetInfo(&freeBytes, &total), CUDA_ERROR_INVALID_CONTEXT);
  }).join();
}

} // namespace
