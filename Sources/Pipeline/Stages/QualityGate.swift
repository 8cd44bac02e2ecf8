public import MarketModel

/// QA: rejects a value whose quality score is below the configured minimum.
public enum QualityGate {
    /// nil when the score passes, otherwise a `QA_ERROR` with rule Q001 and the reasons.
    public static func check(_ enrichment: Enrichment, symbol: String, context: StageContext) -> PipelineFailure? {
        let minimum = context.configuration.minimumQualityScore
        guard enrichment.quality.score < minimum else { return nil }
        let reasons = enrichment.quality.reasons.joined(separator: ", ")
        return PipelineFailure(
            code: .qaError, rule: Rules.minimumQuality, symbol: symbol,
            message: "quality \(enrichment.quality.score) < \(minimum): \(reasons)")
    }
}
