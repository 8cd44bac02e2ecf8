internal import CNCurses

/// Keeps glibc's allocator from holding on to memory a long-running dashboard has already freed.
///
/// A refresh of a 1000-symbol watchlist decodes several response bodies of a few hundred KiB at
/// once, on whichever threads the runtime picks. With glibc's defaults each of those threads may
/// get its own arena, and the mmap threshold rises after the first large block is freed, so later
/// bodies land in the arenas and their freed pages stay resident. `scripts/measure-rss.sh 1000`
/// measured 21.8 MiB of anonymous memory with the defaults and 11.1 MiB with these settings
/// (docs/performance.md). It lives here, beside the terminal's other process-wide settings
/// (signals, locale), because only this adapter sees C.
public enum AllocatorTuning {
    /// Allocations at least this large get their own mapping and go back to the system when freed.
    public static let mmapThreshold = 256 * 1024
    /// At most this many malloc arenas.
    public static let arenaLimit = 2

    /// Applies the settings; call it once, early.
    ///
    /// Arenas already attached to threads are kept, so the cap applies to those created
    /// afterwards, such as the refresh tasks' worker threads.
    /// - Returns: Whether glibc accepted both settings.
    @discardableResult
    public static func apply() -> Bool {
        cn_tune_allocator(Int32(arenaLimit), Int32(mmapThreshold)) == 1
    }
}
