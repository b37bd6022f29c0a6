import ArgumentParser
import Extraction
import Foundation
import SampleReports
import Store
import Trends

/// Trend and comparison time on a large store: townships × years of the three petition indicators.
struct TrendsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "fazhi trend and compare, store loading included, on a generated store (default 40,000 townships × 5 years)."
    )

    @Option(help: "Townships in the generated store.") var townships = 40_000
    @Option(help: "Years of each township.") var years = 5
    @Option(help: "Timed runs; the median is reported.") var runs = 3

    func run() throws {
        let rows = generatedRows()
        let bench = try TemporaryStore(name: "trends", rows: rows)
        defer { bench.remove() }
        let catalog = try Catalog.standard()
        let lastYear = 2019 + years
        func load() throws -> Dataset {
            Dataset(values: try bench.store.valueTable(), reports: try bench.store.reports(), catalog: catalog)
        }
        // What `fazhi trend` and `fazhi compare` do for the whole store, printing aside.
        var trendSummary = "", compareSummary = ""
        let trend = try medianTimes(runs: runs) { _ in
            let data = try load()
            let series = data.series("petitions.closure_rate")
            let rollup = data.rollup("petitions.closure_rate")
            let changes = rollup.map { data.matchedChange("petitions.closure_rate", year: $0.year) }
            trendSummary = "\(series.count) series, \(rollup.count) roll-up years, \(changes.count) like-for-like changes"
        }
        let compare = try medianTimes(runs: runs) { _ in
            let comparison = try load().compare("petitions.closure_rate", year: lastYear)
            compareSummary = "\(comparison.rows.count) ranked"
        }
        print(String(format: "trends: %d townships × %d years, %d stored values; median of %d runs, each loading the store: "
                     + "trend %.2f s (CPU %.2f s; %@), compare %.2f s (CPU %.2f s; %@)",
                     townships, years, rows.count, runs, trend.wall, trend.cpu, trendSummary, compare.wall, compare.cpu, compareSummary))
    }

    /// Received and closed for every township and year, a stated rate for every other one.
    func generatedRows() -> [StoredValue] {
        var rows: [StoredValue] = []
        rows.reserveCapacity(townships * years * 3)
        var random = SplitMix64(seed: 1)
        func next(_ n: UInt64) -> Double { Double(random.next() % n) }
        for t in 0..<townships {
            let county = "第\(t / 20 + 1)县", city = "第\(t / 200 + 1)市", province = "第\(t / 4000 + 1)省"
            for y in 0..<years {
                let received = 20 + next(200), closed = received - next(UInt64(received / 5) + 1)
                func row(_ indicator: String, _ value: Double, _ unit: String) -> StoredValue {
                    StoredValue(township: "第\(t + 1)镇", county: county, city: city, province: province, year: 2020 + y,
                                indicator: indicator, value: value, unit: unit, qualifier: "exact", source: "")
                }
                rows.append(row("petitions.received", received, "件"))
                rows.append(row("petitions.closed", closed, "件"))
                if t % 2 == 0 { rows.append(row("petitions.closure_rate", (closed / received * 10000).rounded() / 100, "%")) }
            }
        }
        return rows
    }
}
