// Self-checks for end-to-end programs: EXPECT counts a failure and says
// where; a program prints PASS or FAIL from `failures` at the end.
#ifndef LINGQU_TEST_EXPECT_H
#define LINGQU_TEST_EXPECT_H

#include <cstdio>

static int failures = 0;
#define EXPECT(cond)                                                           \
  do {                                                                         \
    if (!(cond)) {                                                             \
      std::printf("FAILED line %d: %s\n", __LINE__, #cond);                    \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

#endif // LINGQU_TEST_EXPECT_H
