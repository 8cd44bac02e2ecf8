/// The option chain of one underlying and one expiration, as the chain panel shows it.
public struct OptionChainView: Sendable, Equatable {
    /// One contract's cell: its processed quote, or the failure that rejected it.
    public struct Cell: Sendable, Equatable {
        /// The contract.
        public var contract: OCCSymbol
        /// The processed quote, when it passed.
        public var quote: ProcessedOptionQuote?
        /// The rejection, when it failed.
        public var failure: PipelineFailure?

        /// Creates a cell.
        public init(contract: OCCSymbol, quote: ProcessedOptionQuote? = nil, failure: PipelineFailure? = nil) {
            self.contract = contract
            self.quote = quote
            self.failure = failure
        }
    }

    /// One strike: the call on the left, the put on the right.
    public struct Row: Sendable, Equatable {
        /// The strike in thousandths of a dollar.
        public var strikeThousandths: Int
        /// The call, when listed.
        public var call: Cell?
        /// The put, when listed.
        public var put: Cell?

        /// Creates a row.
        public init(strikeThousandths: Int, call: Cell? = nil, put: Cell? = nil) {
            self.strikeThousandths = strikeThousandths
            self.call = call
            self.put = put
        }

        /// The strike in dollars.
        public var strike: Double { Double(strikeThousandths) / 1000 }
    }

    /// The underlying symbol.
    public var underlying: String
    /// The underlying's last price (from the watchlist pipeline), used to mark the money.
    public var underlyingPrice: Double?
    /// Every expiration listed, ascending.
    public var expirations: [CalendarDate]
    /// The expiration shown.
    public var selectedExpiration: CalendarDate?
    /// Rows for the selected expiration, ascending by strike.
    public var rows: [Row]
    /// When the chain was last fetched successfully.
    public var fetchedAt: Timestamp?
    /// The latest failure fetching the chain, if any.
    public var failure: PipelineFailure?

    /// Creates a chain view.
    public init(
        underlying: String, underlyingPrice: Double? = nil, expirations: [CalendarDate] = [],
        selectedExpiration: CalendarDate? = nil, rows: [Row] = [], fetchedAt: Timestamp? = nil,
        failure: PipelineFailure? = nil
    ) {
        self.underlying = underlying
        self.underlyingPrice = underlyingPrice
        self.expirations = expirations
        self.selectedExpiration = selectedExpiration
        self.rows = rows
        self.fetchedAt = fetchedAt
        self.failure = failure
    }
}
