import Dispatch
import Foundation

/// Watches standard input and reports once per batch of keys.
///
/// A dispatch read source fires again and again while its descriptor stays readable. Left armed
/// while the loop is busy (rendering, or waiting out the frame interval), it would flood the inbox
/// with wake-ups for keys already on their way. So it disarms itself when it fires and the loop
/// re-arms it after reading the keys: one wake-up per batch, and no spinning while the loop works.
@MainActor
final class KeyboardSource {
    private let source: any DispatchSourceRead
    private var armed = true

    /// Starts watching standard input.
    /// - Parameter onReadable: Called on the main actor when keys are waiting.
    init(onReadable: @escaping @MainActor () -> Void) {
        // Queue .main makes the handler main-actor code (gotcha N7).
        source = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO, queue: .main)
        source.setEventHandler { [unowned self] in
            MainActor.assumeIsolated {
                guard armed else { return }
                armed = false
                source.suspend()
                onReadable()
            }
        }
        source.resume()
    }

    /// Watches again once the keys that woke the loop have been read.
    func rearm() {
        guard !armed else { return }
        armed = true
        source.resume()
    }

    /// Stops watching for good.
    func cancel() {
        rearm()  // A suspended source must not be cancelled and released (libdispatch traps).
        source.cancel()
    }
}
