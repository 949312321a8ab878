// Part of bad-invocations.test: a math call, which PTX has no library for.
__global__ void scaleBySine(float *x) { x[threadIdx.x] = sinf(x[threadIdx.x]); }
int main() { return 0; }
