import MarketModel

/// Maps per-symbol outcomes to the documented exit status.
enum ExitPolicy {
    /// 0 when all succeeded; 4 when every failure says the upstream is unreachable or refused us
    /// and nothing succeeded; 3 when some symbols failed.
    static func status(failures: [PipelineFailure], successes: Int) -> Int32 {
        guard !failures.isEmpty else { return 0 }
        let upstreamDown = failures.allSatisfy {
            $0.code == .upstreamError && ($0.httpStatus == nil || $0.httpStatus == 401 || $0.httpStatus == 403)
        }
        return successes == 0 && upstreamDown ? 4 : 3
    }
}
