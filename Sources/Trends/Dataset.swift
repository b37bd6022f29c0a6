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
    /// Each place's number in order of first sight, and its number in `places` by that: the table
    /// the places were gathered with serves for looking them up.
    let sightings: [Place: Int]
    let numberOfSighting: [Int]
    /// The years each township (by number) has a report or a stated value for.
    let reportedYears: YearSets
    /// The stored rows the columns' entries point to, for the texts of the observations made from them.
    let values: ValueTable
    /// One column per indicator: the value used for each place and year (stated first, else derived).
    /// Plain numbers keep a store of 40,000 townships quick to load and to let go of.
    let columns: [IndicatorValues]
    let columnOfIndicator: [String: Int]
    /// The townships each region should report (see `Roster`); empty until set. Coverage, 未报送 rows
    /// and the size a matched panel is judged by count against it.
    public var roster: Roster = .empty {
        didSet {
            rosterIndex = RosterIndex(roster, places: places)
            rosterRegions = RosterRegions(roster.places)
        }
    }
    /// The roster's places by region, made once when the roster is set.
    var rosterRegions = RosterRegions()

    /// The roster's townships of a region (see `Roster`), in place order.
    public func rosterPlaces(in region: Region) -> [Place] { rosterRegions.places(region) }
    /// The roster looked up by place number, made once when the roster is set.
    var rosterIndex = RosterIndex()
    /// The place numbers of each county, city and province, made once: a chart tree asks for the places of
    /// thousands of regions, and a scan of 40,000 places for each made drawing it quadratic.
    let regionIndex: RegionIndex

    public init(values: [StoredValue], reports: [ReportRecord] = [], catalog: Catalog) {
        self.init(values: ValueTable(values), reports: reports, catalog: catalog)
    }

    public init(values: ValueTable, reports: [ReportRecord] = [], catalog: Catalog) {
        self.catalog = catalog
        self.reports = reports
        // First the places: each gets a number in order of first sight, its fullest city and province,
        // and then its number in sorted order.
        var firstSight: [Place: Int] = [:]
        // Room for about as many places as there are townships' names, so that the table seldom grows.
        firstSight.reserveCapacity(reports.count + Self.townshipNames(values))
        var found: [Place] = []
        /// Whether a place sighted has both its city and province: then no later row can fill in more.
        var complete: [Bool] = []
        func sighting(_ township: String, _ county: String?, _ city: String?, _ province: String?) -> Int {
            let p = Place(township: township, county: county, city: city, province: province)
            // One hash for a new place (the common case), and one more to put back a known one's number.
            if let known = firstSight.updateValue(found.count, forKey: p) {
                firstSight[p] = known
                fill(known, city, province)
                return known
            }
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
        let placeOfRow = valueSightings.map { $0.map { Int32(numberOfSighting[$0]) } ?? -1 }
        let reportPlaces = reportSightings.map { $0.map { numberOfSighting[$0] } }
        var reportedYears = YearSets(years: Self.statedYears(values, reports), places: places.count)
        for (r, n) in zip(reports, reportPlaces) {
            guard let n, let year = r.year else { continue }
            reportedYears.insert(bit: reportedYears.bit(of: year)!, for: n)
        }
        var columns = Self.statedColumns(values, placeOfRow: placeOfRow, places: places.count, reportedYears: &reportedYears)
        var columnOfIndicator = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.indicator, $0) })
        Self.addDerivedRates(&columns, &columnOfIndicator, catalog: catalog, places: places.count)
        self.places = places
        self.sightings = firstSight
        self.numberOfSighting = numberOfSighting
        self.reportedYears = reportedYears
        self.values = values
        self.columns = columns
        self.columnOfIndicator = columnOfIndicator
        var years = reportedYears.years(ofAny: Array(places.indices))
        for column in columns { years.formUnion(column.years) }
        self.years = years.sorted()
        self.regionIndex = RegionIndex(places)
    }

    /// How many distinct townships' names the values give.
    static func townshipNames(_ values: ValueTable) -> Int {
        var seen = [Bool](repeating: false, count: values.texts.count)
        var count = 0
        for v in values.rows {
            guard let township = v.township, !seen[Int(township)] else { continue }
            seen[Int(township)] = true
            count += 1
        }
        return count
    }

    /// The years of the reports and of the stored values.
    static func statedYears(_ values: ValueTable, _ reports: [ReportRecord]) -> Set<Int> {
        var years = Set(reports.compactMap(\.year))
        var last: Int?
        for v in values.rows where v.year != last {
            if let year = v.year { years.insert(year) }
            last = v.year
        }
        return years
    }

    /// One column per indicator of the stored rows, with the previous years their stated changes imply;
    /// marks the years each place has a value for. Rows are grouped by place (a counting sort), then
    /// each place's rows by indicator and year.
    static func statedColumns(_ values: ValueTable, placeOfRow: [Int32], places: Int,
                              reportedYears: inout YearSets) -> [IndicatorValues] {
        // A store has a few dozen indicators: a short list is quicker to search than a hash table.
        var indicatorTexts: [Int32] = []
        let columnOfRow = values.rows.map { v -> Int32 in
            if let c = indicatorTexts.firstIndex(of: v.indicator) { return Int32(c) }
            indicatorTexts.append(v.indicator)
            return Int32(indicatorTexts.count - 1)
        }
        var columns = indicatorTexts.map { _ in IndicatorValues.Builder(places: places) }
        // Rows without a place or a year count for nothing.
        var start = [Int](repeating: 0, count: places + 1)
        for (r, n) in placeOfRow.enumerated() where n >= 0 && values.rows[r].year != nil { start[Int(n) + 1] += 1 }
        for n in 0..<places { start[n + 1] += start[n] }
        var next = start
        var rowsByPlace = [Int32](repeating: 0, count: start[places])
        for (r, n) in placeOfRow.enumerated() where n >= 0 && values.rows[r].year != nil {
            rowsByPlace[next[Int(n)]] = Int32(r)
            next[Int(n)] += 1
        }
        var lastYear = Int.min, lastBit = 0
        var keyed: [PlaceRow] = []
        var scratch: [IndicatorValues.Entry] = []
        for n in 0..<places {
            keyed.removeAll(keepingCapacity: true)
            for r in rowsByPlace[start[n]..<start[n + 1]] {
                keyed.append(PlaceRow(column: columnOfRow[Int(r)], year: values.rows[Int(r)].year!, row: r))
            }
            keyed.sort { a, b in a.column != b.column ? a.column < b.column : a.year != b.year ? a.year < b.year : a.row < b.row }
            var i = 0
            while i < keyed.count {
                var j = i + 1
                while j < keyed.count && keyed[j].column == keyed[i].column { j += 1 }
                scratch.removeAll(keepingCapacity: true)
                placeEntries(values, keyed[i..<j], into: &scratch)
                columns[Int(keyed[i].column)].appendPlace(scratch)
                i = j
            }
            for c in columns.indices where columns[c].places == n { columns[c].appendPlace([]) }
            for k in keyed {
                if k.year != lastYear { lastBit = reportedYears.bit(of: k.year)!; lastYear = k.year }
                reportedYears.insert(bit: lastBit, for: n)
            }
        }
        return zip(indicatorTexts, columns).map { IndicatorValues(indicator: values[$0], $1) }
    }

    /// A row of one place, with what its rows are sorted by.
    struct PlaceRow {
        let column: Int32
        let year: Int
        let row: Int32
    }

    /// One place's entries of one indicator from its rows (sorted by year, then row): for each year the
    /// row that takes precedence, and before a row that states a change from a year with no value, that
    /// year's value it implies.
    static func placeEntries(_ values: ValueTable, _ rows: ArraySlice<PlaceRow>, into entries: inout [IndicatorValues.Entry]) {
        var lastStatedYear = Int.min
        var i = rows.startIndex
        while i < rows.endIndex {
            var best = rows[i].row
            let year = rows[i].year
            i += 1
            while i < rows.endIndex && rows[i].year == year {
                if takes(values, rows[i].row, over: best) { best = rows[i].row }
                i += 1
            }
            let row = values.rows[Int(best)]
            // 较上年增加58人 beside 112人 in 2024 gives 54 for 2023, where nothing is stated for 2023.
            if let change = row.statedChange, lastStatedYear != year - 1, row.value - change >= 0 {
                entries.append(IndicatorValues.Entry(value: row.value - change, year: year - 1, origin: .impliedPrevious(row: best)))
            }
            entries.append(IndicatorValues.Entry(value: row.value, year: year, origin: .stated(row: best)))
            lastStatedYear = year
        }
    }

    /// Whether row `a` replaces row `b` of the same indicator, place and year: a correction overrides
    /// a report, a report an imported figure; between two of a kind (two reports of one township and
    /// year), the first source by name, whatever order the store gave them in.
    static func takes(_ values: ValueTable, _ a: Int32, over b: Int32) -> Bool {
        let sa = values[values.rows[Int(a)].source], sb = values[values.rows[Int(b)].source]
        let pa = precedence(source: sa), pb = precedence(source: sb)
        return pa != pb ? pa > pb : compareBytes(sa, sb) < 0
    }

    static func precedence(source: String) -> Int {
        if source == "correction" { return 3 }
        if source.hasPrefix("import:") { return 1 }
        return 2
    }

    /// closed / received × 100 where a report gives both counts but no rate, in catalog order.
    static func addDerivedRates(_ columns: inout [IndicatorValues], _ columnOfIndicator: inout [String: Int],
                                catalog: Catalog, places: Int) {
        for indicator in catalog.indicators {
            guard let ratio = indicator.ratio, let nc = columnOfIndicator[ratio.numerator],
                  let dc = columnOfIndicator[ratio.denominator] else { continue }
            let source = IndicatorValues.RatioSource(
                numerator: nc, denominator: dc,
                numeratorName: catalog.indicator(ratio.numerator)?.name ?? ratio.numerator,
                denominatorName: catalog.indicator(ratio.denominator)?.name ?? ratio.denominator, unit: indicator.unit)
            let stated = columnOfIndicator[indicator.id].map { columns[$0] }
            let rates = derivedRates(stated: stated, indicator: indicator.id, numerators: columns[nc],
                                     denominators: columns[dc], source: source, places: places)
            // Appended, not replacing the stated column: a ratio derived before may point into that.
            columnOfIndicator[indicator.id] = columns.count
            columns.append(rates)
        }
    }

    /// The stated rates of a column merged, place by place and year by year, with those its counts give.
    static func derivedRates(stated: IndicatorValues?, indicator: String, numerators: IndicatorValues,
                             denominators: IndicatorValues, source: IndicatorValues.RatioSource,
                             places: Int) -> IndicatorValues {
        var rates = IndicatorValues.Builder(places: places)
        var scratch: [IndicatorValues.Entry] = []
        for n in 0..<places {
            scratch.removeAll(keepingCapacity: true)
            var given = stated.map { $0.range(n) } ?? 0..<0
            for ni in numerators.range(n) {
                let numerator = numerators.entries[ni]
                // Stated rates of earlier years first.
                while let g = given.first, stated!.entries[g].year < numerator.year {
                    scratch.append(stated!.entries[g])
                    given = given.dropFirst()
                }
                if let g = given.first, stated!.entries[g].year == numerator.year { continue }
                guard let di = denominators.index(n, numerator.year), denominators.entries[di].value > 0 else { continue }
                scratch.append(IndicatorValues.Entry(value: numerator.value / denominators.entries[di].value * 100,
                                                     year: numerator.year,
                                                     origin: .ratio(numerator: Int32(ni), denominator: Int32(di))))
            }
            for g in given { scratch.append(stated!.entries[g]) }
            rates.appendPlace(scratch)
        }
        return IndicatorValues(indicator: indicator, ratio: source, rates)
    }

    /// A place's number in `places`.
    func number(_ place: Place) -> Int? { sightings[place].map { numberOfSighting[$0] } }

    /// The column of an indicator; nil for one without values.
    func column(_ indicator: String) -> IndicatorValues? { columnOfIndicator[indicator].map { columns[$0] } }

    /// The value of one indicator for one township and year, stated or derived.
    public func observation(_ indicator: String, _ place: Place, _ year: Int) -> Observation? {
        guard let n = number(place), let c = columnOfIndicator[indicator], let i = columns[c].index(n, year) else { return nil }
        return observation(c, n, i)
    }

    /// Indicators that have at least one value, in catalog order.
    public var indicatorsWithData: [Indicator] {
        catalog.indicators.filter { column($0.id)?.isEmpty == false }
    }

    /// The years a township has a report or a value for (derived values aside).
    public func reportedYears(of place: Place) -> Set<Int> {
        number(place).map { reportedYears.years(of: $0) } ?? []
    }

    /// The numbers of the places of a region, ascending.
    func placeNumbers(in region: Region) -> [Int] {
        region == .all ? Array(places.indices) : regionIndex.numbers(region)
    }

    /// The stored townships of a region, in place order.
    public func places(in region: Region) -> [Place] {
        region == .all ? places : regionIndex.numbers(region).map { places[$0] }
    }

    /// Of these places (see `placeNumbers`), those that count for an indicator in a year: those with a
    /// report or a value that year, and those with a value derived for it (a previous year from a stated change).
    func memberNumbers(_ indicator: String, among candidates: [Int], year: Int) -> [Int] {
        let bit = reportedYears.bit(of: year)
        let column = column(indicator)
        return candidates.filter { n in
            bit.map { reportedYears.contains(bit: $0, for: n) } == true || column?.index(n, year) != nil
        }
    }

    /// The townships of the region that count for an indicator in a year (see `memberNumbers`).
    public func members(_ indicator: String, in region: Region, year: Int) -> [Place] {
        memberNumbers(indicator, among: placeNumbers(in: region), year: year).map { places[$0] }
    }

    /// Every observation of an indicator, place by place and year by year.
    public func observations(_ indicator: String) -> [Observation] {
        guard let c = columnOfIndicator[indicator] else { return [] }
        return places.indices.flatMap { n in columns[c].range(n).map { observation(c, n, $0) } }
    }
}

extension Dataset {
    /// The observation of entry `i` of column `c`, which is place `n`'s.
    func observation(_ c: Int, _ n: Int, _ i: Int) -> Observation {
        let column = columns[c], entry = column.entries[i]
        switch entry.origin {
        case .stated(let r):
            let row = values.rows[Int(r)]
            return Observation(place: places[n], year: entry.year, indicator: column.indicator, value: entry.value,
                               unit: values[row.unit], qualifier: values[row.qualifier], source: values[row.source],
                               derived: false, evidence: row.evidence.map { values[$0] },
                               statedChange: row.statedChange, statedGrowthPercent: row.statedGrowthPercent,
                               reviewed: row.reviewed)
        case .impliedPrevious(let r):
            let row = values.rows[Int(r)], unit = values[row.unit]
            let evidence = "由\(entry.year + 1)年报告推算：\(formatted(row.value))\(unit)减去较上年变化\(formatted(row.statedChange!))\(unit)。"
                + (row.evidence.map { "原文：\(values[$0])" } ?? "")
            return Observation(place: places[n], year: entry.year, indicator: column.indicator, value: entry.value,
                               unit: unit, qualifier: values[row.qualifier], source: values[row.source], derived: true,
                               evidence: evidence)
        case .ratio(let ni, let di):
            let ratio = column.ratio!
            let numerator = (column: ratio.numerator, entry: Int(ni)), denominator = (column: ratio.denominator, entry: Int(di))
            let exact = !approximate(numerator) && !approximate(denominator)
            let ns = source(numerator), ds = source(denominator)
            return Observation(
                place: places[n], year: entry.year, indicator: column.indicator, value: entry.value, unit: ratio.unit,
                qualifier: exact ? "exact" : "about", source: ns == ds ? ns : "\(ns)；\(ds)",
                ratio: RatioDerivation(numeratorName: ratio.numeratorName, numerator: columns[ratio.numerator].entries[Int(ni)].value,
                                       numeratorUnit: unit(numerator), denominatorName: ratio.denominatorName,
                                       denominator: columns[ratio.denominator].entries[Int(di)].value,
                                       denominatorUnit: unit(denominator)))
        }
    }

    /// The unit, qualifier and source an entry's observation has, without making it.
    func unit(_ at: (column: Int, entry: Int)) -> String {
        switch columns[at.column].entries[at.entry].origin {
        case .stated(let r), .impliedPrevious(let r): return values[values.rows[Int(r)].unit]
        case .ratio: return columns[at.column].ratio!.unit
        }
    }

    func approximate(_ at: (column: Int, entry: Int)) -> Bool {
        switch columns[at.column].entries[at.entry].origin {
        case .stated(let r), .impliedPrevious(let r): return values[values.rows[Int(r)].qualifier] != "exact"
        case .ratio(let ni, let di):
            let ratio = columns[at.column].ratio!
            return approximate((ratio.numerator, Int(ni))) || approximate((ratio.denominator, Int(di)))
        }
    }

    /// The qualifier of an entry: the stated one, or for a derived rate `about` when a count is approximate.
    func qualifier(_ at: (column: Int, entry: Int)) -> String {
        switch columns[at.column].entries[at.entry].origin {
        case .stated(let r), .impliedPrevious(let r): return values[values.rows[Int(r)].qualifier]
        case .ratio: return approximate(at) ? "about" : "exact"
        }
    }

    func source(_ at: (column: Int, entry: Int)) -> String {
        switch columns[at.column].entries[at.entry].origin {
        case .stated(let r), .impliedPrevious(let r): return values[values.rows[Int(r)].source]
        case .ratio(let ni, let di):
            let ratio = columns[at.column].ratio!
            let ns = source((ratio.numerator, Int(ni))), ds = source((ratio.denominator, Int(di)))
            return ns == ds ? ns : "\(ns)；\(ds)"
        }
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
