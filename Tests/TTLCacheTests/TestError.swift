/// An upstream failure a test fetch throws.
struct TestError: Error, Equatable {
    var code: Int
}
