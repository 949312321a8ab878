//===- CudartMemoryFamiliesTest.cpp - Pinned, managed, pitched memory -----===//
//
// The runtime API's allocation families, their pointer attributes and 2D
// and 3D copies and sets, with the errors CUDA returns for misuse; and the
// runtime and driver sharing one context.

#include <cstring>
#include <thread>
#include <vector>

#include "cuda.h"
#include "cuda_runtime_api.h"
#include "driver_functions.h"
#include "gtest/gtest.h"

namespace {

TEST(CudartMemoryFamilies, PinnedMemoryIsMappedAndFreedByItsOwnCall) {
  void *pinned = nullptr;
  ASSERT_EQ(cudaMallocHost(&pinned, 128), cudaSuccess);
  void *device = nullptr;
  ASSERT_EQ(cudaHostGetDevicePointer(&device, pinned, 0), cudaSuccess);
  EXPECT_EQ(device, pinned);
  unsigned flags = 0;
  ASSERT_EQ(cudaHostGetFlags(&flags, pinned), cudaSuccess);
  EXPECT_TRUE(flags & cudaHostAllocMapped);
  EXPECT_EQ(cudaHostGetDevicePointer(&device, pinned, 1),
            cudaErrorInvalidValue);
  int local = 0;
  EXPECT_EQ(cudaHostGetDevicePointer(&device, &local, 0),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaHostAlloc(&pinned, 8, 0x80), cudaErrorInvalidValue);
  EXPECT_EQ(cudaFree(pinned), cudaErrorInvalidValue);
  EXPECT_EQ(cudaFreeHost(pinned), cudaSuccess);
  EXPECT_EQ(cudaFreeHost(pinned), cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(CudartMemoryFamilies, RegisteredMemoryCannotOverlap) {
  std::vector<char> buffer(1024);
  ASSERT_EQ(cudaHostRegister(buffer.data(), buffer.size(),
                             cudaHostRegisterMapped),
            cudaSuccess);
  EXPECT_EQ(cudaHostRegister(buffer.data() + 100, 10, 0),
            cudaErrorHostMemoryAlreadyRegistered);
  cudaPointerAttributes a;
  ASSERT_EQ(cudaPointerGetAttributes(&a, buffer.data() + 5), cudaSuccess);
  EXPECT_EQ(a.type, cudaMemoryTypeHost);
  EXPECT_EQ(a.hostPointer, buffer.data() + 5);
  EXPECT_EQ(cudaHostUnregister(buffer.data()), cudaSuccess);
  EXPECT_EQ(cudaHostUnregister(buffer.data()),
            cudaErrorHostMemoryNotRegistered);
  ASSERT_EQ(cudaPointerGetAttributes(&a, buffer.data()), cudaSuccess);
  EXPECT_EQ(a.type, cudaMemoryTypeUnregistered);
  cudaGetLastError();
}

TEST(CudartMemoryFamilies, ManagedMemoryNeedsValidFlagsAndRanges) {
  int *managed = nullptr;
  EXPECT_EQ(cudaMallocManaged((void **)&managed, 0, cudaMemAttachGlobal),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaMallocManaged((void **)&managed, 64, 0),
            cudaErrorInvalidValue);
  ASSERT_EQ(cudaMallocManaged((void **)&managed, 64, cudaMemAttachGlobal),
            cudaSuccess);
  managed[3] = 42; // host-accessible at once
  EXPECT_EQ(cudaMemPrefetchAsync(managed, 64, 0, nullptr), cudaSuccess);
  EXPECT_EQ(cudaMemPrefetchAsync(managed, 64, cudaCpuDeviceId, nullptr),
            cudaSuccess);
  EXPECT_EQ(cudaMemPrefetchAsync(managed, 65, 0, nullptr),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemPrefetchAsync(managed, 64, 42, nullptr),
            cudaErrorInvalidDevice);
  EXPECT_EQ(cudaMemAdvise(managed, 64, cudaMemoryAdvise(99), 0),
            cudaErrorInvalidValue);
  cudaPointerAttributes a;
  ASSERT_EQ(cudaPointerGetAttributes(&a, managed), cudaSuccess);
  EXPECT_EQ(a.type, cudaMemoryTypeManaged);
  EXPECT_EQ(a.devicePointer, managed);
  EXPECT_EQ(managed[3], 42);

  // The advice and the last prefetch read back per range.
  ASSERT_EQ(cudaMemAdvise(managed, 32, cudaMemAdviseSetPreferredLocation, 0),
            cudaSuccess);
  int where = 99;
  ASSERT_EQ(cudaMemRangeGetAttribute(&where, sizeof where,
                                     cudaMemRangeAttributePreferredLocation,
                                     managed, 32),
            cudaSuccess);
  EXPECT_EQ(where, 0);
  ASSERT_EQ(cudaMemRangeGetAttribute(&where, sizeof where,
                                     cudaMemRangeAttributePreferredLocation,
                                     managed, 64),
            cudaSuccess);
  EXPECT_EQ(where, cudaInvalidDeviceId);
  int prefetched = 99, type = 99;
  void *data[] = {&prefetched, &type};
  size_t sizes[] = {4, 4};
  cudaMemRangeAttribute which[] = {
      cudaMemRangeAttributeLastPrefetchLocation,
      cudaMemRangeAttributeLastPrefetchLocationType};
  ASSERT_EQ(cudaMemRangeGetAttributes(data, sizes, which, 2, managed, 64),
            cudaSuccess);
  EXPECT_EQ(prefetched, cudaCpuDeviceId); // the later of the two prefetches
  EXPECT_EQ(type, cudaMemLocationTypeHost);
  EXPECT_EQ(cudaMemRangeGetAttributes(data, sizes, which, 0, managed, 64),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemRangeGetAttribute(&where, 8,
                                     cudaMemRangeAttributeReadMostly, managed,
                                     64),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaFree(managed), cudaSuccess);
  EXPECT_EQ(cudaMemRangeGetAttribute(&where, sizeof where,
                                     cudaMemRangeAttributeReadMostly, managed,
                                     64),
            cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(CudartMemoryFamilies, PitchedSetsAndCopiesKeepThePadding) {
  char *grid = nullptr;
  size_t pitch = 0;
  ASSERT_EQ(cudaMallocPitch((void **)&grid, &pitch, 10, 3), cudaSuccess);
  ASSERT_GE(pitch, 10u);
  ASSERT_EQ(cudaMemset(grid, 0, pitch * 3), cudaSuccess);
  ASSERT_EQ(cudaMemset2D(grid, pitch, 5, 4, 3), cudaSuccess);
  std::vector<char> host(pitch * 3);
  ASSERT_EQ(cudaMemcpy(host.data(), grid, host.size(), cudaMemcpyDeviceToHost),
            cudaSuccess);
  for (size_t y = 0; y < 3; ++y)
    for (size_t x = 0; x < 10; ++x)
      EXPECT_EQ(host[y * pitch + x], x < 4 ? 5 : 0) << x << "," << y;
  EXPECT_EQ(cudaMemset2D(grid, 2, 0, 4, 3), cudaErrorInvalidValue);
  EXPECT_EQ(cudaMemcpy2D(host.data(), 10, grid, pitch, 10, 4,
                         cudaMemcpyDeviceToHost),
            cudaErrorInvalidValue); // a fourth row is not allocated
  EXPECT_EQ(cudaFree(grid), cudaSuccess);

  cudaPitchedPtr volume;
  ASSERT_EQ(cudaMalloc3D(&volume, make_cudaExtent(8, 2, 2)), cudaSuccess);
  EXPECT_EQ(volume.xsize, 8u);
  EXPECT_EQ(volume.ysize, 2u);
  cudaMemcpy3DParms p;
  std::memset(&p, 0, sizeof p);
  p.dstPtr = volume;
  p.srcArray = reinterpret_cast<cudaArray_t>(1);
  p.extent = make_cudaExtent(8, 2, 2);
  p.kind = cudaMemcpyHostToDevice;
  EXPECT_EQ(cudaMemcpy3D(&p), cudaErrorInvalidResourceHandle); // no array
  EXPECT_EQ(cudaFree(volume.ptr), cudaSuccess);
  cudaGetLastError();
}

TEST(CudartMemoryFamilies, PeersAreEveryOtherDevice) {
  int count = 0, can = -1;
  ASSERT_EQ(cudaGetDeviceCount(&count), cudaSuccess);
  ASSERT_EQ(cudaDeviceCanAccessPeer(&can, 0, 0), cudaSuccess);
  EXPECT_EQ(can, 0);
  EXPECT_EQ(cudaDeviceCanAccessPeer(&can, 0, count), cudaErrorInvalidDevice);
  EXPECT_EQ(cudaDeviceEnablePeerAccess(0, 0), cudaErrorInvalidDevice);
  EXPECT_EQ(cudaDeviceDisablePeerAccess(0), cudaErrorPeerAccessNotEnabled);
  cudaGetLastError();
}

TEST(CudartMemoryFamilies, PropertiesAgreeWithAttributes) {
  cudaDeviceProp prop;
  ASSERT_EQ(cudaGetDeviceProperties(&prop, 0), cudaSuccess);
  int value = 0;
  ASSERT_EQ(cudaDeviceGetAttribute(&value, cudaDevAttrMultiProcessorCount, 0),
            cudaSuccess);
  EXPECT_EQ(prop.multiProcessorCount, value);
  EXPECT_EQ(prop.warpSize, 32);
  EXPECT_EQ(prop.maxThreadsPerBlock, 1024);
  EXPECT_EQ(prop.sharedMemPerBlock, 48u * 1024);
  EXPECT_EQ(prop.major * 10 + prop.minor, 80);
  EXPECT_EQ(prop.unifiedAddressing, 1);
  EXPECT_EQ(prop.managedMemory, 1);
  size_t freeBytes = 0, total = 0;
  ASSERT_EQ(cudaMemGetInfo(&freeBytes, &total), cudaSuccess);
  EXPECT_EQ(total, prop.totalGlobalMem);
  EXPECT_LE(freeBytes, total);
  EXPECT_EQ(cudaGetDeviceProperties(&prop, 99), cudaErrorInvalidDevice);
  EXPECT_EQ(cudaDeviceGetAttribute(&value, cudaDeviceAttr(0), 0),
            cudaErrorInvalidValue);
  cudaGetLastError();
}

TEST(CudartMemoryFamilies, StreamOrderedAllocationsCountInTheirPool) {
  cudaStream_t stream;
  ASSERT_EQ(cudaStreamCreate(&stream), cudaSuccess);
  cudaMemPool_t pool = nullptr, current = nullptr;
  ASSERT_EQ(cudaDeviceGetDefaultMemPool(&pool, 0), cudaSuccess);
  ASSERT_EQ(cudaDeviceGetMemPool(&current, 0), cudaSuccess);
  EXPECT_EQ(pool, current);
  unsigned long long zero = 0;
  ASSERT_EQ(cudaMemPoolSetAttribute(pool, cudaMemPoolAttrUsedMemHigh, &zero),
            cudaSuccess);

  int *data = nullptr;
  ASSERT_EQ(cudaMallocAsync((void **)&data, 1000 * sizeof(int), stream),
            cudaSuccess);
  ASSERT_EQ(cudaMemsetAsync(data, 0, 1000 * sizeof(int), stream), cudaSuccess);
  std::vector<int> host(1000, 7);
  ASSERT_EQ(cudaMemcpyAsync(host.data(), data, 1000 * sizeof(int),
                            cudaMemcpyDeviceToHost, stream),
            cudaSuccess);
  unsigned long long used = 0;
  ASSERT_EQ(cudaMemPoolGetAttribute(pool, cudaMemPoolAttrUsedMemCurrent,
                                    &used),
            cudaSuccess);
  EXPECT_GE(used, 1000 * sizeof(int));
  ASSERT_EQ(cudaFreeAsync(data, stream), cudaSuccess);
  EXPECT_EQ(cudaFreeAsync(data, stream), cudaErrorInvalidValue); // pending
  ASSERT_EQ(cudaStreamSynchronize(stream), cudaSuccess);
  EXPECT_EQ(host[999], 0);
  ASSERT_EQ(cudaMemPoolGetAttribute(pool, cudaMemPoolAttrUsedMemCurrent,
                                    &used),
            cudaSuccess);
  EXPECT_EQ(used, 0u);
  ASSERT_EQ(cudaMemPoolGetAttribute(pool, cudaMemPoolAttrUsedMemHigh, &used),
            cudaSuccess);
  EXPECT_GE(used, 1000 * sizeof(int));
  EXPECT_EQ(cudaFree(data), cudaErrorInvalidValue); // already freed
  EXPECT_EQ(cudaStreamDestroy(stream), cudaSuccess);
  cudaGetLastError();
}

TEST(CudartMemoryFamilies, CreatedPoolsServeAllocationsUntilDestroyed) {
  cudaMemPoolProps props;
  std::memset(&props, 0, sizeof props);
  props.allocType = cudaMemAllocationTypePinned;
  props.location.type = cudaMemLocationTypeDevice;
  props.location.id = 0;
  cudaMemPool_t pool = nullptr;
  ASSERT_EQ(cudaMemPoolCreate(&pool, &props), cudaSuccess);
  void *p = nullptr;
  ASSERT_EQ(cudaMallocFromPoolAsync(&p, 64, pool, nullptr), cudaSuccess);
  cudaMemAccessFlags flags;
  cudaMemLocation self = props.location;
  ASSERT_EQ(cudaMemPoolGetAccess(&flags, pool, &self), cudaSuccess);
  EXPECT_EQ(flags, cudaMemAccessFlagsProtReadWrite);
  cudaMemAccessDesc none = {self, cudaMemAccessFlagsProtNone};
  EXPECT_EQ(cudaMemPoolSetAccess(pool, &none, 1), cudaErrorInvalidValue);
  int invalid = 9;
  EXPECT_EQ(cudaMemPoolSetAttribute(pool, cudaMemPoolAttr(99), &invalid),
            cudaErrorInvalidValue);
  ASSERT_EQ(cudaDeviceSetMemPool(0, pool), cudaSuccess);
  ASSERT_EQ(cudaFreeAsync(p, nullptr), cudaSuccess);
  ASSERT_EQ(cudaMemPoolDestroy(pool), cudaSuccess);
  EXPECT_EQ(cudaMemPoolDestroy(pool), cudaErrorInvalidValue);
  cudaMemPool_t current = nullptr, fallback = nullptr;
  ASSERT_EQ(cudaDeviceGetMemPool(&current, 0), cudaSuccess);
  ASSERT_EQ(cudaDeviceGetDefaultMemPool(&fallback, 0), cudaSuccess);
  EXPECT_EQ(current, fallback);
  EXPECT_EQ(cudaMemPoolDestroy(fallback), cudaErrorInvalidValue);
  props.handleTypes = cudaMemHandleTypePosixFileDescriptor;
  EXPECT_EQ(cudaMemPoolCreate(&pool, &props), cudaErrorNotSupported);
  ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  cudaGetLastError();
}

TEST(CudartMemoryFamilies, StreamAttributesAreKeptPerStream) {
  cudaStream_t a, b;
  ASSERT_EQ(cudaStreamCreateWithPriority(&a, cudaStreamNonBlocking, -2),
            cudaSuccess);
  ASSERT_EQ(cudaStreamCreate(&b), cudaSuccess);
  cudaStreamAttrValue value;
  ASSERT_EQ(cudaStreamGetAttribute(a, cudaLaunchAttributePriority, &value),
            cudaSuccess);
  EXPECT_EQ(value.priority, -2);
  ASSERT_EQ(cudaStreamGetAttribute(a, cudaLaunchAttributeSynchronizationPolicy,
                                   &value),
            cudaSuccess);
  EXPECT_EQ(value.syncPolicy, cudaSyncPolicyAuto);
  std::memset(&value, 0, sizeof value);
  value.syncPolicy = cudaSyncPolicyYield;
  ASSERT_EQ(cudaStreamSetAttribute(a, cudaLaunchAttributeSynchronizationPolicy,
                                   &value),
            cudaSuccess);
  ASSERT_EQ(cudaStreamCopyAttributes(b, a), cudaSuccess);
  std::memset(&value, 0, sizeof value);
  ASSERT_EQ(cudaStreamGetAttribute(b, cudaLaunchAttributeSynchronizationPolicy,
                                   &value),
            cudaSuccess);
  EXPECT_EQ(value.syncPolicy, cudaSyncPolicyYield);
  value.syncPolicy = cudaSynchronizationPolicy(9);
  EXPECT_EQ(cudaStreamSetAttribute(b, cudaLaunchAttributeSynchronizationPolicy,
                                   &value),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaStreamGetAttribute(b, cudaLaunchAttributeCooperative, &value),
            cudaErrorInvalidValue);
  EXPECT_EQ(cudaStreamDestroy(a), cudaSuccess);
  EXPECT_EQ(cudaStreamDestroy(b), cudaSuccess);
  cudaGetLastError();
}

TEST(CudartMemoryFamilies, OldNamesAndDriverEntryPointsWork) {
  size_t stack = 0;
  ASSERT_EQ(cudaThreadSetLimit(cudaLimitStackSize, 2048), cudaSuccess);
  ASSERT_EQ(cudaThreadGetLimit(&stack, cudaLimitStackSize), cudaSuccess);
  EXPECT_EQ(stack, 2048u);
  EXPECT_EQ(cudaThreadSynchronize(), cudaSuccess);
  void *entry = nullptr;
  cudaDriverEntryPointQueryResult status;
  ASSERT_EQ(cudaGetDriverEntryPoint("cuMemAlloc", &entry, cudaEnableDefault,
                                    &status),
            cudaSuccess);
  EXPECT_EQ(status, cudaDriverEntryPointSuccess);
  EXPECT_EQ(entry, reinterpret_cast<void *>(&cuMemAlloc));
  EXPECT_EQ(cudaGetDriverEntryPoint("cuNoSuchThing", &entry,
                                    cudaEnableDefault, &status),
            cudaErrorSymbolNotFound);
  EXPECT_EQ(status, cudaDriverEntryPointSymbolNotFound);
  cudaGetLastError();
}

TEST(CudartMemoryFamilies, NoStreamIsCapturingAndTheModeIsPerThread) {
  cudaStream_t stream;
  ASSERT_EQ(cudaStreamCreate(&stream), cudaSuccess);
  cudaStreamCaptureStatus status = cudaStreamCaptureStatusActive;
  ASSERT_EQ(cudaStreamIsCapturing(stream, &status), cudaSuccess);
  EXPECT_EQ(status, cudaStreamCaptureStatusNone);
  unsigned long long id = 7;
  ASSERT_EQ(cudaStreamGetCaptureInfo(stream, &status, &id, nullptr, nullptr,
                                     nullptr),
            cudaSuccess);
  EXPECT_EQ(id, 0u);
  cudaStreamCaptureMode mode = cudaStreamCaptureModeRelaxed;
  ASSERT_EQ(cudaThreadExchangeStreamCaptureMode(&mode), cudaSuccess);
  EXPECT_EQ(mode, cudaStreamCaptureModeGlobal);
  std::thread([] {
    cudaStreamCaptureMode other = cudaStreamCaptureModeGlobal;
    EXPECT_EQ(cudaThreadExchangeStreamCaptureMode(&other), cudaSuccess);
    EXPECT_EQ(other, cudaStreamCaptureModeGlobal); // its own mode
  }).join();
  ASSERT_EQ(cudaThreadExchangeStreamCaptureMode(&mode), cudaSuccess);
  EXPECT_EQ(mode, cudaStreamCaptureModeRelaxed);
  mode = cudaStreamCaptureMode(9);
  EXPECT_EQ(cudaThreadExchangeStreamCaptureMode(&mode), cudaErrorInvalidValue);
  EXPECT_EQ(cudaStreamDestroy(stream), cudaSuccess);
  cudaGetLastError();
}

void onNotification(cudaAsyncNotificationInfo_t *, void *,
                    cudaAsyncCallbackHandle_t) {}

TEST(CudartMemoryFamilies, NotificationsAndTextureWidthsAreChecked) {
  cudaAsyncCallbackHandle_t handle = nullptr;
  ASSERT_EQ(cudaDeviceRegisterAsyncNotification(0, onNotification, nullptr,
                                                &handle),
            cudaSuccess);
  EXPECT_EQ(cudaDeviceUnregisterAsyncNotification(0, handle), cudaSuccess);
  EXPECT_EQ(cudaDeviceUnregisterAsyncNotification(0, handle),
            cudaErrorInvalidValue);
  size_t width = 0;
  cudaChannelFormatDesc float4Desc =
      cudaCreateChannelDesc(32, 32, 32, 32, cudaChannelFormatKindFloat);
  ASSERT_EQ(cudaDeviceGetTexture1DLinearMaxWidth(&width, &float4Desc, 0),
            cudaSuccess);
  EXPECT_EQ(width, (size_t(1) << 28) / 16);
  cudaGetLastError();
}

TEST(CudartMemoryFamilies, PeerCopiesIn3DAndSharedMemoryConfig) {
  cudaPitchedPtr a, b;
  ASSERT_EQ(cudaMalloc3D(&a, make_cudaExtent(16, 2, 2)), cudaSuccess);
  ASSERT_EQ(cudaMalloc3D(&b, make_cudaExtent(16, 2, 2)), cudaSuccess);
  ASSERT_EQ(cudaMemset3D(a, 9, make_cudaExtent(16, 2, 2)), cudaSuccess);
  cudaMemcpy3DPeerParms p;
  std::memset(&p, 0, sizeof p);
  p.srcPtr = a;
  p.dstPtr = b;
  p.extent = make_cudaExtent(16, 2, 2);
  ASSERT_EQ(cudaMemcpy3DPeer(&p), cudaSuccess);
  unsigned char corner = 0;
  ASSERT_EQ(cudaMemcpy(&corner, static_cast<char *>(b.ptr) + b.pitch * 3 + 15,
                       1, cudaMemcpyDeviceToHost),
            cudaSuccess);
  EXPECT_EQ(corner, 9);
  p.dstDevice = 99;
  EXPECT_EQ(cudaMemcpy3DPeer(&p), cudaErrorInvalidDevice);
  cudaSharedMemConfig config;
  ASSERT_EQ(cudaDeviceSetSharedMemConfig(cudaSharedMemBankSizeEightByte),
            cudaSuccess);
  ASSERT_EQ(cudaDeviceGetSharedMemConfig(&config), cudaSuccess);
  EXPECT_EQ(config, cudaSharedMemBankSizeEightByte);
  ASSERT_EQ(cudaDeviceSetSharedMemConfig(cudaSharedMemBankSizeDefault),
            cudaSuccess);
  EXPECT_EQ(cudaFree(a.ptr), cudaSuccess);
  EXPECT_EQ(cudaFree(b.ptr), cudaSuccess);
  cudaGetLastError();
}

TEST(CudartMemoryFamilies, RuntimeAndDriverShareThePrimaryContext) {
  ASSERT_EQ(cudaSetDevice(0), cudaSuccess);
  ASSERT_EQ(cuInit(0), CUDA_SUCCESS);
  CUcontext current = nullptr, primary = nullptr;
  ASSERT_EQ(cuCtxGetCurrent(&current), CUDA_SUCCESS);
  ASSERT_EQ(cuDevicePrimaryCtxRetain(&primary, 0), CUDA_SUCCESS);
  EXPECT_EQ(current, primary);
  // Memory from either API is the other's too.
  void *runtimeMemory = nullptr;
  ASSERT_EQ(cudaMalloc(&runtimeMemory, 16), cudaSuccess);
  EXPECT_EQ(cuMemsetD8(CUdeviceptr(runtimeMemory), 3, 16), CUDA_SUCCESS);
  EXPECT_EQ(cuMemFree(CUdeviceptr(runtimeMemory)), CUDA_SUCCESS);
  EXPECT_EQ(cuDevicePrimaryCtxRelease(0), CUDA_SUCCESS);
}

} // namespace
