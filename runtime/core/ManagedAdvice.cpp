//===- ManagedAdvice.cpp - cudaMemRangeGetAttribute ------------------------===//

#include "core/ManagedAdvice.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "absl/container/btree_set.h"
#include "core/Status.h"
#include "driver_types.h"

namespace lingqu::rt {
namespace {

constexpr int kInvalid = cudaInvalidDeviceId;

/// What the records say about one piece of the range.
struct State {
  bool readMostly = false;
  int preferred = kInvalid;
  int lastPrefetch = kInvalid;
  absl::btree_set<int> accessedBy;
};

State replay(const std::vector<Advice> &records, uintptr_t at) {
  State state;
  for (const Advice &r : records) {
    if (at < r.begin || at >= r.end)
      continue;
    switch (r.advice) {
    case Advice::kPrefetch:
      state.lastPrefetch = r.device;
      break;
    case cudaMemAdviseSetReadMostly:
      state.readMostly = true;
      break;
    case cudaMemAdviseUnsetReadMostly:
      state.readMostly = false;
      break;
    case cudaMemAdviseSetPreferredLocation:
      state.preferred = r.device;
      break;
    case cudaMemAdviseUnsetPreferredLocation:
      state.preferred = kInvalid;
      break;
    case cudaMemAdviseSetAccessedBy:
      state.accessedBy.insert(r.device);
      break;
    case cudaMemAdviseUnsetAccessedBy:
      state.accessedBy.erase(r.device);
      break;
    }
  }
  return state;
}

/// The common value of `field` over all pieces, else cudaInvalidDeviceId.
template <typename Field>
int common(const std::vector<State> &pieces, Field field) {
  int value = field(pieces.front());
  for (const State &s : pieces)
    if (field(s) != value)
      return kInvalid;
  return value;
}

int locationType(int device) {
  if (device == cudaCpuDeviceId)
    return cudaMemLocationTypeHost;
  return device == kInvalid ? cudaMemLocationTypeInvalid
                            : cudaMemLocationTypeDevice;
}

} // namespace

absl::Status rangeAttribute(const std::vector<Advice> &records,
                            uintptr_t begin, uintptr_t end, int attribute,
                            void *data, size_t dataSize) {
  bool list = attribute == cudaMemRangeAttributeAccessedBy;
  if (attribute < cudaMemRangeAttributeReadMostly ||
      attribute > cudaMemRangeAttributeLastPrefetchLocationId)
    return makeError(cudaErrorInvalidValue, "unknown range attribute");
  if (list ? dataSize == 0 || dataSize % 4 != 0 : dataSize != 4)
    return makeError(cudaErrorInvalidValue,
                     list ? "AccessedBy takes a positive multiple of 4 bytes"
                          : "the attribute is one 4-byte int");
  // The pieces: the range cut at every record boundary inside it.
  absl::btree_set<uintptr_t> cuts = {begin};
  for (const Advice &r : records)
    for (uintptr_t at : {r.begin, r.end})
      if (at > begin && at < end)
        cuts.insert(at);
  std::vector<State> pieces;
  for (uintptr_t at : cuts)
    pieces.push_back(replay(records, at));

  int preferred = common(pieces, [](const State &s) { return s.preferred; });
  int prefetch = common(pieces, [](const State &s) { return s.lastPrefetch; });
  int value = 0;
  switch (attribute) {
  case cudaMemRangeAttributeReadMostly:
    value = std::all_of(pieces.begin(), pieces.end(),
                        [](const State &s) { return s.readMostly; });
    break;
  case cudaMemRangeAttributePreferredLocation:
    value = preferred;
    break;
  case cudaMemRangeAttributeLastPrefetchLocation:
    value = prefetch;
    break;
  case cudaMemRangeAttributePreferredLocationType:
    value = locationType(preferred);
    break;
  case cudaMemRangeAttributeLastPrefetchLocationType:
    value = locationType(prefetch);
    break;
  case cudaMemRangeAttributePreferredLocationId:
    value = locationType(preferred) == cudaMemLocationTypeDevice ? preferred
                                                                : kInvalid;
    break;
  case cudaMemRangeAttributeLastPrefetchLocationId:
    value = locationType(prefetch) == cudaMemLocationTypeDevice ? prefetch
                                                               : kInvalid;
    break;
  case cudaMemRangeAttributeAccessedBy: {
    // Devices advised for the whole range; unused slots cudaInvalidDeviceId.
    std::vector<int> out(dataSize / 4, kInvalid);
    size_t n = 0;
    for (int device : pieces.front().accessedBy)
      if (n < out.size() &&
          std::all_of(pieces.begin(), pieces.end(), [&](const State &s) {
            return s.accessedBy.contains(device);
          }))
        out[n++] = device;
    std::memcpy(data, out.data(), dataSize);
    return absl::OkStatus();
  }
  }
  std::memcpy(data, &value, sizeof value);
  return absl::OkStatus();
}

} // namespace lingqu::rt
