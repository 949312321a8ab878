/* What the stand-in for NVIDIA's driver (FakeNvidiaDriver.c) records of
 * the calls the `cuda` plugin makes; fake_nvidia_state() returns it. Plain
 * C, shared by the stand-in and its tests. */
#ifndef LINGQU_TEST_UNIT_FAKENVIDIADRIVER_H
#define LINGQU_TEST_UNIT_FAKENVIDIADRIVER_H

struct fake_nvidia_state {
  int initialized;
  int live_allocations;
  int modules_loaded;
  char last_ptx_head[64];
  char last_function[128];
  unsigned grid[3], block[3], shared;
  void **params;
  int launches;
  int synchronizes;
  int contexts_retained;
};

#endif /* LINGQU_TEST_UNIT_FAKENVIDIADRIVER_H */
