#define _GNU_SOURCE
#include <string.h>
#include "CByteSearch.h"

#if defined(__SSE2__)
#include <emmintrin.h>

/// Whether the `count` bytes at `left` and `right` are the same; a word is short, and a call
/// to memcmp at every candidate costs more than comparing.
static inline int same_bytes(const unsigned char *left, const unsigned char *right, size_t count) {
    for (size_t index = 0; index < count; index++) {
        if (left[index] != right[index]) return 0;
    }
    return 1;
}

// Sixteen places at a time: those where both the first and the last byte of the word are
// found, and only there the bytes between compared. Swift's SIMD types have no way to
// turn a comparison into a bit mask, which is what makes this fast.
ptrdiff_t fours_find_bytes(const unsigned char *text, size_t length, const unsigned char *word, size_t count) {
    if (count == 0) return 0;
    if (count > length) return -1;
    if (count == 1) {
        const unsigned char *found = memchr(text, word[0], length);
        return found == NULL ? -1 : found - text;
    }
    const size_t places = length - count + 1;
    const __m128i first = _mm_set1_epi8((char)word[0]);
    const __m128i last = _mm_set1_epi8((char)word[count - 1]);
    size_t start = 0;
    for (; start + 16 <= places; start += 16) {
        const __m128i front = _mm_loadu_si128((const __m128i *)(text + start));
        const __m128i back = _mm_loadu_si128((const __m128i *)(text + start + count - 1));
        unsigned candidates = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(front, first), _mm_cmpeq_epi8(back, last)));
        while (candidates != 0) {
            const size_t place = start + (size_t)__builtin_ctz(candidates);
            if (count <= 2 || same_bytes(text + place + 1, word + 1, count - 2)) return (ptrdiff_t)place;
            candidates &= candidates - 1;
        }
    }
    for (; start < places; start++) {
        if (text[start] == word[0] && same_bytes(text + start + 1, word + 1, count - 1)) return (ptrdiff_t)start;
    }
    return -1;
}

#else

ptrdiff_t fours_find_bytes(const unsigned char *text, size_t length, const unsigned char *word, size_t count) {
    if (count == 0) return 0;
    const unsigned char *found = memmem(text, length, word, count);
    return found == NULL ? -1 : found - text;
}

#endif
