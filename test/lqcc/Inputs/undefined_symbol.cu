void not_defined_anywhere();
int main() {
  not_defined_anywhere();
  return 0;
}
