#include "harness.h"
int main(void) { return th_done(); }
