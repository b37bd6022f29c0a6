import Foundation

/// Generates the annual reports of a fictional county, 示例县: N townships × a range of years,
/// each report's text in the genre's language and the values it truly states.
///
/// Deterministic: the same options give the same texts and truth, byte for byte. Each township
/// and year draws from its own stream of a SplitMix64 seeded by `seed`, so a report does not
/// change when more townships or years are asked for.
public struct SampleGenerator: Sendable {
    public var townships: Int
    public var years: ClosedRange<Int>
    public var seed: UInt64
    /// Share of reports stored as GB18030 rather than UTF-8.
    public var gb18030Share = 0.08
    /// Share of reports (from the second year on) that carry one deliberate inconsistency.
    public var flawShare = 0.06

    public init(townships: Int, years: ClosedRange<Int>, seed: UInt64 = 1) {
        self.townships = townships
        self.years = years
        self.seed = seed
    }

    /// Generates everything in memory. `isReserved` rejects a township name (pass a gazetteer
    /// lookup so that no name, nor its ending, is a real township's); the first 40 names need none.
    public func generate(isReserved: (String) -> Bool = { _ in false }) -> SampleSet {
        let root = SplitMix64(seed: seed)
        var namesRNG = root.fork(1)
        let names = TownshipNames.names(townships, &namesRNG, isReserved: isReserved)
        var reports: [SampleReport] = []
        var list: [SampleTownship] = []
        for (i, name) in names.enumerated() {
            let (township, made) = Self.township(name, index: i, area: SampleArea(county: sampleCountyName), years: years,
                                                 root: root, gb18030Share: gb18030Share, flawShare: flawShare)
            list.append(township)
            reports += made
        }
        return SampleSet(seed: seed, years: years, townships: list, reports: reports)
    }

    /// One township's reports, year by year: its size from `root.fork(1000 + index)`, each year's text
    /// from a stream of its own. `area` names the county (and, in a generated country, the city and
    /// province) the reports are written from; the file is `<county>-<township>-<year>.txt`.
    static func township(_ name: String, index i: Int, area: SampleArea, years: ClosedRange<Int>, root: SplitMix64,
                         gb18030Share: Double, flawShare: Double, reporting: (Int, inout SplitMix64) -> Bool = { _, _ in true })
        -> (SampleTownship, [SampleReport]) {
        var reports: [SampleReport] = []
        var g = root.fork(1000 + UInt64(i))
        // Sizes spread over a factor of ten; 街道 (the county seat's) tend to be larger, 乡 smaller.
        var scale = exp(g.double(log(0.5)...log(5)))
        if name.hasSuffix("街道") { scale *= 1.4 }
        if name.hasSuffix("乡") { scale *= 0.6 }
        scale = (scale * 100).rounded() / 100
        let villages = max(5, Int((Double(g.int(6...12)) + 4 * scale).rounded()))
        let township = SampleTownship(name: name, scale: scale, villages: villages)
        let model = TownshipModel(township, &g)
        // Each year's text draws from its own stream: asking for more years changes no report.
        let yearStreams = g.fork(2)
        let figures = model.figures(years: years, &g)
        for year in years {
            var y = yearStreams.fork(UInt64(year))
            // Whether this township sent a report this year: its own stream, so the text does not shift.
            var sent = yearStreams.fork(UInt64(year) &+ 0x5E27)
            guard reporting(year, &sent) else { continue }
            var present: Set<String> = []
            for id in indicatorOrder where y.chance(model.presence[id]!) { present.insert(id) }
            if !present.contains("petitions.received") { present.subtract(["petitions.closed", "petitions.closure_rate"]) }
            if !present.contains("mediation.disputes") { present.subtract(["mediation.resolved", "mediation.resolution_rate"]) }
            let flaw: SampleInconsistency.Kind? = year > years.lowerBound && y.chance(flawShare)
                ? SampleInconsistency.Kind.allCases[(i + year) % SampleInconsistency.Kind.allCases.count] : nil
            // The figures a flaw needs are stated.
            switch flaw {
            case .rateMismatch?: present.insert("petitions.received")
            case .partExceedsWhole?: present.insert("mediation.disputes")
            case .changeMismatch?: present.insert("legal.literates")
            case nil: break
            }
            var composer = Composer(township: name, area: area, year: year, figures: figures[year]!,
                                    previous: figures[year - 1], present: present, flaw: flaw, g: y.fork(7))
            let text = composer.compose()
            let file = "\(area.county)-\(name)-\(year).txt"
            let truth = SampleTruth(file: file, township: name, county: area.county, city: area.city, province: area.province,
                                    year: year, values: composer.values, optional: [:], written: composer.written,
                                    inconsistencies: composer.inconsistencies)
            let encoding: SampleEncoding = y.chance(gb18030Share) ? .gb18030 : .utf8
            reports.append(SampleReport(fileName: file, text: text, encoding: encoding, truth: truth))
        }
        return (township, reports)
    }
}

/// Where a generated report is written from: its county, and in a generated country its city and province.
public struct SampleArea: Sendable, Equatable, Hashable {
    public var county: String
    public var city: String?
    public var province: String?

    public init(county: String, city: String? = nil, province: String? = nil) {
        self.county = county
        self.city = city
        self.province = province
    }

    /// The names from the top down, as a report's title or issuer writes them: 例东省例江市例山县.
    public var written: String { (province ?? "") + (city ?? "") + county }
}
