#define _GNU_SOURCE 1
#include "CNcurses.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <langinfo.h>
#include <poll.h>
#include <locale.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <termios.h>
#include <ncursesw/term.h>
#include <unistd.h>

WINDOW *fours_stdscr(void) { return stdscr; }
int fours_lines(void) { return LINES; }
int fours_cols(void) { return COLS; }
int fours_key_resize(void) { return KEY_RESIZE; }
int fours_key_code_yes(void) { return KEY_CODE_YES; }
int fours_wcwidth(wchar_t character) { return wcwidth(character); }
// Only the character set is taken from the environment; loading every category of the
// locale cost a dozen file reads at every start.
int fours_use_utf8_locale(void) {
    setlocale(LC_CTYPE, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) return 0;
    return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

void fours_enable_mouse(void) {
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}

int fours_mouse_kind(mmask_t state) {
    if (state & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (state & BUTTON4_PRESSED) return 4;
    if (state & BUTTON5_PRESSED) return 5;
    return 0;
}

SCREEN *fours_newterm(void) { return newterm(NULL, stdout, stdin); }

// State read by the signal handlers. Written once before the handlers are installed.
static struct termios saved_termios;
static int has_saved_termios = 0;
static char restore_sequence[256];
static size_t restore_length = 0;

// Every signal whose default is to end the process, but those the main loop handles
// (INT, TERM, HUP) and those fours ignores (PIPE, XFSZ: a failed write says it instead).
static const int fatal_signals[] = {
    SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
    SIGVTALRM, SIGPROF, SIGXCPU, SIGSYS, SIGSTKFLT, SIGPWR, SIGIO,
};
#define FATAL_SIGNAL_COUNT (sizeof(fatal_signals) / sizeof(fatal_signals[0]))
static struct sigaction previous_fatal[FATAL_SIGNAL_COUNT];

static int wake_descriptor = -1;

void fours_remember_terminal(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) {
        has_saved_termios = 1;
    }
}

static void append_restore_bytes(const char *bytes) {
    size_t length = strlen(bytes);
    if (restore_length + length < sizeof(restore_sequence)) {
        memcpy(restore_sequence + restore_length, bytes, length);
        restore_length += length;
    }
}

// The terminal's string capability `name`; NULL when it has none (tigetstr says so with
// NULL for a cancelled one and (char *)-1 for an unknown name).
static const char *string_capability(const char *name) {
    const char *value = tigetstr((char *)name);
    return value == (char *)-1 ? NULL : value;
}

static void append_capability(const char *name, const char *fallback) {
    const char *value = string_capability(name);
    append_restore_bytes(value == NULL ? fallback : value);
}

static void write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                // A terminal left non-blocking by another program: wait until it takes more.
                struct pollfd ready = { .fd = fd, .events = POLLOUT };
                if (poll(&ready, 1, 1000) > 0) continue;
            }
            return;
        }
        bytes += written;
        length -= (size_t)written;
    }
}

// Hands the signal on to the handler that was there before (`previous`, one per fatal
// signal). That handler may return, as Swift's crash reporter does for a signal sent by
// another process: then the process ends the default way.
static void reraise_through(const struct sigaction *previous, int signal_number, int saved_errno) {
    for (size_t index = 0; index < FATAL_SIGNAL_COUNT; index++) {
        if (fatal_signals[index] == signal_number) {
            sigaction(signal_number, &previous[index], NULL);
        }
    }
    errno = saved_errno;
    raise(signal_number);
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static void restore_and_reraise(int signal_number) {
    int saved_errno = errno;
    write_all(STDOUT_FILENO, restore_sequence, restore_length);
    if (has_saved_termios) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    }
    reraise_through(previous_fatal, signal_number, saved_errno);
}

static struct sigaction swift_fatal[FATAL_SIGNAL_COUNT];

// Swift's crash reporter, when it found a terminal on standard input at start, offers to
// debug and waits 30 s for a key. With nothing to read there, it prints its report and
// goes, and the process ends as it would have. The report goes to standard error, not
// into what a command was writing.
static void quiet_and_reraise(int signal_number) {
    int saved_errno = errno;
    int nothing = open("/dev/null", O_RDONLY);
    if (nothing >= 0) dup2(nothing, STDIN_FILENO);
    dup2(STDERR_FILENO, STDOUT_FILENO);
    reraise_through(swift_fatal, signal_number, saved_errno);
}

// Installs `handler` for every fatal signal, once per signal, keeping what was there in `previous`.
static void handle_fatal_signals(void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_NODEFER;
    for (size_t index = 0; index < FATAL_SIGNAL_COUNT; index++) {
        sigaction(fatal_signals[index], &action, &previous[index]);
    }
}

void fours_quiet_crash_reporter(void) {
    handle_fatal_signals(quiet_and_reraise, swift_fatal);
}

void fours_install_crash_restore(void) {
    restore_length = 0;
    append_capability("sgr0", "\033[0m");
    append_capability("rmcup", "\033[?1049l");
    append_capability("cnorm", "\033[?25h");
    append_capability("rmkx", "");
    // Mouse reporting off, in case it was switched on.
    append_restore_bytes("\033[?1000l\033[?1002l\033[?1006l");
    // Bracketed paste off: fours switches it on.
    append_restore_bytes("\033[?2004l");
    handle_fatal_signals(restore_and_reraise, previous_fatal);
}

// What tputs hands over, a byte at a time, while a capability is expanded.
static char *expanded;
static int expanded_length;
static int expanded_size;

static int collect_byte(int byte) {
    if (expanded_length < expanded_size) expanded[expanded_length] = (char)byte;
    expanded_length++;
    return byte;
}

int fours_capability(const char *name, int count, int first, int second, char *out, int size) {
    const char *value = string_capability(name);
    if (value == NULL) return -1;
    const char *filled = count == 0 ? value : count == 1 ? tiparm(value, first) : tiparm(value, first, second);
    if (filled == NULL) return -1;
    expanded = out;
    expanded_length = 0;
    expanded_size = size;
    tputs(filled, 1, collect_byte);
    return expanded_length <= size ? expanded_length : -1;
}

int fours_has_flag(const char *name) { return tigetflag((char *)name) > 0; }

void fours_write_frame(const char *bytes, size_t length) {
    sigset_t stop, previous;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTSTP);
    sigprocmask(SIG_BLOCK, &stop, &previous);
    write_all(STDOUT_FILENO, bytes, length);
    sigprocmask(SIG_SETMASK, &previous, NULL);
}

static void wake_main_loop(int signal_number) {
    int saved_errno = errno;
    unsigned char byte = (unsigned char)signal_number;
    if (wake_descriptor >= 0) {
        (void)write(wake_descriptor, &byte, 1);
    }
    errno = saved_errno;
}

int fours_install_wake_signals(int wake_fd) {
    wake_descriptor = wake_fd;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = wake_main_loop;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGCONT };
    for (size_t index = 0; index < sizeof(signals) / sizeof(signals[0]); index++) {
        if (sigaction(signals[index], &action, NULL) != 0) {
            return -1;
        }
    }
    return 0;
}

void fours_unblock_all_signals(void) {
    sigset_t empty;
    sigemptyset(&empty);
    sigprocmask(SIG_SETMASK, &empty, NULL);
}

void fours_ignore_write_signals(void) {
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
}

int fours_open_pty(int cols, int rows, char *slave_name, size_t size) {
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) return -1;
    struct winsize window = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
    if (grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, slave_name, size) != 0
        || ioctl(master, TIOCSWINSZ, &window) != 0) {
        close(master);
        return -1;
    }
    return master;
}

short fours_spawn_new_session_flag(void) { return POSIX_SPAWN_SETSID; }

int fours_can_address_cursor(void) { return string_capability("cup") != NULL; }
int fours_has_alternate_screen(void) { return string_capability("smcup") != NULL; }
