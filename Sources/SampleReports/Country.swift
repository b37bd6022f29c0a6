import Foundation

/// A fictional country for tests and benchmarks at scale: provinces (例山省) of cities (例石溪市) of
/// counties (例松竹县, 例松竹区) of 5 to 40 townships (例山镇…), each county with a reporting rate of its
/// own, every report naming its province, city and county as real reports do
/// (发布机构：例山省例石溪市例松竹县例山镇人民政府).
///
/// Every name starts with 例, as no real place of the 2023 division codes does, and the caller's
/// `isReserved` keeps each name and its endings (石溪市 of 例石溪市) clear of real places.
/// Deterministic: each county draws from its own stream of a SplitMix64 seeded by `seed`, so the same
/// shape, years and seed give the same bytes, and a county does not change when more are asked for.
public struct CountryGenerator: Sendable {
    public var provinces: Int
    public var citiesPerProvince: Int
    public var countiesPerCity: Int
    public var years: ClosedRange<Int>
    public var seed: UInt64
    public var gb18030Share = 0.08
    public var flawShare = 0.06

    public init(provinces: Int, citiesPerProvince: Int, countiesPerCity: Int, years: ClosedRange<Int>, seed: UInt64 = 1) {
        self.provinces = provinces
        self.citiesPerProvince = citiesPerProvince
        self.countiesPerCity = countiesPerCity
        self.years = years
        self.seed = seed
    }

    public var countyCount: Int { provinces * citiesPerProvince * countiesPerCity }

    /// The counties with their names and townships, without any report: cheap, for rosters and checks.
    public func counties(isReserved: (String) -> Bool = { _ in false }) -> [SampleCounty] {
        let root = SplitMix64(seed: seed ^ 0xC0_0A7E)
        var names = root.fork(1)
        let provinceNames = AreaNames.names(provinces, stems: AreaNames.oneCharacter, suffixes: ["省"], &names, isReserved: isReserved)
        let cityNames = AreaNames.names(provinces * citiesPerProvince, stems: AreaNames.twoCharacter, suffixes: ["市"], &names,
                                        isReserved: isReserved)
        // One county in four is a district (区), as a city's core is.
        let countyNames = AreaNames.names(countyCount, stems: AreaNames.twoCharacter, suffixes: ["县", "县", "县", "区"], &names,
                                          isReserved: isReserved, avoiding: Set(cityNames.map { String($0.dropLast()) }))
        var out: [SampleCounty] = []
        out.reserveCapacity(countyCount)
        for p in 0..<provinces {
            for c in 0..<citiesPerProvince {
                let city = p * citiesPerProvince + c
                for k in 0..<countiesPerCity {
                    let index = city * countiesPerCity + k
                    var g = root.fork(10_000 + UInt64(index))
                    // Real counties run from a handful of townships to forty: most of 10–25, a few very small or large.
                    let u = g.unit()
                    let size = 5 + Int((35 * pow(u, 1.3)).rounded())
                    // Most counties send nearly every report; one in five lags well behind.
                    let rate = g.chance(0.2) ? (g.double(0.55...0.85) * 100).rounded() / 100 : (g.double(0.9...1.0) * 100).rounded() / 100
                    var townshipRNG = g.fork(1)
                    let townships = TownshipNames.names(size, &townshipRNG, isReserved: isReserved)
                    let area = SampleArea(county: countyNames[index], city: cityNames[city], province: provinceNames[p])
                    out.append(SampleCounty(index: index, area: area, townships: townships, reportingRate: rate))
                }
            }
        }
        return out
    }

    /// Generates the reports county by county, handing each county's to `body` (so that a corpus of
    /// 200,000 reports never sits in memory at once), in province, city, county order.
    public func generate(isReserved: (String) -> Bool = { _ in false },
                         _ body: (SampleCounty, [SampleReport]) throws -> Void) rethrows {
        for county in counties(isReserved: isReserved) { try body(county, reports(of: county)) }
    }

    /// One county's reports, township by township, year by year: a township-year is missing with
    /// the chance 1 − the county's reporting rate. Depends on nothing but the county and the seed,
    /// so counties can be generated in parallel.
    public func reports(of county: SampleCounty) -> [SampleReport] {
        let countyRoot = SplitMix64(seed: seed ^ 0xC0_0A7E).fork(10_000 + UInt64(county.index)).fork(2)
        var reports: [SampleReport] = []
        for (i, name) in county.townships.enumerated() {
            let (_, made) = SampleGenerator.township(
                name, index: i, area: county.area, years: years, root: countyRoot,
                gb18030Share: gb18030Share, flawShare: flawShare,
                reporting: { _, g in g.chance(county.reportingRate) })
            reports += made
        }
        return reports
    }
}

/// One county of a generated country.
public struct SampleCounty: Sendable, Equatable {
    /// Its place in province, city, county order, from 0.
    public var index: Int
    public var area: SampleArea
    /// Its townships' names, 5 to 40.
    public var townships: [String]
    /// The share of its townships' reports that are written, 0.55–1.
    public var reportingRate: Double

    /// The folder its reports go in, under reports/: 例山省/例石溪市/例松竹县.
    public var folder: String { [area.province ?? "", area.city ?? "", area.county].joined(separator: "/") }
}

/// Names of provinces, cities and counties: 例 + a stem + the level word.
enum AreaNames {
    static let oneCharacter = TownshipNames.stems
    static let twoCharacter: [String] = {
        var pairs: [String] = []
        for a in TownshipNames.stems { for b in TownshipNames.stems where a != b { pairs.append(a + b) } }
        return pairs
    }()

    /// `count` distinct names; the stems shuffled by `g`, the suffixes taken in turn; past the stems,
    /// numbered (例山河二县). A name `isReserved` rejects, or whose ending it rejects, is skipped; so is
    /// a stem in `avoiding` (a county does not share its stem with a city: 例石溪市例石溪县 reads as one place).
    static func names(_ count: Int, stems: [String], suffixes: [String], _ g: inout SplitMix64,
                      isReserved: (String) -> Bool, avoiding: Set<String> = []) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        func tryAdd(_ stem: String) {
            guard !avoiding.contains("例" + stem) else { return }
            let name = "例" + stem + suffixes[out.count % suffixes.count]
            guard !seen.contains(name), !isReserved(name) else { return }
            // No ending of the name (石溪市, 溪市) is a real place either.
            var tail = Substring(name.dropFirst())
            while tail.count >= 2 {
                if isReserved(String(tail)) { return }
                tail = tail.dropFirst()
            }
            seen.insert(name)
            out.append(name)
        }
        for stem in g.shuffled(stems) where out.count < count { tryAdd(stem) }
        var n = 2
        while out.count < count {
            for stem in stems where out.count < count { tryAdd(stem + NumberWriter.chinese(n)) }
            n += 1
        }
        return out
    }
}

/// Whether a county is made up by `fazhi sample`: 示例县, or a generated country's (every name there
/// starts with 例, as no real county's does): its charts carry the 示例数据 mark.
public func isSampleCounty(_ name: String?) -> Bool {
    guard let name else { return false }
    return name == sampleCountyName || name.hasPrefix("例")
}
