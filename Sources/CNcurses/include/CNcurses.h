#ifndef FOURS_CNCURSES_H
#define FOURS_CNCURSES_H

// Wide-character curses needs the X/Open extended API switched on before the header.
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <wchar.h>

// Swift cannot import curses macros, and Swift 6 refuses to touch C globals such as
// stdscr, LINES and COLS. These accessors wrap them.
WINDOW *fours_stdscr(void);
int fours_lines(void);
int fours_cols(void);
int fours_key_resize(void);
int fours_key_code_yes(void);
int fours_wcwidth(wchar_t character);

/// Reports button 1 presses and the wheel, with no delay for double-clicks.
void fours_enable_mouse(void);
/// What a mouse event is: 1 for a button 1 press or click, 4 for wheel up, 5 for wheel
/// down, 0 for anything else.
int fours_mouse_kind(mmask_t state);

/// Takes the user's character set (LC_CTYPE, the one category fours depends on), and
/// switches it to C.UTF-8 when it is not UTF-8: fours draws UTF-8 text and measures it
/// with wcwidth, which follows it. Returns 1 when the character set is now UTF-8.
int fours_use_utf8_locale(void);

/// newterm() on standard output and input; NULL when the terminal type is unknown.
/// (initscr() would exit the process instead of letting us explain.)
SCREEN *fours_newterm(void);

/// Remembers the terminal state as it is now (before curses changes it), so that the
/// fatal-signal handlers can restore it.
void fours_remember_terminal(void);

/// After curses is started: looks up the sequences that leave the alternate screen and
/// show the cursor, and installs handlers for every signal that ends the process by
/// default (crashes, QUIT, USR1, ALRM ...) that write them, restore the remembered
/// terminal modes, and re-raise the signal through the previous handler.
void fours_install_crash_restore(void);
/// After newterm: the terminal's string capability `name` (a terminfo name such as "cup")
/// with `count` numeric parameters (0 to 2) filled in and its padding applied, copied into
/// `out`. Returns its length, or -1 when the terminal has no such capability or it does not
/// fit in `size` bytes.
int fours_capability(const char *name, int count, int first, int second, char *out, int size);
/// After newterm: whether the terminal has the boolean capability `name` ("am", "xenl").
int fours_has_flag(const char *name);
/// Writes a frame to the terminal in one go, with Ctrl-Z held off until all of it is out
/// (a stop in the middle would leave half a frame and the terminal in its attributes).
void fours_write_frame(const char *bytes, size_t length);
/// Keeps Swift's crash reporter from waiting for a key on the terminal after a crash.
void fours_quiet_crash_reporter(void);

/// Installs handlers for SIGINT, SIGTERM, SIGHUP and SIGCONT that write the signal number
/// as one byte to `wake_fd`, so that the main loop's poll() sees it. Returns 0 or -1.
int fours_install_wake_signals(int wake_fd);

/// Sets the signal mask to empty: a parent may have left signals blocked.
void fours_unblock_all_signals(void);

/// Ignores SIGPIPE and SIGXFSZ, so that a write to a closed pipe or past the file-size
/// limit fails with an error (EPIPE, EFBIG) that fours reports, instead of ending it.
void fours_ignore_write_signals(void);

/// Opens a pseudo-terminal of `cols` x `rows` for the benchmark: returns the master
/// descriptor (close-on-exec) and writes the slave's path into `slave_name`; -1 on failure.
int fours_open_pty(int cols, int rows, char *slave_name, size_t size);

/// After newterm: whether the terminal can move its cursor anywhere (TERM=dumb cannot).
int fours_can_address_cursor(void);
/// After newterm: whether the terminal has an alternate screen to leave on exit.
int fours_has_alternate_screen(void);

/// POSIX_SPAWN_SETSID, a GNU flag Swift cannot see: the child starts a session of its own.
short fours_spawn_new_session_flag(void);

/// Maps blocks of a megabyte or more on their own and gives them back to the system when
/// freed. By default the allocator raises that limit to the largest block freed so far, so
/// after a big store's first read, every later read (a reload) comes from memory the
/// process then keeps for good. Also keeps the allocator to three heaps.
void fours_return_large_blocks(void);

/// Ends the process with `status` at once, leaving the return of its memory to a helper
/// that shares it and outlives it by a moment. The kernel takes back a large store's
/// hundreds of megabytes page by page, some ten milliseconds between the last frame and
/// the shell's prompt; the last holder of the memory pays that, and the helper is it.
/// Standard output and error are flushed; nothing registered with atexit runs.
__attribute__((noreturn)) void fours_exit_leaving_memory(int status);

#endif
