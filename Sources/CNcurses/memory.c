#include <malloc.h>
#include "CNcurses.h"

void fours_return_large_blocks(void) { mallopt(M_MMAP_THRESHOLD, 1 << 20); }
