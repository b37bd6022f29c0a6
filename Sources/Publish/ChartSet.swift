import Extraction
import Foundation
import Plot
import Trends

/// The whole chart set for what the store holds: per indicator its trend, its ranking for the
/// latest year and its township × year heatmap; for the set, the township × indicator overview
/// and the comparison of the headline indicators.
public struct ChartSet {
    public struct Item: Sendable {
        /// A stable, safe file name without extension: indicator ids and years only, never a township name.
        public var stem: String
        public var chart: Chart
        public var width: Double
        public var height: Double
        /// What the chart is about, for the gallery's grouping.
        public var group: String
    }

    public let maker: ChartMaker

    public init(maker: ChartMaker) { self.maker = maker }

    public func plan(year: Int?) -> (items: [Item], skipped: [String]) {
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

/// A height at which every township of a rank or heatmap gets a readable row of its own.
public func fittingHeight(_ chart: Chart) -> Double {
    guard chart.kind == .rank || chart.kind == .heatmap else { return 750 }
    var rows = Set(chart.rows.map(\.township)).count
    if chart.kind == .rank {
        // Townships of the roster that sent nothing that year take one line (另有N个乡镇未报送) once they are
        // more than a few: a ranking of two reports is not drawn 3000 px tall for 77 empty rows.
        let year = chart.year ?? chart.rows.compactMap(\.year).max()
        let ofYear = chart.rows.filter { $0.year == nil || $0.year == year }
        let sent = Set(ofYear.filter(\.submitted).map(\.township)).count
        let unsent = Set(ofYear.map(\.township)).count - sent
        rows = sent + (unsent > 5 ? 1 : unsent)
    }
    // Past about a hundred rows the chart itself leaves the middle out and says so.
    return min(3000, max(750, 190 + 24 * Double(rows)))
}

