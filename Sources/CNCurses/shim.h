#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags, so wide-character support is switched on here.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <malloc.h>
#include <ncurses.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

// C globals and function-like macros do not import into Swift 6; these accessors do.
static inline WINDOW *_Nullable cn_stdscr(void) { return stdscr; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_italic(void) { return A_ITALIC; }
static inline int cn_getmaxy(WINDOW *_Nonnull w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int cn_getmaxx(WINDOW *_Nonnull w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline mmask_t cn_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int cn_key_mouse(void) { return KEY_MOUSE; }
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline unsigned long cn_tiocgwinsz(void) { return TIOCGWINSZ; }

#include <langinfo.h>
#include <poll.h>
#include <string.h>
#include <wchar.h>

// --- Added for TUINCurses: locale, window size, cell drawing, signal dispositions, crash restore.

/// 1 when the current LC_CTYPE codeset is UTF-8.
static inline int cn_codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/// 1 when the tty behind `fd` has hung up (its other side closed), 0 while it is alive.
static inline int cn_tty_hung_up(int fd) {
    struct pollfd p = { .fd = fd, .events = POLLIN, .revents = 0 };
    if (poll(&p, 1, 0) < 0) return 0;
    return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/// Reads the window size of a tty; 0 on success.
static inline int cn_window_size(int fd, int *_Nonnull rows, int *_Nonnull cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/// Draws one grapheme (up to CCHARW_MAX wide chars, NUL-terminated) with attributes and a pair.
static inline int cn_put_cell(WINDOW *_Nonnull w, int y, int x, const wchar_t *_Nonnull text, attr_t attrs, int pair) {
    wchar_t buf[CCHARW_MAX + 1];
    int n = 0;
    while (n < CCHARW_MAX && text[n] != 0) { buf[n] = text[n]; n++; }
    buf[n] = 0;
    cchar_t c;
    if (setcchar(&c, buf, attrs, (short)pair, NULL) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &c);
}

static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cn_key_f0(void) { return KEY_F0; }
static inline void cn_ignore_signal(int sig) { signal(sig, SIG_IGN); }
static inline void cn_default_signal(int sig) { signal(sig, SIG_DFL); }
static inline int cn_stop_self(void) { return kill(getpid(), SIGSTOP); }
static inline mmask_t cn_mouse_bstate(void) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    return event.bstate;
}

// Crash restore (reliability §3.3). Everything the handler does is async-signal-safe: write(2),
// tcsetattr(3), signal(2), raise(3). The state is a function-local static (header-level statics
// are not emitted by the Swift importer), written before the handlers are installed. Call these
// functions from ONE Swift file only: each object file gets its own copy of the inline state.
struct cn_crash_state {
    struct termios saved;
    volatile sig_atomic_t saved_valid;
    volatile sig_atomic_t tty_fd;
};

static inline struct cn_crash_state *_Nonnull cn_crash_state(void) {
    static struct cn_crash_state state = {.saved_valid = 0, .tty_fd = -1};
    return &state;
}

/// Writes the restore sequence and the saved termios; safe inside a signal handler.
static inline void cn_restore_terminal_now(void) {
    static const char sequence[] = "\033[?1049l\033[?25h\033[0m\r\n";
    struct cn_crash_state *state = cn_crash_state();
    int fd = state->tty_fd;
    if (fd < 0) return;
    ssize_t ignored = write(fd, sequence, sizeof(sequence) - 1);
    (void)ignored;
    if (state->saved_valid) tcsetattr(fd, TCSANOW, &state->saved);
}

static inline void cn_fatal_handler(int sig) {
    cn_restore_terminal_now();
    signal(sig, SIG_DFL);
    raise(sig);
}

/// Saves the tty's (cooked) termios; call before newterm.
static inline void cn_save_termios(int fd) {
    struct cn_crash_state *state = cn_crash_state();
    if (tcgetattr(fd, &state->saved) == 0) state->saved_valid = 1;
    state->tty_fd = fd;
}

/// Installs the fatal-signal handlers (SEGV, BUS, ILL, TRAP, ABRT, FPE).
static inline void cn_install_fatal_handlers(void) {
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
    for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = cn_fatal_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_NODEFER | SA_RESETHAND;
        sigaction(sigs[i], &sa, NULL);
    }
}

/// Caps glibc's malloc arenas and fixes its mmap threshold (which also stops the trim threshold
/// from rising), so freed large blocks go back to the system; returns 1 when both were accepted.
static inline int cn_tune_allocator(int arenas, int mmap_threshold) {
    return mallopt(M_ARENA_MAX, arenas) == 1 && mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 1;
}

/// Forgets the tty so later crash handlers do nothing (after an orderly endwin).
static inline void cn_forget_tty(void) { cn_crash_state()->tty_fd = -1; }

#endif
