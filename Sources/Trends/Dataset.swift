import Extraction
import Store

/// Everything Trends computes from: the values the store holds (stated, corrected, imported), the
/// reports it holds (for coverage, duplicates and places the gazetteer could not fill in), and the
/// values derived from them (rates from their counts, previous years from stated changes).
public struct Dataset: Sendable {
    public let catalog: Catalog
    /// Every township the store knows, sorted by province, city, county, township.
    public let places: [Place]
    /// The years each township has a report or a value for.
    public let yearsByPlace: [Place: Set<Int>]
    /// Every year with a report or a value, ascending.
    public let years: [Int]
    public let reports: [ReportRecord]
    /// indicator → place → year → the value used (stated first, else derived).
    let table: [String: [Place: [Int: Observation]]]

    public init(values: [StoredValue], reports: [ReportRecord] = [], catalog: Catalog) {
        self.catalog = catalog
        self.reports = reports
        var canonical: [Place: Place] = [:]
        var years: [Place: Set<Int>] = [:]
        func place(_ township: String, _ county: String?, _ city: String?, _ province: String?) -> Place {
            let p = Place(township: township, county: county, city: city, province: province)
            if let known = canonical[p] {
                // A later row may know the city or province that an earlier one lacked.
                if known.city == nil && city != nil || known.province == nil && province != nil {
                    let merged = Place(township: township, county: county, city: known.city ?? city,
                                       province: known.province ?? province)
                    canonical[p] = merged
                    return merged
                }
                return known
            }
            canonical[p] = p
            return p
        }
        for r in reports {
            guard let township = r.township else { continue }
            let p = place(township, r.county, r.city, r.province)
            if let y = r.year { years[p, default: []].insert(y) }
        }
        var table: [String: [Place: [Int: Observation]]] = [:]
        for v in values {
            guard let township = v.township, let year = v.year else { continue }
            let p = place(township, v.county, v.city, v.province)
            years[p, default: []].insert(year)
            let o = Observation(place: p, year: year, indicator: v.indicator, value: v.value, unit: v.unit,
                                qualifier: v.qualifier, source: v.source, derived: false, evidence: v.evidence,
                                statedChange: v.statedChange, statedGrowthPercent: v.statedGrowthPercent)
            if let existing = table[v.indicator]?[p]?[year], Self.precedence(existing) >= Self.precedence(o) { continue }
            table[v.indicator, default: [:]][p, default: [:]][year] = o
        }
        // Canonical places may have gained a city after their first observation: refresh them.
        for (indicator, byPlace) in table {
            for (p, byYear) in byPlace {
                let c = canonical[p] ?? p
                for (y, o) in byYear where o.place.city != c.city || o.place.province != c.province {
                    table[indicator]![p]![y]!.place = c
                }
            }
        }
        Self.addImpliedPreviousYears(&table)
        Self.addDerivedRates(&table, catalog: catalog)
        self.table = table
        self.yearsByPlace = Dictionary(uniqueKeysWithValues: years.map { (canonical[$0.key] ?? $0.key, $0.value) })
        self.places = self.yearsByPlace.keys.sorted()
        self.years = Set(years.values.flatMap { $0 }).sorted()
    }

    /// A correction overrides a report; a report is preferred to an imported figure.
    static func precedence(_ o: Observation) -> Int {
        if o.corrected { return 3 }
        if o.source.hasPrefix("import:") { return 1 }
        return 2
    }

    /// 较上年增加58人 beside 112人 in 2024 gives 54 for 2023, where nothing is stated for 2023.
    static func addImpliedPreviousYears(_ table: inout [String: [Place: [Int: Observation]]]) {
        for (indicator, byPlace) in table {
            for (p, byYear) in byPlace {
                for (year, o) in byYear {
                    guard let change = o.statedChange, byYear[year - 1] == nil else { continue }
                    let previous = o.value - change
                    guard previous >= 0 else { continue }
                    table[indicator]![p]![year - 1] = Observation(
                        place: p, year: year - 1, indicator: indicator, value: previous, unit: o.unit,
                        qualifier: o.qualifier, source: o.source, derived: true,
                        evidence: "由\(year)年报告推算：\(formatted(o.value))\(o.unit)减去较上年变化\(formatted(change))\(o.unit)。"
                            + (o.evidence.map { "原文：\($0)" } ?? ""))
                }
            }
        }
    }

    /// closed / received × 100 where a report gives both counts but no rate.
    static func addDerivedRates(_ table: inout [String: [Place: [Int: Observation]]], catalog: Catalog) {
        for indicator in catalog.indicators {
            guard let ratio = indicator.ratio, let numerators = table[ratio.numerator],
                  let denominators = table[ratio.denominator] else { continue }
            let numeratorName = catalog.indicator(ratio.numerator)?.name ?? ratio.numerator
            let denominatorName = catalog.indicator(ratio.denominator)?.name ?? ratio.denominator
            for (p, byYear) in numerators {
                for (year, n) in byYear {
                    guard let d = denominators[p]?[year], d.value > 0, table[indicator.id]?[p]?[year] == nil else { continue }
                    let exact = !n.approximate && !d.approximate
                    let sources = n.source == d.source ? n.source : "\(n.source)；\(d.source)"
                    table[indicator.id, default: [:]][p, default: [:]][year] = Observation(
                        place: p, year: year, indicator: indicator.id, value: n.value / d.value * 100, unit: indicator.unit,
                        qualifier: exact ? "exact" : "about", source: sources, derived: true,
                        evidence: "由\(numeratorName)\(formatted(n.value))\(n.unit) ÷ \(denominatorName)\(formatted(d.value))\(d.unit) × 100 计算。")
                }
            }
        }
    }

    /// The value of one indicator for one township and year, stated or derived.
    public func observation(_ indicator: String, _ place: Place, _ year: Int) -> Observation? {
        table[indicator]?[place]?[year]
    }

    /// Indicators that have at least one value, in catalog order.
    public var indicatorsWithData: [Indicator] {
        catalog.indicators.filter { table[$0.id]?.isEmpty == false }
    }

    /// The townships of the region that count for an indicator in a year: those with a report or a
    /// value that year, and those with a value derived for it (a previous year from a stated change).
    public func members(_ indicator: String, in region: Region, year: Int) -> [Place] {
        places.filter { p in
            region.contains(p) && (yearsByPlace[p]?.contains(year) == true || observation(indicator, p, year) != nil)
        }
    }

    /// Every observation of an indicator, place by place and year by year.
    public func observations(_ indicator: String) -> [Observation] {
        guard let byPlace = table[indicator] else { return [] }
        return byPlace.keys.sorted().flatMap { p in byPlace[p]!.keys.sorted().map { byPlace[p]![$0]! } }
    }
}

/// A figure as a briefing writes it: no trailing zeros, at most two decimals.
public func formatted(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    var s = String(format: "%.2f", value)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}
