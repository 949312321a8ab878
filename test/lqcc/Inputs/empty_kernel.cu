__global__ void nothing() {}
int main() { return 0; }
