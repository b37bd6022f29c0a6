/// One value of one indicator for one township and year, as stated in a report, set by a correction,
/// imported, or derived from other values.
///
/// A class: a reference is copied and moved far more cheaply than a struct of a dozen fields. The
/// Dataset keeps its values as plain numbers and makes one of these only for a value it hands out.
public final class Observation: Sendable, Equatable {
    public let place: Place
    public let year: Int
    public let indicator: String
    public let value: Double
    public let unit: String
    /// `exact`, `more_than`, `about`, `nearly`, `at_least`.
    public let qualifier: String
    /// The report's path, `correction`, `import:FILE`, or for a derived value the sources it came from.
    public let source: String
    /// Computed from other values (a rate from its counts, a previous year from a stated change).
    public let derived: Bool
    /// The sentence the value came from, or the note of a correction, or how it was derived.
    public var evidence: String? {
        switch origin {
        case .text(let text): return text
        case .ratio(let ratio): return ratio.evidence
        }
    }
    private let origin: Origin
    /// A change from the previous year stated beside the value, signed.
    public let statedChange: Double?
    /// A growth rate stated beside the value, in percent, signed.
    public let statedGrowthPercent: Double?
    /// A person decided on this value (accepted, chose or typed it; `StoredValue.reviewed`). Never for a
    /// derived value: no one reviewed the computation.
    public let reviewed: Bool

    public convenience init(place: Place, year: Int, indicator: String, value: Double, unit: String, qualifier: String,
                            source: String, derived: Bool, evidence: String?, statedChange: Double? = nil,
                            statedGrowthPercent: Double? = nil, reviewed: Bool = false) {
        self.init(place: place, year: year, indicator: indicator, value: value, unit: unit, qualifier: qualifier,
                  source: source, derived: derived, origin: .text(evidence), statedChange: statedChange,
                  statedGrowthPercent: statedGrowthPercent, reviewed: reviewed && !derived)
    }

    /// A rate derived from its counts (see `Dataset.observation(_:_:_:)`).
    convenience init(place: Place, year: Int, indicator: String, value: Double, unit: String, qualifier: String,
                     source: String, ratio: RatioDerivation) {
        self.init(place: place, year: year, indicator: indicator, value: value, unit: unit, qualifier: qualifier,
                  source: source, derived: true, origin: .ratio(ratio), statedChange: nil, statedGrowthPercent: nil,
                  reviewed: false)
    }

    private init(place: Place, year: Int, indicator: String, value: Double, unit: String, qualifier: String, source: String,
                 derived: Bool, origin: Origin, statedChange: Double?, statedGrowthPercent: Double?, reviewed: Bool) {
        self.place = place
        self.year = year
        self.indicator = indicator
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.source = source
        self.derived = derived
        self.origin = origin
        self.statedChange = statedChange
        self.statedGrowthPercent = statedGrowthPercent
        self.reviewed = reviewed
    }

    public var corrected: Bool { source == "correction" }
    /// 余, 约, 近, 以上: the report gives a bound or a rounded figure.
    public var approximate: Bool { qualifier != "exact" }

    public static func == (a: Observation, b: Observation) -> Bool {
        a.place == b.place && a.year == b.year && a.indicator == b.indicator && a.value == b.value && a.unit == b.unit
            && a.qualifier == b.qualifier && a.source == b.source && a.derived == b.derived && a.evidence == b.evidence
            && a.statedChange == b.statedChange && a.statedGrowthPercent == b.statedGrowthPercent
            && a.reviewed == b.reviewed
    }
}

extension Observation {
    /// Where `evidence` comes from: a text, or the counts of a derived rate, written out only when asked
    /// for. A store of 40,000 townships derives 100,000 rates whose sentences few ever read.
    enum Origin: Sendable {
        case text(String?)
        indirect case ratio(RatioDerivation)
    }
}

/// numerator ÷ denominator × 100, with the indicators' names and the counts' figures for the sentence
/// that says so.
struct RatioDerivation: Sendable {
    let numeratorName: String
    let numerator: Double
    let numeratorUnit: String
    let denominatorName: String
    let denominator: Double
    let denominatorUnit: String

    var evidence: String {
        "由\(numeratorName)\(formatted(numerator))\(numeratorUnit) ÷ \(denominatorName)"
            + "\(formatted(denominator))\(denominatorUnit) × 100 计算。"
    }
}
