// Part of the CMake sample project: a device function and a __device__
// variable that integrate.cu uses (separable compilation).
__device__ float stiffness = 4.0f;

__device__ float springForce(float x) { return -stiffness * x; }
