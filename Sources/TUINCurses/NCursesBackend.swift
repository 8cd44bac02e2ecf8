internal import CNCurses
public import TUICore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real terminal: ncursesw through `newterm`, as a ``TerminalBackend`` that `Terminal` sends
/// `ScreenBuffer` diffs to.
///
/// Main-actor only (ncurses is not thread-safe, gotcha N6), so its conformance is main-actor
/// isolated. Nothing is printed to stdout or stderr while it is active; `shutdown()` restores the
/// terminal and is safe to call twice.
@MainActor
public final class NCursesBackend: @MainActor TerminalBackend {
    /// The screen size in cells.
    public private(set) var size: Size

    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let colors: Int
    private let useColor: Bool
    private var registry: ColorPairRegistry
    /// The style of the cell put last and its curses attributes and pair (runs of cells share one).
    private var lastStyle: Style?
    private var lastAttributes: (attr_t, Int16) = (0, 0)
    /// A cell's text for `cn_put_cell`: up to five scalars and the terminating zero.
    private var text = [wchar_t](repeating: 0, count: 6)

    /// Takes over the terminal.
    /// - Parameter environment: The process environment (`TERM`, `NO_COLOR`).
    /// - Throws: `TerminalUnavailable` when stdin/stdout is not a TTY, `TERM` is unset or `dumb`,
    ///   or ncurses cannot open the terminal. Nothing has been changed on the terminal then.
    public init(environment: [String: String]) throws(TerminalUnavailable) {
        if let problem = TerminalUnavailable.check(environment: environment) { throw problem }
        let term = environment["TERM"] ?? ""

        setlocale(LC_ALL, "")
        if cn_codeset_is_utf8() == 0 { setlocale(LC_ALL, "C.UTF-8") }

        guard let output = fdopen(dup(STDOUT_FILENO), "w"), let input = fdopen(dup(STDIN_FILENO), "r") else {
            throw .notATerminal
        }
        cn_save_termios(STDOUT_FILENO)
        guard let screen = newterm(term, output, input), let window = cn_stdscr() else {
            fclose(output)
            fclose(input)
            cn_forget_tty()
            throw .cannotOpen(term)
        }
        self.screen = screen
        self.window = window
        self.output = output
        self.input = input
        cn_install_fatal_handlers()
        atexit { cn_restore_terminal_now() }

        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        set_escdelay(25)
        curs_set(0)
        leaveok(window, true)
        mousemask(cn_button4_pressed() | cn_button5_pressed(), nil)
        mouseinterval(0)

        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            self.useColor = true
        } else {
            self.useColor = false
        }
        self.colors = Int(cn_colors())
        self.registry = ColorPairRegistry(capacity: Int(cn_color_pairs()))
        self.size = Size(width: Int(cn_getmaxx(window)), height: Int(cn_getmaxy(window)))
        // ncurses 6.4 flushes its output at every cursor move until the screen has been through
        // one endwin and refresh (after newterm its state stays "initial": lib_mvcur.c), so a
        // frame of changed prices went out as hundreds of writes of about 30 bytes, each waking
        // the terminal. One cycle here, before anything is drawn, makes a frame one write.
        endwin()
        doupdate()
    }

    /// Puts changed cells into the window (shown at the next ``flush()``).
    /// - Parameter changes: The changes, from `BufferDiff.diff`.
    public func draw(_ changes: [CellChange]) {
        guard screen != nil else { return }
        for change in changes { put(change) }
    }

    /// Sends everything drawn since the last flush to the terminal.
    public func flush() {
        guard screen != nil else { return }
        wnoutrefresh(window)
        doupdate()
    }

    /// Rings the terminal bell (or flashes the screen where the terminal has no bell).
    public func beep() {
        _ = CNCurses.beep()
    }

    /// Clears the terminal at the next flush, so a disturbed screen is repainted whole.
    public func invalidate() {
        clearok(window, true)
    }

    /// Reads every pending key without blocking.
    /// - Returns: The keys, in order.
    public func readKeys() -> [Key] {
        guard screen != nil else { return [] }
        var keys: [Key] = []
        while keys.count < 512 {
            var value: wint_t = 0
            let result = wget_wch(window, &value)
            if result == ERR { break }
            if result == cn_key_code_yes() {
                let code = Int32(value)
                if code == KeyDecoder.Code.mouse {
                    let state = cn_mouse_bstate()
                    if state & cn_button4_pressed() != 0 { keys.append(.mouseWheelUp) }
                    if state & cn_button5_pressed() != 0 { keys.append(.mouseWheelDown) }
                } else if let key = KeyDecoder.decode(.keyCode(code)) {
                    keys.append(key)
                }
            } else if let key = KeyDecoder.decode(.character(UInt32(value))) {
                keys.append(key)
            }
        }
        return keys
    }

    /// Whether the terminal has gone away (its other side closed), so no key will ever arrive.
    public var isHungUp: Bool { cn_tty_hung_up(STDIN_FILENO) != 0 }

    /// Applies the tty's current size (gotcha N8: called from the SIGWINCH source).
    /// - Returns: The new size.
    @discardableResult
    public func handleResize() -> Size {
        guard screen != nil else { return size }
        var rows: Int32 = 0
        var cols: Int32 = 0
        if cn_window_size(STDOUT_FILENO, &rows, &cols) == 0 {
            resizeterm(rows, cols)
        }
        size = Size(width: Int(cn_getmaxx(window)), height: Int(cn_getmaxy(window)))
        invalidate()
        return size
    }

    /// Gives the shell a cooked terminal and stops the process (SIGTSTP); returns after SIGCONT
    /// with curses restored and a full repaint pending.
    public func suspend() {
        guard screen != nil else { return }
        endwin()
        _ = cn_stop_self()
        resume()
    }

    /// Re-enters curses mode after the process was continued, and schedules a full repaint.
    public func resume() {
        guard screen != nil else { return }
        reset_prog_mode()
        handleResize()
    }

    /// Restores the terminal (`endwin` + `delscreen`); safe to call more than once.
    public func shutdown() {
        guard let screen else { return }
        self.screen = nil
        curs_set(1)
        endwin()
        delscreen(screen)
        fclose(output)
        fclose(input)
        cn_forget_tty()
    }

    private func put(_ change: CellChange) {
        let style = change.cell.style
        if style != lastStyle {
            lastStyle = style
            lastAttributes = attributes(for: style)
        }
        // Into one buffer kept for the purpose rather than an array (an allocation) per cell.
        var count = 0
        for scalar in change.cell.grapheme.unicodeScalars {
            guard count < 5 else { break }
            text[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        if count == 0 {
            text[0] = wchar_t(32)
            count = 1
        }
        text[count] = 0
        _ = text.withUnsafeBufferPointer { buffer in
            cn_put_cell(
                window, Int32(change.position.y), Int32(change.position.x), buffer.baseAddress!, lastAttributes.0,
                Int32(lastAttributes.1))
        }
    }

    private func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes = cn_a_normal()
        if style.attributes.contains(.bold) { attributes |= cn_a_bold() }
        if style.attributes.contains(.dim) { attributes |= cn_a_dim() }
        if style.attributes.contains(.italic) { attributes |= cn_a_italic() }
        if style.attributes.contains(.underline) { attributes |= cn_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= cn_a_reverse() }
        guard useColor else { return (attributes, 0) }
        let key = ColorPairRegistry.Key(
            foreground: ColorDownsampler.index(for: style.foreground, colors: colors),
            background: ColorDownsampler.index(for: style.background, colors: colors))
        let (pair, isNew) = registry.pair(for: key)
        if isNew { init_pair(pair, key.foreground, key.background) }
        return (attributes, pair)
    }
}
