import Foundation

/// The static, seed-derived character of one stock symbol: price level, volatility, venue, size.
struct StockProfile: Sendable {
    /// The ticker.
    let symbol: String
    /// The hash key of (symbol, seed).
    let key: UInt64
    /// The price the random walk wanders around (5–800, or near the reference seed).
    let basePrice: Double
    /// Annualised volatility (0.15–0.9).
    let volatility: Double
    /// Quoted spread in basis points of the mid.
    let spreadBasisPoints: Double
    /// Listing exchange as the trading API names it.
    let exchange: String
    /// The quote/trade exchange code.
    let exchangeCode: String
    /// The SIP tape (`A` NYSE, `B` ARCA/regional, `C` Nasdaq).
    let tape: String
    /// Average daily volume in shares.
    let averageDailyVolume: Double
    /// The asset id.
    let assetID: String
    /// The long name.
    let name: String

    /// Derives the profile of `symbol` under `seed`.
    init(symbol: String, seed: UInt64) {
        self.symbol = symbol
        let key = StableHash.combine(StableHash.fnv1a(symbol), seed)
        self.key = key
        let u1 = StableHash.unit(key, 1)
        let u2 = StableHash.unit(key, 2)
        let u3 = StableHash.unit(key, 3)
        let u4 = StableHash.unit(key, 4)
        let reference = Self.referenceSeeds[symbol]
        let price =
            reference.map { $0.price * exp((u1 - 0.5) * 0.1) } ?? exp(log(5.0) + u1 * (log(800.0) - log(5.0)))
        basePrice = (price * 100).rounded() / 100
        volatility = reference.map { $0.volatility * (0.9 + 0.2 * u2) } ?? 0.15 + u2 * 0.45 + (price < 20 ? 0.2 : 0)
        spreadBasisPoints = 1.5 + 60 / price.squareRoot()
        switch reference?.exchange ?? (u3 < 0.5 ? "NASDAQ" : u3 < 0.85 ? "NYSE" : "ARCA") {
        case "NASDAQ":
            (exchange, exchangeCode, tape) = ("NASDAQ", "Q", "C")
        case "NYSE":
            (exchange, exchangeCode, tape) = ("NYSE", "N", "A")
        default:
            (exchange, exchangeCode, tape) = ("ARCA", "P", "B")
        }
        averageDailyVolume =
            reference.map { $0.averageDailyVolume * (0.8 + 0.4 * u4) }
            ?? exp(log(200_000.0) + u4 * (log(80_000_000.0) - log(200_000.0)))
        assetID = StableHash.uuid(StableHash.combine(StableHash.fnv1a(symbol), 0xa55e7))
        name = Self.knownNames[symbol] ?? Self.syntheticName(symbol: symbol, key: key)
    }

    /// The price path of this symbol.
    var path: PricePath { PricePath(basePrice: basePrice, volatility: volatility, key: key) }

    /// Simulated seeds for the default watchlist, so the demo looks like a market one recognises.
    ///
    /// Each is a plausible price level, annualised volatility, listing venue and daily volume:
    /// round figures picked for the simulator, not quotes. The seed still moves the price ±5 % and
    /// the volatility ±10 %; every other symbol derives all of it from its name.
    static let referenceSeeds:
        [String: (price: Double, volatility: Double, exchange: String, averageDailyVolume: Double)] = [
            "AAPL": (230, 0.25, "NASDAQ", 55_000_000),
            "MSFT": (430, 0.22, "NASDAQ", 20_000_000),
            "NVDA": (140, 0.50, "NASDAQ", 250_000_000),
            "AMZN": (210, 0.30, "NASDAQ", 40_000_000),
            "GOOGL": (175, 0.28, "NASDAQ", 25_000_000),
            "META": (590, 0.35, "NASDAQ", 15_000_000),
            "TSLA": (330, 0.55, "NASDAQ", 100_000_000),
            "SPY": (600, 0.15, "ARCA", 70_000_000),
            "QQQ": (520, 0.20, "NASDAQ", 40_000_000),
            "AMD": (150, 0.50, "NASDAQ", 50_000_000),
        ]

    /// Real names for a few well-known tickers; other symbols get a synthetic name.
    static let knownNames: [String: String] = [
        "AAPL": "Apple Inc. Common Stock",
        "MSFT": "Microsoft Corporation Common Stock",
        "TSLA": "Tesla, Inc. Common Stock",
        "NVDA": "NVIDIA Corporation Common Stock",
        "AMZN": "Amazon.com, Inc. Common Stock",
        "META": "Meta Platforms, Inc. Class A Common Stock",
        "GOOGL": "Alphabet Inc. Class A Common Stock",
        "SPY": "SPDR S&P 500 ETF Trust",
        "QQQ": "Invesco QQQ Trust, Series 1",
        "AMD": "Advanced Micro Devices, Inc. Common Stock",
    ]

    private static let firstWords = [
        "Apex", "Beacon", "Cedar", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Iris", "Juniper", "Keystone",
        "Lumen", "Meridian", "Northwind", "Orion", "Pioneer", "Quarry", "Redwood", "Summit", "Tidewater",
    ]
    private static let secondWords = [
        "Holdings", "Technologies", "Systems", "Industries", "Therapeutics", "Energy", "Financial", "Brands",
        "Networks", "Materials",
    ]

    private static func syntheticName(symbol: String, key: UInt64) -> String {
        let first = firstWords[Int(StableHash.mix(key ^ 11) % UInt64(firstWords.count))]
        let second = secondWords[Int(StableHash.mix(key ^ 12) % UInt64(secondWords.count))]
        return "\(first) \(second), Inc. Common Stock"
    }
}
