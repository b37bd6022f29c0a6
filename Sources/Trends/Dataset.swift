import Extraction
import Store

/// Everything Trends computes from: the values the store holds (stated, corrected, imported), the
/// reports it holds (for coverage, duplicates and places the gazetteer could not fill in), and the
/// values derived from them (rates from their counts, previous years from stated changes).
public struct Dataset: Sendable {
    public let catalog: Catalog
    /// Every township the store knows, sorted by province, city, county, township. A place's
    /// position in this list is its number in the tables below.
    public let places: [Place]
    /// Every year with a report or a value, ascending.
    public let years: [Int]
    public let reports: [ReportRecord]
    let numbers: [Place: Int]
    /// The years each township (by number) has a report or a stated value for.
    let reportedYears: [Set<Int>]
    /// indicator → key(place number, year) → the value used (stated first, else derived). Flat integer
    /// keys keep a store of 40,000 townships quick to load.
    let table: [String: [Int: Observation]]

    static func key(_ place: Int, _ year: Int) -> Int { place << 16 | (year & 0xFFFF) }
    static func place(ofKey key: Int) -> Int { key >> 16 }
    static func year(ofKey key: Int) -> Int { key & 0xFFFF }

    public init(values: [StoredValue], reports: [ReportRecord] = [], catalog: Catalog) {
        self.init(values: ValueTable(values), reports: reports, catalog: catalog)
    }

    public init(values: ValueTable, reports: [ReportRecord] = [], catalog: Catalog) {
        self.catalog = catalog
        self.reports = reports
        // First the places: each gets a number in order of first sight, its fullest city and province,
        // and then its number in sorted order.
        var firstSight: [Place: Int] = [:]
        var found: [Place] = []
        /// Whether a place sighted has both its city and province: then no later row can fill in more.
        var complete: [Bool] = []
        func sighting(_ township: String, _ county: String?, _ city: String?, _ province: String?) -> Int {
            let p = Place(township: township, county: county, city: city, province: province)
            if let known = firstSight[p] { fill(known, city, province); return known }
            firstSight[p] = found.count
            found.append(p)
            complete.append(city != nil && province != nil)
            return found.count - 1
        }
        func fill(_ n: Int, _ city: String?, _ province: String?) {
            let known = found[n]
            guard known.city == nil && city != nil || known.province == nil && province != nil else { return }
            found[n] = Place(township: known.township, county: known.county, city: known.city ?? city,
                             province: known.province ?? province)
            complete[n] = found[n].city != nil && found[n].province != nil
        }
        let reportSightings = reports.map { r in r.township.map { sighting($0, r.county, r.city, r.province) } }
        // The values name their places by text numbers: a place's strings are looked up once, and
        // the rows of one township, which come together, mostly match the row before.
        func text(_ number: Int32?) -> String? { number.map { values[$0] } }
        var sightingOfNames: [Int64: Int] = [:]
        var lastNames: Int64 = -1, last = -1
        let valueSightings = values.rows.map { v -> Int? in
            guard v.year != nil, let township = v.township else { return nil }
            let names = Int64(township) << 32 | Int64(v.county.map { $0 + 1 } ?? 0)
            let n: Int
            if names == lastNames { n = last }
            else if let known = sightingOfNames[names] { n = known }
            else {
                n = sighting(values[township], text(v.county), text(v.city), text(v.province))
                sightingOfNames[names] = n
            }
            lastNames = names
            last = n
            if !complete[n] { fill(n, text(v.city), text(v.province)) }
            return n
        }
        let order = found.indices.sorted { found[$0] < found[$1] }
        var numberOfSighting = [Int](repeating: 0, count: found.count)
        for (n, sight) in order.enumerated() { numberOfSighting[sight] = n }
        let places = order.map { found[$0] }
        let numbers = Dictionary(uniqueKeysWithValues: places.enumerated().map { ($1, $0) })
        var reportedYears = [Set<Int>](repeating: [], count: places.count)
        for (r, sight) in zip(reports, reportSightings) {
            guard let sight, let year = r.year else { continue }
            reportedYears[numberOfSighting[sight]].insert(year)
        }
        // One flat table per indicator, filled by position: nested dictionaries keyed by strings
        // cost a hash of the indicator's name for every value.
        var ordinalOfText: [Int32: Int] = [:]
        var names: [String] = []
        var counts: [Int] = []
        let ordinals = values.rows.map { v -> Int in
            if let i = ordinalOfText[v.indicator] { counts[i] += 1; return i }
            ordinalOfText[v.indicator] = names.count
            names.append(values[v.indicator])
            counts.append(1)
            return names.count - 1
        }
        var tables: [[Int: Observation]] = counts.map { Dictionary(minimumCapacity: $0) }
        var lastKey = -1
        for (i, v) in values.rows.enumerated() {
            guard let sight = valueSightings[i], let year = v.year else { continue }
            let n = numberOfSighting[sight]
            let k = Self.key(n, year)
            if k != lastKey { reportedYears[n].insert(year); lastKey = k }
            let o = Observation(place: places[n], year: year, indicator: names[ordinals[i]], value: v.value,
                                unit: values[v.unit], qualifier: values[v.qualifier], source: values[v.source],
                                derived: false, evidence: text(v.evidence),
                                statedChange: v.statedChange, statedGrowthPercent: v.statedGrowthPercent)
            if let existing = tables[ordinals[i]][k], !Self.takes(o, over: existing) { continue }
            tables[ordinals[i]][k] = o
        }
        var table = Dictionary(uniqueKeysWithValues: zip(names, tables))
        Self.addImpliedPreviousYears(&table)
        Self.addDerivedRates(&table, catalog: catalog)
        self.places = places
        self.numbers = numbers
        self.reportedYears = reportedYears
        self.table = table
        var years = Set(reportedYears.joined())
        for byKey in table.values { for k in byKey.keys { years.insert(Self.year(ofKey: k)) } }
        self.years = years.sorted()
    }

    /// Whether `o` replaces `existing` for the same key: a correction overrides a report, a report an
    /// imported figure; between two of a kind (two reports of one township and year), the first source
    /// by name, whatever order the store gave them in.
    static func takes(_ o: Observation, over existing: Observation) -> Bool {
        let a = precedence(o), b = precedence(existing)
        return a != b ? a > b : compareBytes(o.source, existing.source) < 0
    }

    static func precedence(_ o: Observation) -> Int {
        if o.corrected { return 3 }
        if o.source.hasPrefix("import:") { return 1 }
        return 2
    }

    /// 较上年增加58人 beside 112人 in 2024 gives 54 for 2023, where nothing is stated for 2023.
    static func addImpliedPreviousYears(_ table: inout [String: [Int: Observation]]) {
        for (indicator, byKey) in table {
            for (k, o) in byKey {
                guard let change = o.statedChange, byKey[k - 1] == nil else { continue }
                let previous = o.value - change
                guard previous >= 0 else { continue }
                table[indicator]![k - 1] = Observation(
                    place: o.place, year: o.year - 1, indicator: indicator, value: previous, unit: o.unit,
                    qualifier: o.qualifier, source: o.source, derived: true,
                    evidence: "由\(o.year)年报告推算：\(formatted(o.value))\(o.unit)减去较上年变化\(formatted(change))\(o.unit)。"
                        + (o.evidence.map { "原文：\($0)" } ?? ""))
            }
        }
    }

    /// closed / received × 100 where a report gives both counts but no rate.
    static func addDerivedRates(_ table: inout [String: [Int: Observation]], catalog: Catalog) {
        for indicator in catalog.indicators {
            guard let ratio = indicator.ratio, let numerators = table[ratio.numerator],
                  let denominators = table[ratio.denominator] else { continue }
            let numeratorName = catalog.indicator(ratio.numerator)?.name ?? ratio.numerator
            let denominatorName = catalog.indicator(ratio.denominator)?.name ?? ratio.denominator
            var rates = table[indicator.id] ?? [:]
            table[indicator.id] = nil  // so that `rates` is the only reference and grows in place
            for (k, n) in numerators {
                guard let d = denominators[k], d.value > 0, rates[k] == nil else { continue }
                let exact = !n.approximate && !d.approximate
                rates[k] = Observation(
                    place: n.place, year: n.year, indicator: indicator.id, value: n.value / d.value * 100, unit: indicator.unit,
                    qualifier: exact ? "exact" : "about", source: n.source == d.source ? n.source : "\(n.source)；\(d.source)",
                    ratio: RatioDerivation(numeratorName: numeratorName, numerator: n, denominatorName: denominatorName,
                                           denominator: d))
            }
            table[indicator.id] = rates
        }
    }

    /// The value of one indicator for one township and year, stated or derived.
    public func observation(_ indicator: String, _ place: Place, _ year: Int) -> Observation? {
        guard let n = numbers[place] else { return nil }
        return table[indicator]?[Self.key(n, year)]
    }

    /// Indicators that have at least one value, in catalog order.
    public var indicatorsWithData: [Indicator] {
        catalog.indicators.filter { table[$0.id]?.isEmpty == false }
    }

    /// The years a township has a report or a value for (derived values aside).
    public func reportedYears(of place: Place) -> Set<Int> {
        numbers[place].map { reportedYears[$0] } ?? []
    }

    /// The numbers of the townships of the region that count for an indicator in a year: those with a
    /// report or a value that year, and those with a value derived for it (a previous year from a stated change).
    func memberNumbers(_ indicator: String, in region: Region, year: Int) -> [Int] {
        let byKey = table[indicator] ?? [:]
        return places.indices.filter { n in
            region.contains(places[n]) && (reportedYears[n].contains(year) || byKey[Self.key(n, year)] != nil)
        }
    }

    /// The townships of the region that count for an indicator in a year (see `memberNumbers`).
    public func members(_ indicator: String, in region: Region, year: Int) -> [Place] {
        memberNumbers(indicator, in: region, year: year).map { places[$0] }
    }

    /// Every observation of an indicator, place by place and year by year.
    public func observations(_ indicator: String) -> [Observation] {
        guard let byKey = table[indicator] else { return [] }
        return byKey.keys.sorted().map { byKey[$0]! }
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
