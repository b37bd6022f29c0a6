import Extraction

/// A like-for-like year-on-year change: the same townships in both years (a matched panel), their
/// values summed (a count), pooled from their counts (a rate with counts), or their middle value (a rate
/// stated without counts), in each year.
public struct MatchedChange: Sendable, Equatable {
    public enum Basis: String, Sendable {
        /// Σ of the matched townships' values.
        case sum
        /// Σ numerator ÷ Σ denominator × 100 over the matched townships, which give both counts in both years.
        case pooledRate = "pooled_rate"
        /// The median of the matched townships' stated rates: no township gives the counts in both years.
        case median
    }

    public var indicator: String
    public var year: Int
    public var previousYear: Int { year - 1 }
    public var basis: Basis
    /// The townships with a value (for a pooled rate: both counts) in both years, in place order.
    public var matched: [Place]
    /// How many townships should report in `year` (see `Attendance.expected`).
    public var expected: Int
    /// The matched townships' figure in each year; nil when none matched.
    public var current: Double?
    public var previous: Double?
    /// Each figure's qualifier (see `combinedQualifier`).
    public var currentQualifier: String
    public var previousQualifier: String

    /// Under 3 townships, or under half of those expected: too few to speak for the region.
    public var isSmall: Bool { matched.count < 3 || matched.count * 2 < expected }

    /// current − previous (percentage points for a rate) and relative change; nil when the panel is small
    /// or empty: then fazhi says how many matched instead of a percentage.
    public var change: YearOverYear? {
        guard !isSmall, let current, let previous else { return nil }
        return YearOverYear(from: previous, to: current)
    }

    /// Whether an approximate figure went into either year.
    public var approximate: Bool { currentQualifier != "exact" || previousQualifier != "exact" }
}

extension Dataset {
    /// The change from `year - 1` to `year` over the townships of the region that give the indicator in both.
    public func matchedChange(_ indicator: String, year: Int, in region: Region = .all) -> MatchedChange {
        let inRegion = placeNumbers(in: region)
        return matchedChange(indicator, year: year, among: inRegion, expected: expectedCount(year: year, among: inRegion, in: region))
    }

    /// `matchedChange` over these places (see `placeNumbers`), of which `expected` should report.
    func matchedChange(_ indicator: String, year: Int, among inRegion: [Int], expected: Int) -> MatchedChange {
        let definition = catalog.indicator(indicator)
        var result = MatchedChange(indicator: indicator, year: year, basis: .sum, matched: [], expected: expected,
                                   current: nil, previous: nil, currentQualifier: "exact", previousQualifier: "exact")
        if definition?.kind == .rate, let ratio = definition?.ratio {
            var panel: [(Int, (Double, Double, Bool), (Double, Double, Bool))] = []
            for n in inRegion {
                guard let now = counts(ratio, n, year), let before = counts(ratio, n, year - 1) else { continue }
                panel.append((n, now, before))
            }
            if !panel.isEmpty {
                result.basis = .pooledRate
                result.matched = panel.map { places[$0.0] }
                result.current = panel.map { $0.1.0 }.reduce(0, +) / panel.map { $0.1.1 }.reduce(0, +) * 100
                result.previous = panel.map { $0.2.0 }.reduce(0, +) / panel.map { $0.2.1 }.reduce(0, +) * 100
                result.currentQualifier = panel.contains { $0.1.2 } ? "about" : "exact"
                result.previousQualifier = panel.contains { $0.2.2 } ? "about" : "exact"
                return result
            }
        }
        guard let c = columnOfIndicator[indicator] else { return result }
        let column = columns[c]
        var now: [(Double, String)] = [], before: [(Double, String)] = []
        for n in inRegion {
            guard let i = column.index(n, year), let j = column.index(n, year - 1) else { continue }
            result.matched.append(places[n])
            now.append((column.entries[i].value, qualifier((c, i))))
            before.append((column.entries[j].value, qualifier((c, j))))
        }
        guard !now.isEmpty else { return result }
        if definition?.kind == .rate {
            result.basis = .median
            result.current = median(now.map(\.0))
            result.previous = median(before.map(\.0))
            result.currentQualifier = now.contains { $0.1 != "exact" } ? "about" : "exact"
            result.previousQualifier = before.contains { $0.1 != "exact" } ? "about" : "exact"
        } else {
            result.current = now.map(\.0).reduce(0, +)
            result.previous = before.map(\.0).reduce(0, +)
            result.currentQualifier = combinedQualifier(now.map(\.1))
            result.previousQualifier = combinedQualifier(before.map(\.1))
        }
        return result
    }
}
