#ifndef FOURS_CBYTESEARCH_H
#define FOURS_CBYTESEARCH_H

#include <stddef.h>

/// The offset of the first place in `text` where the bytes of `word` start, or -1 when
/// there is none. An empty word is found at 0.
ptrdiff_t fours_find_bytes(const unsigned char *text, size_t length, const unsigned char *word, size_t count);

#endif
