import ArgumentParser
import Extraction
import Foundation
import Plot
import Store
import Trends

/// The chart set for a generated store of many townships: PNG and SVG, rendered in parallel.
struct ChartsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charts",
        abstract: "Draw the whole chart set (PNG and SVG) for a generated store, default 1,000 townships × 5 years."
    )

    @Option(help: "Townships in the generated store.") var townships = 1000
    @Option(help: "Years of each township.") var years = 5

    func run() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-bench-charts-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ReportStore(path: dir.appendingPathComponent("bench.sqlite").path)
        let catalog = try Catalog.standard()
        try store.importRows(generatedRows(catalog), sourceFile: "bench.csv")
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = clock()
        let data = Dataset(values: try store.values(), reports: try store.reports(), catalog: catalog)
        let (items, _) = ChartSet(maker: ChartMaker(data: data, region: .all)).plan(year: nil)
        let jobs = items.flatMap { item in [OutputFormat.png, .svg].map { (item, $0) } }
        let bytes = jobs.parallelMap { item, format in
            let rendered = try? render(item.chart, format: format, width: item.width, height: item.height)
            try? rendered?.data.write(to: dir.appendingPathComponent("\(item.stem).\(format.rawValue)"))
            return rendered?.data.count ?? -1
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        let failed = bytes.filter { $0 < 0 }.count
        print(String(format: "charts: %d townships × %d years; %d charts × PNG+SVG = %d files (%d failed), %.1f MB; "
                     + "load + plan + draw %.1f s wall, %.1f s CPU (%d cores)",
                     townships, years, items.count, jobs.count, failed, Double(bytes.filter { $0 > 0 }.reduce(0, +)) / 1e6,
                     seconds, cpu, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Every indicator of the catalog for every township and year, counts and rates alike.
    func generatedRows(_ catalog: Catalog) -> [StoredValue] {
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: UInt64) -> Double { x = x &* 6364136223846793005 &+ 1442695040888963407; return Double((x >> 33) % n) }
        var rows: [StoredValue] = []
        for t in 0..<townships {
            let county = "第\(t / 25 + 1)县", city = "第\(t / 250 + 1)市"
            for y in 0..<years {
                for indicator in catalog.indicators where next(10) < 8 {
                    let value = indicator.kind == .rate ? 80 + next(21) : 5 + next(300)
                    rows.append(StoredValue(township: "第\(t + 1)镇", county: county, city: city, province: "示例省", year: 2020 + y,
                                            indicator: indicator.id, value: value, unit: indicator.unit, qualifier: "exact", source: ""))
                }
            }
        }
        return rows
    }
}
