import ArgumentParser
import Extraction
import Foundation
import SampleReports
import Plot
import Publish
import Store
import Trends

/// The chart set for a generated store of many townships: PNG and SVG, rendered in parallel.
struct ChartsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charts",
        abstract: "Draw the whole chart set (PNG and SVG) for a store of the generated example county, default 1,000 townships × 5 years."
    )

    @Option(help: "Townships in the generated store.") var townships = 1000
    @Option(help: "Years of each township.") var years = 5

    func run() throws {
        let catalog = try Catalog.standard()
        let bench = try TemporaryStore(name: "charts", rows: generatedRows(catalog))
        defer { bench.remove() }
        let folder = bench.folder
        var items: [ChartSet.Item] = []
        var bytes: [Int] = []
        let (seconds, cpu) = try medianTimes(runs: 1) { _ in
            let data = Dataset(values: try bench.store.valueTable(), reports: try bench.store.reports(), catalog: catalog)
            items = ChartSet(maker: ChartMaker(data: data, region: .all)).plan(year: nil).items
            let jobs = items.flatMap { item in [OutputFormat.png, .svg].map { (item, $0) } }
            bytes = jobs.parallelMap { item, format in
                let rendered = try? render(item.chart, format: format, width: item.width, height: item.height)
                try? rendered?.data.write(to: folder.appendingPathComponent("\(item.stem).\(format.rawValue)"))
                return rendered?.data.count ?? -1
            }
        }
        let failed = bytes.filter { $0 < 0 }.count
        print(String(format: "charts: %d townships × %d years; %d charts × PNG+SVG = %d files (%d failed), %.1f MB; "
                     + "load + plan + draw %.1f s wall, %.1f s CPU (%d cores)",
                     townships, years, items.count, bytes.count, failed, Double(bytes.filter { $0 > 0 }.reduce(0, +)) / 1e6,
                     seconds, cpu, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// The true values of the example county that `fazhi sample` writes, at this size: what its
    /// reports state, as the store would hold them after extraction.
    func generatedRows(_ catalog: Catalog) -> [StoredValue] {
        let set = SampleGenerator(townships: townships, years: 2020...(2019 + years)).generate()
        return set.reports.flatMap { report in
            let t = report.truth
            return t.values.keys.sorted().map { id in
                StoredValue(township: t.township, county: t.county, city: t.city, province: t.province, year: t.year,
                            indicator: id, value: t.values[id]!, unit: catalog.indicator(id)?.unit ?? "", qualifier: "exact",
                            source: report.fileName)
            }
        }
    }
}
