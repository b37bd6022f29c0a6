import Extraction

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
    /// How the value is to be read: `exact`, or, when approximate figures went into it, the qualifier
    /// their combination carries (`more_than` for a sum of lower bounds, `about` otherwise; see `combinedQualifier`).
    public var qualifier: String = "exact"
}

/// How many townships gave a value (`reporting`), of how many sent a report that year (`total`), of how
/// many should have (`expected`: the region's roster and any township that reported besides; see
/// `Dataset.attendance`). `pooled` counts those whose figures went into the pooled value (for a rate:
/// those with both counts).
public struct Coverage: Sendable, Equatable {
    public var reporting: Int
    public var total: Int
    public var pooled: Int
    public var expected: Int

    public init(reporting: Int, total: Int, pooled: Int, expected: Int? = nil) {
        self.reporting = reporting
        self.total = total
        self.pooled = pooled
        self.expected = expected ?? total
    }
}

extension Dataset {
    /// Each township's series in the region, optionally only the named townships.
    public func series(_ indicator: String, in region: Region = .all, townships: [String] = []) -> [Series] {
        guard let c = columnOfIndicator[indicator] else { return [] }
        let column = columns[c]
        let wanted = Set(townships)
        var series: [Series] = []
        for n in placeNumbers(in: region) where !column.range(n).isEmpty {
            let place = places[n]
            guard region.contains(place), wanted.isEmpty || wanted.contains(place.township) else { continue }
            series.append(Series(place: place, points: points(c, n)))
        }
        return series
    }

    /// Place n's points of column c: its entries are by year, so the year before is the entry before.
    func points(_ c: Int, _ n: Int) -> [Series.Point] {
        let entries = columns[c].entries, range = columns[c].range(n)
        return range.map { i in
            let before = i > range.lowerBound && entries[i - 1].year == entries[i].year - 1 ? entries[i - 1] : nil
            return Series.Point(observation: observation(c, n, i),
                                yoy: before.map { YearOverYear(from: $0.value, to: entries[i].value) })
        }
    }

    /// The region's pooled value for each year the store has reports of the region for.
    public func rollup(_ indicator: String, in region: Region = .all) -> [RollupPoint] {
        let inRegion = placeNumbers(in: region)
        var regionYears = reportedYears.years(ofAny: inRegion)
        // A year known only from a later report's stated change still gets its total.
        if let column = column(indicator) {
            for n in inRegion { for i in column.range(n) { regionYears.insert(column.entries[i].year) } }
        }
        return regionYears.sorted().map { year in
            var point = pooled(indicator, year: year, among: inRegion)
            point.coverage.expected = expectedCount(year: year, in: region)
            return point
        }
    }

    /// Counts add up; a rate with counts pools as Σ numerator / Σ denominator × 100 over the
    /// townships that give both (never a mean of rates); a rate without counts has no pooled value.
    public func pooled(_ indicator: String, year: Int, in region: Region = .all) -> RollupPoint {
        var point = pooled(indicator, year: year, among: placeNumbers(in: region))
        point.coverage.expected = expectedCount(year: year, in: region)
        return point
    }

    /// The pooled value over these places (see `placeNumbers`).
    func pooled(_ indicator: String, year: Int, among candidates: [Int]) -> RollupPoint {
        let members = memberNumbers(indicator, among: candidates, year: year)
        let column = column(indicator)
        var reporting = 0, sum = 0.0
        var qualifiers: [String] = []
        let c = columnOfIndicator[indicator]
        for m in members {
            guard let column, let i = column.index(m, year) else { continue }
            reporting += 1
            sum += column.entries[i].value
            qualifiers.append(qualifier((c!, i)))
        }
        func point(_ value: Double?, pooled: Int, _ qualifier: String = "exact") -> RollupPoint {
            RollupPoint(year: year, value: value, coverage: Coverage(reporting: reporting, total: members.count, pooled: pooled),
                        qualifier: qualifier)
        }
        guard let definition = catalog.indicator(indicator) else { return point(nil, pooled: 0) }
        switch definition.kind {
        case .count:
            return point(reporting == 0 ? nil : sum, pooled: reporting, combinedQualifier(qualifiers))
        case .rate:
            guard let ratio = definition.ratio else { return point(nil, pooled: 0) }
            let numerators = self.column(ratio.numerator), denominators = self.column(ratio.denominator)
            var numerator = 0.0, denominator = 0.0, pooledFrom = 0, approximate = false
            for m in members {
                guard let (n, d, a) = counts(ratio, m, year) else { continue }
                numerator += n
                denominator += d
                pooledFrom += 1
                approximate = approximate || a
            }
            return point(pooledFrom == 0 ? nil : numerator / denominator * 100, pooled: pooledFrom, approximate ? "about" : "exact")
        }
    }
}

extension Dataset {
    /// A place's numerator and denominator of a rate in a year (the denominator above 0), and whether
    /// either is approximate; nil without both.
    func counts(_ ratio: Indicator.Ratio, _ n: Int, _ year: Int) -> (Double, Double, Bool)? {
        guard let nc = columnOfIndicator[ratio.numerator], let dc = columnOfIndicator[ratio.denominator],
              let ni = columns[nc].index(n, year), let di = columns[dc].index(n, year), columns[dc].entries[di].value > 0
        else { return nil }
        return (columns[nc].entries[ni].value, columns[dc].entries[di].value, approximate((nc, ni)) || approximate((dc, di)))
    }
}

/// The qualifier a sum of values with these qualifiers carries: `exact` when all are exact; `more_than`
/// when every other one is exact, more_than or at_least (a sum of lower bounds is a lower bound);
/// `at_most` likewise for upper bounds (at_most, less_than); `about` for any other mixture.
public func combinedQualifier(_ qualifiers: [String]) -> String {
    let inexact = Set(qualifiers).subtracting(["exact"])
    if inexact.isEmpty { return "exact" }
    if inexact.isSubset(of: ["more_than", "at_least"]) { return inexact.contains("more_than") ? "more_than" : "at_least" }
    if inexact.isSubset(of: ["at_most", "less_than"]) { return inexact.contains("less_than") ? "less_than" : "at_most" }
    return "about"
}

/// The middle value; the mean of the two middle values for an even count; nil for none.
public func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
