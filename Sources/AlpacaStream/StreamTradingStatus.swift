public import MarketModel

/// A trading status message (`T: "s"`): a halt, a resumption, a quote-only period.
public struct StreamTradingStatus: Sendable, Equatable {
    /// `sc`: the status code (`H` halted, `T` trading, …).
    public var code: String?
    /// `sm`: the status message.
    public var message: String?
    /// `rc`: the reason code.
    public var reasonCode: String?
    /// `rm`: the reason message.
    public var reasonMessage: String?
    /// `t`: when it took effect.
    public var time: Timestamp?

    /// Creates a status.
    public init(
        code: String? = nil, message: String? = nil, reasonCode: String? = nil, reasonMessage: String? = nil,
        time: Timestamp? = nil
    ) {
        self.code = code
        self.message = message
        self.reasonCode = reasonCode
        self.reasonMessage = reasonMessage
        self.time = time
    }
}
