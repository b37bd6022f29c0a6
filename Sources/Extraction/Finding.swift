import ReportText

/// One number found for one indicator, with the sentence it came from.
public struct Finding: Sendable, Equatable, Codable {
    public var indicator: String
    public var value: Double
    public var unit: String
    public var qualifier: Qualifier
    /// The number as the report writes it, with its qualifier: `2万余`, `96%`, `一百二十三`.
    public var written: String
    /// The sentence the number came from, as the report writes it.
    public var evidence: String
    /// Where the evidence starts in the decoded original file, in Unicode scalars.
    public var offset: Int
    /// Where the number itself starts in the decoded original file, in Unicode scalars.
    public var numberOffset: Int
    /// How well the sentence fits the indicator; the best candidate is chosen.
    public var score: Int
    /// The value reported for the indicator; the others are alternatives kept for review.
    public var chosen: Bool
    /// The change from the previous year stated right after the value, signed, in the value's unit
    /// (`较上年增加58人` → 58, `比上年减少3件` → -3); for a rate, in percentage points
    /// (`同比增加2个百分点` → 2). Nil where the report states none.
    public var statedChange: Double? = nil
    /// The growth from the previous year stated right after the value, signed, in percent
    /// (`增长率109%` → 109, `同比下降12%` → -12). Nil where the report states none.
    public var statedGrowthPercent: Double? = nil
    /// How sure the extractor is of the value: `high`, or `review` where a person should look.
    public var confidence: Confidence = .high
    /// For `review`, why, in a few words (Chinese, then English): `句中有分项词“其中” (a subset word
    /// nearby)`. Several reasons are joined with `；`. Nil for `high`.
    public var reviewReason: String? = nil

    public init(indicator: String, value: Double, unit: String, qualifier: Qualifier, written: String,
                evidence: String, offset: Int, numberOffset: Int, score: Int, chosen: Bool,
                statedChange: Double? = nil, statedGrowthPercent: Double? = nil) {
        self.indicator = indicator
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.written = written
        self.evidence = evidence
        self.offset = offset
        self.numberOffset = numberOffset
        self.score = score
        self.chosen = chosen
        self.statedChange = statedChange
        self.statedGrowthPercent = statedGrowthPercent
    }
}

/// How sure the extractor is of a finding.
public enum Confidence: String, Sendable, Codable, CaseIterable {
    /// The rule matched cleanly: the subject in the number's own clause, its usual measure word,
    /// no subset word or rival candidate near it, the place settled.
    case high
    /// Something beside the number makes it worth a person's look; `Finding.reviewReason` says what.
    case review
}

extension Finding {
    /// Marks the finding for review with one more reason.
    public mutating func flagForReview(_ reason: String) {
        confidence = .review
        if let existing = reviewReason {
            if !existing.contains(reason) { reviewReason = existing + "；" + reason }
        } else {
            reviewReason = reason
        }
    }
}
