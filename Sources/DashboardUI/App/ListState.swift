/// The selection and scroll position of one list, kept per route apart from the data.
public struct ListState: Sendable, Hashable {
    /// The selected row.
    public var selected: Int
    /// The first row shown.
    public var offset: Int

    /// Creates a list state.
    /// - Parameters:
    ///   - selected: The selected row.
    ///   - offset: The first row shown.
    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }
}
