import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The audit file on disk: opened on demand with mode 0600, appended to, rotated at a size.
///
/// Not thread-safe by itself; `AuditLog` keeps it behind a `Mutex` and touches it only from its
/// writer queue.
struct AuditFile {
    let path: String
    let maximumBytes: Int
    private var descriptor: Int32 = -1
    private var size = 0

    init(path: String, maximumBytes: Int) {
        self.path = path
        self.maximumBytes = maximumBytes
    }

    /// Appends whole lines, rotating first whenever the next line would pass the size limit.
    ///
    /// - Returns: How many of the lines could not be written.
    mutating func append(_ lines: [String]) -> Int {
        var dropped = 0
        var chunk: [UInt8] = []
        var chunkLines = 0
        for line in lines {
            let length = line.utf8.count
            let pending = size + chunk.count
            if pending > 0, pending + length > maximumBytes {
                if !writeChunk(chunk) { dropped += chunkLines }
                chunk.removeAll(keepingCapacity: true)
                chunkLines = 0
                rotate()
            }
            chunk.append(contentsOf: line.utf8)
            chunkLines += 1
        }
        if !chunk.isEmpty, !writeChunk(chunk) { dropped += chunkLines }
        return dropped
    }

    /// Closes the file; the next append opens it again.
    mutating func closeFile() {
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
    }

    /// Writes bytes at the end of the file, opening it first if needed; false when they could not be written.
    private mutating func writeChunk(_ bytes: [UInt8]) -> Bool {
        guard openIfNeeded() else { return false }
        let written = bytes.withUnsafeBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    break
                }
                offset += result
            }
            return offset
        }
        size += written
        guard written == bytes.count else {
            // Disk full or I/O error: reopen (and re-check the size) on the next append.
            closeFile()
            return false
        }
        return true
    }

    /// Moves the file to `<path>.1` (replacing an older one) and starts a new one.
    private mutating func rotate() {
        closeFile()
        _ = rename(path, path + ".1")
        size = 0
    }

    private mutating func openIfNeeded() -> Bool {
        if descriptor >= 0 { return true }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // O_NOFOLLOW: a symlink planted at the path (to ~/.ssh/authorized_keys, say) is refused, not
        // followed; only a regular file is written.
        let opened = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard opened >= 0 else { return false }
        var status = stat()
        guard fstat(opened, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            _ = close(opened)
            return false
        }
        // open(2)'s mode only applies to a new file and is masked by the umask; force 0600 either way.
        guard fchmod(opened, 0o600) == 0 else {
            _ = close(opened)
            return false
        }
        size = Int(status.st_size)
        descriptor = opened
        return true
    }
}
