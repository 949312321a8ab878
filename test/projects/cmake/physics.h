// Part of the CMake sample project: the host interface main.cpp calls.
#pragma once
/// Advances n particles by `steps` steps of `dt` under a spring force on
/// the device; returns the sum of their positions, or -1 on a CUDA error.
double simulate(int n, int steps, float dt);
