/// The change from the year before: absolute in the indicator's unit (percentage points for a rate),
/// and relative in percent (nil when the year before was 0).
public struct YearOverYear: Sendable, Equatable {
    public var absolute: Double
    public var relative: Double?

    public init(from previous: Double, to current: Double) {
        absolute = current - previous
        relative = previous == 0 ? nil : (current - previous) / previous * 100
    }
}

/// One township's values of one indicator over the years, each with its change from the year before.
public struct Series: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var observation: Observation
        /// Nil when the year before has no value: a gap is not a change.
        public var yoy: YearOverYear?
        public var year: Int { observation.year }
        public var value: Double { observation.value }
    }

    public var place: Place
    public var points: [Point]

    public init(place: Place, points: [Point]) {
        self.place = place
        self.points = points
    }
}

/// A regional total for one year, with how many townships it covers.
public struct RollupPoint: Sendable, Equatable {
    public var year: Int
    /// A sum of counts, or a pooled rate Σ numerator / Σ denominator × 100; nil for a rate without counts.
    public var value: Double?
    public var coverage: Coverage
}

/// How many townships gave a value, of how many townships of the region the store holds that year.
/// `pooled` counts those whose figures went into the pooled value (for a rate: those with both counts).
public struct Coverage: Sendable, Equatable {
    public var reporting: Int
    public var total: Int
    public var pooled: Int

    public init(reporting: Int, total: Int, pooled: Int) {
        self.reporting = reporting
        self.total = total
        self.pooled = pooled
    }
}

extension Dataset {
    /// Each township's series in the region, optionally only the named townships.
    public func series(_ indicator: String, in region: Region = .all, townships: [String] = []) -> [Series] {
        guard let byKey = table[indicator] else { return [] }
        let wanted = Set(townships)
        var series: [Series] = []
        var current: Series?
        // Keys sort by place number, then year: one pass gives each place's points in order.
        for k in byKey.keys.sorted() {
            let o = byKey[k]!
            guard region.contains(o.place), wanted.isEmpty || wanted.contains(o.place.township) else { continue }
            let point = Series.Point(observation: o, yoy: byKey[k - 1].map { YearOverYear(from: $0.value, to: o.value) })
            if current?.place == o.place { current!.points.append(point); continue }
            if let done = current { series.append(done) }
            current = Series(place: o.place, points: [point])
        }
        if let done = current { series.append(done) }
        return series
    }

    /// The region's pooled value for each year the store has reports of the region for.
    public func rollup(_ indicator: String, in region: Region = .all) -> [RollupPoint] {
        var regionYears = Set<Int>()
        for n in places.indices where region.contains(places[n]) { regionYears.formUnion(reportedYears[n]) }
        // A year known only from a later report's stated change still gets its total.
        for (k, o) in table[indicator] ?? [:] where region.contains(o.place) { regionYears.insert(Self.year(ofKey: k)) }
        return regionYears.sorted().map { pooled(indicator, year: $0, in: region) }
    }

    /// Counts add up; a rate with counts pools as Σ numerator / Σ denominator × 100 over the
    /// townships that give both (never a mean of rates); a rate without counts has no pooled value.
    public func pooled(_ indicator: String, year: Int, in region: Region = .all) -> RollupPoint {
        let members = memberNumbers(indicator, in: region, year: year)
        let byKey = table[indicator] ?? [:]
        let values = members.compactMap { byKey[Self.key($0, year)] }
        guard let definition = catalog.indicator(indicator) else {
            return RollupPoint(year: year, value: nil, coverage: Coverage(reporting: values.count, total: members.count, pooled: 0))
        }
        switch definition.kind {
        case .count:
            let sum: Double? = values.isEmpty ? nil : values.reduce(0) { $0 + $1.value }
            return RollupPoint(year: year, value: sum,
                               coverage: Coverage(reporting: values.count, total: members.count, pooled: values.count))
        case .rate:
            guard let ratio = definition.ratio else {
                return RollupPoint(year: year, value: nil, coverage: Coverage(reporting: values.count, total: members.count, pooled: 0))
            }
            let numerators = table[ratio.numerator] ?? [:], denominators = table[ratio.denominator] ?? [:]
            var numerator = 0.0, denominator = 0.0, pooledFrom = 0
            for m in members {
                guard let n = numerators[Self.key(m, year)], let d = denominators[Self.key(m, year)], d.value > 0 else { continue }
                numerator += n.value
                denominator += d.value
                pooledFrom += 1
            }
            return RollupPoint(year: year, value: pooledFrom == 0 ? nil : numerator / denominator * 100,
                               coverage: Coverage(reporting: values.count, total: members.count, pooled: pooledFrom))
        }
    }
}

/// The middle value; the mean of the two middle values for an even count; nil for none.
public func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
