public import MarketModel

/// The seed's quality score (0–100), keeping a reason for every deduction.
///
/// −min(50, age − 30) past 30 s of age; −30 when the bid or ask is missing (nil or 0);
/// −20 when the spread exceeds 5 % of the ask; −10 when volume is missing or 0.
/// Age is only penalised while the regular session is open: with the market closed, last
/// session's data is as fresh as data can be, and freshness is V009's business.
public enum QualityScorer {
    /// Scores a value from its parts.
    /// - Parameters:
    ///   - bid: Bid price.
    ///   - ask: Ask price.
    ///   - volume: Day volume.
    ///   - age: Age of the upstream timestamp, seconds.
    ///   - session: The market session.
    public static func score(
        bid: Double?, ask: Double?, volume: Int64?, age: Double?, session: MarketSession
    )
        -> QualityScore
    {
        var score = 100
        var reasons: [String] = []
        if session == .regular, let age, age > 30 {
            let penalty = Checked.int(min(50, age - 30), rounding: .up) ?? 50
            score -= penalty
            reasons.append("age \(Checked.wholeText(age)) s (−\(penalty))")
        }
        let hasBid = (bid ?? 0) > 0
        let hasAsk = (ask ?? 0) > 0
        if !hasBid || !hasAsk {
            score -= 30
            reasons.append(!hasBid && !hasAsk ? "no bid or ask (−30)" : !hasBid ? "no bid (−30)" : "no ask (−30)")
        } else if let bid, let ask, (ask - bid) / ask * 100 > 5 {
            score -= 20
            reasons.append("spread \(Checked.wholeText((ask - bid) / ask * 100)) % of ask (−20)")
        }
        if (volume ?? 0) == 0 {
            score -= 10
            reasons.append(volume == nil ? "no volume (−10)" : "zero volume (−10)")
        }
        return QualityScore(score: max(0, score), reasons: reasons)
    }
}
