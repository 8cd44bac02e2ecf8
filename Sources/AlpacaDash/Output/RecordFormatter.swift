import MarketModel
import Pipeline

/// Turns pipeline results into the headless commands' output: JSON Lines with the seed's field
/// names (a value the upstream did not send is `null`, never 0), or a readable table.
enum RecordFormatter {
    static func json(
        _ symbol: String, _ result: Result<ProcessedStockQuote, PipelineFailure>, type: String? = nil
    ) -> String {
        switch result {
        case .failure(let failure): return errorLine(symbol, failure, type: type)
        case .success(let p):
            var line = JSONLine()
            let q = p.value
            line.add("symbol", q.symbol)
            if let type { line.add("T", type) }
            addQuoteFields(
                &line, bid: q.bidPrice, ask: q.askPrice, bidSize: q.bidSize, askSize: q.askSize,
                last: q.lastPrice, volume: q.volume, timestamp: q.timestamp)
            addEnrichment(&line, p.enrichment, p.delivery)
            return line.finished()
        }
    }

    static func json(_ symbol: String, _ result: Result<ProcessedOptionQuote, PipelineFailure>) -> String {
        switch result {
        case .failure(let failure): return errorLine(symbol, failure)
        case .success(let p):
            var line = JSONLine()
            let q = p.value
            line.add("symbol", q.contract.description)
            addQuoteFields(
                &line, bid: q.bidPrice, ask: q.askPrice, bidSize: q.bidSize, askSize: q.askSize,
                last: q.lastPrice, volume: q.volume, timestamp: q.timestamp)
            addEnrichment(&line, p.enrichment, p.delivery)
            line.add("underlying", q.underlying)
            line.add("expiration", q.contract.expiration.description)
            line.add("type", q.contract.kind.rawValue)
            line.add("strike", q.contract.strike)
            line.add("open_interest", q.openInterest)
            line.add("implied_volatility", q.impliedVolatility)
            line.add("delta", q.greeks?.delta)
            line.add("gamma", q.greeks?.gamma)
            line.add("theta", q.greeks?.theta)
            line.add("vega", q.greeks?.vega)
            line.add("rho", q.greeks?.rho)
            return line.finished()
        }
    }

    static func errorLine(_ symbol: String, _ failure: PipelineFailure, type: String? = nil) -> String {
        var error = JSONLine()
        error.add("code", failure.code.rawValue)
        error.add("rule", failure.rule?.rawValue)
        error.add("message", failure.message)
        var line = JSONLine()
        line.add("symbol", symbol)
        if let type { line.add("T", type) }
        line.add("error", object: error)
        return line.finished()
    }

    private static func addQuoteFields(
        _ line: inout JSONLine, bid: Double?, ask: Double?, bidSize: Int64?, askSize: Int64?, last: Double?,
        volume: Int64?, timestamp: Timestamp?
    ) {
        line.add("bid_price", bid)
        line.add("ask_price", ask)
        line.add("bid_size", bidSize)
        line.add("ask_size", askSize)
        line.add("last_price", last)
        line.add("volume", volume)
        line.add("timestamp", timestamp?.rfc3339)
    }

    private static func addEnrichment(_ line: inout JSONLine, _ e: Enrichment, _ delivery: Delivery) {
        line.add("spread", e.spread)
        line.add("mid_price", e.midPrice)
        line.add("is_market_hours", e.isMarketHours)
        line.add("data_age_seconds", e.dataAgeSeconds)
        line.add("data_source", e.dataSource.rawValue)
        line.add("processing_timestamp", e.processingTimestamp.rfc3339)
        line.add("data_freshness", e.freshness.rawValue)
        line.add("market_status", e.marketStatus.rawValue)
        line.add("data_quality_score", e.quality.score)
        line.add("source", delivery.rawValue)
    }
}
