#define _GNU_SOURCE 1
#include <malloc.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "CNcurses.h"

void fours_return_large_blocks(void) {
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    // Three heaps, not sixteen: the main thread's and one for each of the two threads that
    // read a store on both cores (with fewer, the keys typed meanwhile wait on the
    // allocator). Memory one thread frees (a document a reload replaced) is then taken
    // again by the next (the search index made again) instead of each thread's heap
    // growing on its own.
    mallopt(M_ARENA_MAX, 3);
}

/// The helper's stack: its own, in the memory it shares.
static char helper_stack[16 * 1024] __attribute__((aligned(16)));

/// The helper: keeps only the reading end of a pipe whose other end the process holds,
/// waits until that end closes (the process has ended and let go of the memory), and ends
/// itself. Plain system calls only: it runs on memory the process no longer uses.
static int outlive_process(void *argument) {
    const unsigned int pipe_end = (unsigned int)(uintptr_t)argument;
    if (pipe_end > 0) syscall(SYS_close_range, 0u, pipe_end - 1, 0u);
    syscall(SYS_close_range, pipe_end + 1, ~0u, 0u);
    char byte;
    syscall(SYS_read, pipe_end, &byte, 1);
    syscall(SYS_exit, 0);
    return 0;
}

void fours_exit_leaving_memory(int status) {
    fflush(NULL);
    // The helper starts with every signal blocked: nothing interrupts its wait.
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, NULL);
    int ends[2];
    if (pipe(ends) == 0) {
        // Sharing the memory (CLONE_VM), not the open files: the process's end closes as it
        // ends, after it has let go of the memory. Should this fail, the process frees its
        // memory itself, as any process does.
        clone(outlive_process, helper_stack + sizeof helper_stack, CLONE_VM, (void *)(uintptr_t)ends[0]);
    }
    _exit(status);
}
