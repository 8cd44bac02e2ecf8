public import MarketModel

/// Enrichment and derived fields: lineage, processing time, freshness, market status, quality
/// score, and the derived `spread`, `mid_price`, `is_market_hours`, `data_age_seconds` — each only
/// when its inputs exist.
///
/// Never market data: nothing here stands in for a missing upstream value.
public enum Enricher {
    /// Enrichment proper: lineage, processing time, freshness, market status and quality score.
    ///
    /// The derived fields are left empty for ``derive(_:bid:ask:timestamp:context:)``.
    /// - Parameters:
    ///   - bid: Bid price (0 = none).
    ///   - ask: Ask price (0 = none).
    ///   - volume: Day volume.
    ///   - timestamp: The value's upstream timestamp.
    ///   - context: Time, clock and thresholds.
    public static func enrich(
        bid: Double?, ask: Double?, volume: Int64?, timestamp: Timestamp?, context: StageContext
    ) -> Enrichment {
        let session = context.session
        let age = timestamp.map { max(0, context.now.seconds(since: $0)) }
        let stale = session == .regular && (age ?? .infinity) > context.configuration.stalenessLimit
        return Enrichment(
            dataSource: context.configuration.dataSource,
            processingTimestamp: context.now,
            freshness: stale ? .stale : .fresh,
            marketStatus: session,
            quality: QualityScorer.score(bid: bid, ask: ask, volume: volume, age: age, session: session),
            spread: nil, midPrice: nil, isMarketHours: false, dataAgeSeconds: nil)
    }

    /// Derived fields (never market data), each only when its inputs exist: `spread` and
    /// `mid_price` need a bid and an ask above 0; `data_age_seconds` needs a timestamp.
    public static func derive(
        _ enrichment: Enrichment, bid: Double?, ask: Double?, timestamp: Timestamp?, context: StageContext
    ) -> Enrichment {
        var out = enrichment
        if let bid, let ask, bid > 0, ask > 0 {
            // In the inputs' decimals: 100.07 − 100.01 is 0.06, not 0.060000000000002274.
            let places = max(Checked.decimalPlaces(bid), Checked.decimalPlaces(ask))
            out.spread = Checked.round(ask - bid, places: places)
            out.midPrice = Checked.round((ask + bid) / 2, places: places + 1)
        }
        out.isMarketHours =
            timestamp.map { t in
                let ny = context.newYorkClock(of: t)
                return !ny.weekend && ny.minute >= 570 && ny.minute < 960
            } ?? false
        out.dataAgeSeconds = timestamp.map { Checked.round(max(0, context.now.seconds(since: $0)), places: 3) }
        return out
    }

    /// Enriches and derives for a stock quote in one call (cache hits, tests).
    public static func enrich(_ quote: StockQuote, context: StageContext) -> Enrichment {
        let e = enrich(
            bid: quote.bidPrice, ask: quote.askPrice, volume: quote.volume, timestamp: quote.timestamp, context: context
        )
        return derive(e, bid: quote.bidPrice, ask: quote.askPrice, timestamp: quote.timestamp, context: context)
    }

    /// Enriches and derives for an option quote in one call.
    public static func enrich(_ quote: OptionQuote, context: StageContext) -> Enrichment {
        let e = enrich(
            bid: quote.bidPrice, ask: quote.askPrice, volume: quote.volume, timestamp: quote.timestamp, context: context
        )
        return derive(e, bid: quote.bidPrice, ask: quote.askPrice, timestamp: quote.timestamp, context: context)
    }
}
