public import Foundation

/// A trading-API decimal kept at full precision: the text as sent, and its `Decimal` value.
///
/// Accepts Alpaca's strings (`"122011.09751111286868"`) and, tolerantly, bare numbers.
public struct WireDecimal: Sendable, Equatable, CustomStringConvertible {
    /// The text exactly as received.
    public var text: String
    /// The exact decimal value.
    public var value: Decimal

    /// Creates a decimal from text; nil when it is not a number.
    public init?(_ text: String) {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else {
            return nil
        }
        self.text = text
        self.value = value
    }

    /// Reads a JSON string or number.
    /// - Throws: `DecodeError` when the value is neither a numeric string nor a number.
    public init(json: JSONValue) throws(DecodeError) {
        let text = json.isString ? try json.string() : json.isNumber ? json.rawText : ""
        guard let decimal = WireDecimal(text) else { throw DecodeError("expected a decimal") }
        self = decimal
    }

    /// The value as a Double (for display only).
    public var doubleValue: Double { NSDecimalNumber(decimal: value).doubleValue }

    /// The text as sent.
    public var description: String { text }
}
