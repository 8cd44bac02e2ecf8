import Foundation
import MarketModel

/// Builds Alpaca's JSON shapes from generated values.
enum WireEncoder {
    /// A stock quote: `ap as ax bp bs bx c t z`.
    static func stockQuote(_ quote: SimQuote, tape: String) -> JSONValue {
        .object([
            "ap": .number(quote.askPrice), "as": .int(quote.askSize), "ax": .string(quote.askExchange),
            "bp": .number(quote.bidPrice), "bs": .int(quote.bidSize), "bx": .string(quote.bidExchange),
            "c": .array([.string("R")]), "t": .string(quote.time.rfc3339), "z": .string(tape),
        ])
    }

    /// A stock trade: `c i p s t x z`.
    static func stockTrade(_ trade: SimTrade, tape: String) -> JSONValue {
        let conditions: [JSONValue] = trade.extendedHours ? [.string("@"), .string("T")] : [.string("@")]
        return .object([
            "c": .array(conditions), "i": .int(Int64(bitPattern: trade.id)), "p": .number(trade.price),
            "s": .int(trade.size), "t": .string(trade.time.rfc3339), "x": .string(trade.exchange),
            "z": .string(tape),
        ])
    }

    /// A bar: `c h l n o t v vw`.
    static func bar(_ bar: SimBar) -> JSONValue {
        .object([
            "c": .number(bar.close), "h": .number(bar.high), "l": .number(bar.low), "n": .int(bar.tradeCount),
            "o": .number(bar.open), "t": .string(bar.time.rfc3339), "v": .int(bar.volume), "vw": .number(bar.vwap),
        ])
    }

    /// An option quote: `ap as ax bp bs bx c t` with a single-string condition.
    static func optionQuote(_ quote: SimQuote) -> JSONValue {
        .object([
            "ap": .number(quote.askPrice), "as": .int(quote.askSize), "ax": .string(quote.askExchange),
            "bp": .number(quote.bidPrice), "bs": .int(quote.bidSize), "bx": .string(quote.bidExchange),
            "c": .string("A"), "t": .string(quote.time.rfc3339),
        ])
    }

    /// An option trade: `c p s t x` with a single-string condition.
    static func optionTrade(_ trade: SimTrade) -> JSONValue {
        .object([
            "c": .string("I"), "p": .number(trade.price), "s": .int(trade.size), "t": .string(trade.time.rfc3339),
            "x": .string(trade.exchange),
        ])
    }

    /// An option snapshot: `greeks impliedVolatility latestQuote latestTrade`.
    static func optionSnapshot(_ snapshot: SimOptionSnapshot, includeQuote: Bool = true) -> JSONValue {
        var members: [String: JSONValue] = [
            "greeks": .object([
                "delta": .number(snapshot.greeks.delta), "gamma": .number(snapshot.greeks.gamma),
                "rho": .number(snapshot.greeks.rho), "theta": .number(snapshot.greeks.theta),
                "vega": .number(snapshot.greeks.vega),
            ]),
            "impliedVolatility": .number(snapshot.impliedVolatility),
        ]
        if includeQuote { members["latestQuote"] = optionQuote(snapshot.quote) }
        if let trade = snapshot.trade { members["latestTrade"] = optionTrade(trade) }
        return .object(members)
    }

    /// A trading-API decimal string with at most `places` decimals and no trailing zeros.
    static func decimal(_ value: Double, places: Int = 2) -> JSONValue { .string(decimalText(value, places: places)) }

    /// The text of ``decimal(_:places:)``.
    static func decimalText(_ value: Double, places: Int = 2) -> String {
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
