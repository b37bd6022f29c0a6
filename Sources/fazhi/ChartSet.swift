import Extraction
import Foundation
import Plot
import Trends

/// The whole chart set for what the store holds: per indicator its trend, its ranking for the
/// latest year and its township × year heatmap; for the set, the township × indicator overview
/// and the comparison of the headline indicators.
struct ChartSet {
    struct Item: Sendable {
        /// A stable, safe file name without extension: indicator ids and years only, never a township name.
        var stem: String
        var chart: Chart
        var width: Double
        var height: Double
        /// What the chart is about, for the gallery's grouping.
        var group: String
    }

    let maker: ChartMaker

    func plan(year: Int?) -> (items: [Item], skipped: [String]) {
        var items: [Item] = [], skipped: [String] = []
        func add(_ stem: String, _ group: String, _ request: ChartMaker.Request) {
            do {
                let chart = try maker.chart(request)
                items.append(Item(stem: stem, chart: chart, width: 1200, height: fittingHeight(chart), group: group))
            } catch { skipped.append("\(stem): \(error)") }
        }
        let indicators = maker.data.indicatorsWithData.filter { i in maker.data.latestYear(i.id, in: maker.region) != nil }
        let latest = year ?? indicators.compactMap { maker.data.latestYear($0.id, in: maker.region) }.max()
        let headline = indicators.filter(\.headline).map(\.id)
        if let latest {
            add("overview-\(latest)", "总览", .init(kind: .heatmap, indicators: indicators.map(\.id), year: latest))
            if headline.count > 1 {
                add("headline-\(latest)", "总览", .init(kind: .heatmap, indicators: headline, year: latest,
                                                       title: "\(latest)年\(maker.regionTitle)镇街重点指标对比"))
            }
        }
        for indicator in indicators {
            let id = indicator.id
            add("\(id)-trend", indicator.name, .init(kind: .trend, indicators: [id], years: year.map { 1900...$0 }))
            let rankYear = year ?? maker.data.latestYear(id, in: maker.region)
            if let rankYear { add("\(id)-rank-\(rankYear)", indicator.name, .init(kind: .rank, indicators: [id], year: rankYear)) }
            add("\(id)-heatmap", indicator.name, .init(kind: .heatmap, indicators: [id], years: year.map { 1900...$0 }))
        }
        return (items, skipped)
    }
}

/// Writes a file only when its bytes differ, so that drawing the same set twice changes nothing.
@discardableResult
func writeIfChanged(_ data: Data, to url: URL) throws -> Bool {
    if let old = try? Data(contentsOf: url), old == data { return false }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url, options: .atomic)
    return true
}

/// A one-line progress bar on a terminal; nothing when stderr is a file or a pipe.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private var done = 0
    private let lock = NSLock()
    private let enabled = isatty(STDERR_FILENO) == 1
    private let label: String

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    func advance() {
        guard enabled else { return }
        lock.lock()
        done += 1
        let width = 30, filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total)".utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        lock.unlock()
    }
}
