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
}
