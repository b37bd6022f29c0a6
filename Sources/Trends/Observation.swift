/// One value of one indicator for one township and year, as stated in a report, set by a correction,
/// imported, or derived from other values.
public struct Observation: Sendable, Equatable {
    public var place: Place
    public var year: Int
    public var indicator: String
    public var value: Double
    public var unit: String
    /// `exact`, `more_than`, `about`, `nearly`, `at_least`.
    public var qualifier: String
    /// The report's path, `correction`, `import:FILE`, or for a derived value the sources it came from.
    public var source: String
    /// Computed from other values (a rate from its counts, a previous year from a stated change).
    public var derived: Bool
    /// The sentence the value came from, or the note of a correction, or how it was derived.
    public var evidence: String?
    /// A change from the previous year stated beside the value, signed.
    public var statedChange: Double?
    /// A growth rate stated beside the value, in percent, signed.
    public var statedGrowthPercent: Double?

    public var corrected: Bool { source == "correction" }
    /// 余, 约, 近, 以上: the report gives a bound or a rounded figure.
    public var approximate: Bool { qualifier != "exact" }
}
