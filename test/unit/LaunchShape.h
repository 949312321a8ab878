//===- LaunchShape.h - Grid/block shapes for parameterised tests -*- C++ -*-===//
//
// One launch shape per test instance, named grid<X>x<Y>x<Z>_block<X>x<Y>x<Z>
// in test names and failure messages; `D` is dim3 or lingqu::rt::Dim3.
//
//===----------------------------------------------------------------------===//
#ifndef LINGQU_TEST_UNIT_LAUNCHSHAPE_H
#define LINGQU_TEST_UNIT_LAUNCHSHAPE_H

#include <ostream>
#include <string>

#include "gtest/gtest.h"

namespace lingqu::test {

template <typename D> struct Shape {
  D grid, block;
};

template <typename D> std::string describe(const Shape<D> &s) {
  return "grid" + std::to_string(s.grid.x) + "x" + std::to_string(s.grid.y) +
         "x" + std::to_string(s.grid.z) + "_block" + std::to_string(s.block.x) +
         "x" + std::to_string(s.block.y) + "x" + std::to_string(s.block.z);
}
template <typename D>
std::string shapeName(const ::testing::TestParamInfo<Shape<D>> &info) {
  return describe(info.param);
}
template <typename D> void PrintTo(const Shape<D> &shape, std::ostream *os) {
  *os << describe(shape);
}

} // namespace lingqu::test

#endif // LINGQU_TEST_UNIT_LAUNCHSHAPE_H
