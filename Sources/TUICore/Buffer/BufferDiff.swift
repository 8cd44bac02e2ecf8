/// Computes and applies the cell changes that turn one frame into the next.
public enum BufferDiff {
    /// The changes that turn `previous` into `next`, in row-major order.
    ///
    /// Continuation cells are never emitted: the wide cell to their left draws them. When the
    /// sizes differ every drawn cell of `next` is emitted.
    /// - Parameters:
    ///   - previous: The frame on screen.
    ///   - next: The frame wanted.
    /// - Returns: The changes to draw.
    public static func diff(_ previous: ScreenBuffer, _ next: ScreenBuffer) -> [CellChange] {
        let width = next.size.width
        var changes: [CellChange] = []
        let sameSize = previous.size == next.size
        next.cells.withUnsafeBufferPointer { new in
            previous.cells.withUnsafeBufferPointer { old in
                for index in new.indices where !new[index].isContinuation {
                    if sameSize {
                        // A wide cell also owns the next cell, so compare that too.
                        let continuationDiffers =
                            new[index].width == 2 && index + 1 < new.count && old[index + 1] != new[index + 1]
                        if old[index] == new[index] && !continuationDiffers { continue }
                    }
                    changes.append(
                        CellChange(position: Position(x: index % width, y: index / width), cell: new[index]))
                }
            }
        }
        return changes
    }

    /// Applies changes to a buffer, as a terminal would draw them.
    /// - Parameters:
    ///   - changes: Changes from `diff`.
    ///   - buffer: The buffer to update.
    public static func apply(_ changes: [CellChange], to buffer: inout ScreenBuffer) {
        for change in changes {
            buffer.set(change.cell, x: change.position.x, y: change.position.y)
        }
    }
}
