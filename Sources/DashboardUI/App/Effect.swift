public import MarketModel

/// What the loop must do after an update: data, never closures, so tests can compare them.
public enum Effect: Sendable, Equatable {
    /// Send a command to the pipeline.
    case command(PipelineCommand)
    /// Restore the terminal and exit with status 0.
    case quit
    /// Repaint every cell (the screen may have been disturbed).
    case redraw
}
