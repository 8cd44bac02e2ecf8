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
        for (index, cell) in next.cells.enumerated() where !cell.isContinuation {
            if sameSize {
                let old = previous.cells[index]
                // A wide cell also owns the next cell, so compare that too.
                let continuationDiffers =
                    cell.width == 2 && index + 1 < next.cells.count
                    && previous.cells[index + 1] != next.cells[index + 1]
                if old == cell && !continuationDiffers { continue }
            }
            changes.append(CellChange(position: Position(x: index % width, y: index / width), cell: cell))
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
