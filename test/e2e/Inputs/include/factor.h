// Found only through lqcc's -I flag (test/e2e/multi-file.cu).
#define MULTIPLY_BY(x) ((x) * FACTOR)
