import Extraction
import Foundation
import Plot
import Trends

/// The charts of a parent region's page in a tree (see `RegionTree`): per indicator with data, its
/// children ranked by their pooled value in the latest year (`<id>-children-rank-<year>`) and children ×
/// years (`<id>-children-heatmap`); and the table of each headline indicator's pooled values, coverage
/// and like-for-like change. One row per child: a province has tens of cities, a city tens of counties,
/// so a ranking stays a few hundred pixels tall whatever the size of the store.
public struct ChildComparisonCharts {
    public let data: Dataset
    public let maker: ChartMaker
    public let children: ChildPlaces
    /// The parent's name for titles: 例山省, or 各地 for the whole store.
    public let title: String

    public init(data: Dataset, maker: ChartMaker, children: ChildPlaces, title: String) {
        self.data = data
        self.maker = maker
        self.children = children
        self.title = title
    }

    var word: String { children.level.word }

    /// The charts, each with a safe file stem (indicator ids and years only), size and group.
    public func plan(year: Int?) -> [ChartSet.Item] {
        var items: [ChartSet.Item] = []
        let indicators = data.indicatorsWithData.filter { data.latestYear($0.id, in: children.parent) != nil }
        let years = data.yearsWithData(in: children.parent).filter { year == nil || $0 <= year! }
        for indicator in indicators {
            let id = indicator.id
            guard let latest = year ?? data.latestYear(id, in: children.parent) else { continue }
            let byYear = Dictionary(uniqueKeysWithValues: years.map { ($0, data.compareChildren(id, year: $0, children)) })
            let comparison = byYear[latest] ?? data.compareChildren(id, year: latest, children)
            if let rank = rankChart(comparison, indicator) {
                items.append(ChartSet.Item(stem: "\(id)-children-rank-\(latest)", chart: rank, width: 1200,
                                           height: Self.height(rows: comparison.rows.count), group: indicator.name))
            }
            if let heatmap = heatmapChart(years.compactMap { byYear[$0] }, indicator) {
                items.append(ChartSet.Item(stem: "\(id)-children-heatmap", chart: heatmap, width: 1200,
                                           height: Self.height(rows: children.names.count), group: indicator.name))
            }
        }
        return items
    }

    /// Room for the title, subtitle, axis and source line, and a row for each child: a comparison of three
    /// provinces is not drawn 750 px tall, and one of forty counties stays under 1,200.
    static func height(rows: Int) -> Double { min(3000, max(380, 220 + 28 * Double(rows))) }

    static func flags(_ qualifier: String) -> ValueFlags { ValueFlags.qualifier(qualifier) }

    /// How a pooled value is made, for subtitles.
    func basis(_ indicator: Indicator) -> String {
        indicator.kind == .count ? "各\(word)数值为所辖镇街相加" : "各\(word)比率由所辖镇街计数汇总（Σ÷Σ），不是比率的平均"
    }

    func rankChart(_ c: RegionComparison, _ indicator: Indicator) -> Chart? {
        let ranked = c.rows.filter { $0.pooled.value != nil }
        guard let top = ranked.first, let topValue = top.pooled.value else { return nil }
        let reporting = c.rows.reduce(0) { $0 + $1.pooled.coverage.reporting }
        let expected = c.rows.reduce(0) { $0 + $1.pooled.coverage.expected }
        let figure = Self.flags(top.pooled.qualifier).qualify(formatted(topValue)) + indicator.unit
        let tied = ranked.filter { $0.rank == 1 }.count
        let lead = tied > 1 ? "\(tied)个\(word)并列最高（\(figure)）" : "\(top.name)最高（\(figure)）"
        var chart = Chart(kind: .rank, title: "\(c.year)年\(title)各\(word)\(indicator.name)：\(lead)",
                          subtitle: "\(c.rows.count)个\(word)中\(ranked.count)个有汇总值；\(expected)个应报送镇街中\(reporting)个报告该指标；\(basis(indicator))",
                          unit: indicator.unit, sourceLine: sourceLine(c),
                          rows: c.rows.map { r in
                              Row(township: r.name, year: c.year, indicator: indicator.id, value: r.pooled.value,
                                  flags: Self.flags(r.pooled.qualifier))
                          },
                          year: c.year)
        chart.watermark = maker.watermark
        return chart
    }

    func heatmapChart(_ comparisons: [RegionComparison], _ indicator: Indicator) -> Chart? {
        let rows = comparisons.flatMap { c in
            c.rows.map { r in
                Row(township: r.name, year: c.year, indicator: indicator.id, value: r.pooled.value, flags: Self.flags(r.pooled.qualifier))
            }
        }
        guard rows.contains(where: { $0.value != nil }), let first = comparisons.first, let last = comparisons.last else { return nil }
        let span = first.year == last.year ? "\(first.year)年" : "\(first.year)—\(last.year)年"
        var chart = Chart(kind: .heatmap, title: "\(title)各\(word)\(indicator.name)（\(span)）",
                          subtitle: "\(first.rows.count)个\(word)；\(basis(indicator))；“—”为无汇总值",
                          unit: indicator.unit, sourceLine: sourceLine(last), rows: rows)
        chart.watermark = maker.watermark
        return chart
    }

    /// 资料来源：各市所辖N个镇街报告该指标（2025年）.
    func sourceLine(_ c: RegionComparison) -> String {
        "资料来源：\(title)各\(word)所辖镇街的法治政府建设年度报告，\(c.pooled.coverage.reporting)个镇街报告该指标（\(c.year)年）"
    }

    /// The table of the headline indicators in the latest year: each child's pooled value, how many of its
    /// townships gave the figure of how many should report, and its like-for-like change. HTML, escaped.
    public func changeTable(year: Int?) -> String {
        let headline = data.indicatorsWithData.filter(\.headline)
        var out = ""
        for indicator in headline {
            guard let latest = year ?? data.latestYear(indicator.id, in: children.parent) else { continue }
            let c = data.compareChildren(indicator.id, year: latest, children)
            out += "<h3>\(xmlEscaped("\(latest)年各\(word)\(indicator.name)：汇总值、覆盖与同口径变化"))</h3>\n"
            out += "<table>\n<tr><th>\(xmlEscaped(word))</th><th>汇总值</th><th>报告该指标/应报送镇街</th><th>较上年（同口径）</th></tr>\n"
            for r in c.rows {
                let value = r.pooled.value.map { Self.flags(r.pooled.qualifier).qualify(formatted($0)) + indicator.unit } ?? "—"
                out += "<tr><td>\(xmlEscaped(r.name))</td><td>\(xmlEscaped(value))</td>"
                out += "<td>\(r.pooled.coverage.reporting)/\(r.pooled.coverage.expected)</td>"
                out += "<td>\(xmlEscaped(changeText(r.change, indicator)))</td></tr>\n"
            }
            let total = c.pooled.value.map { Self.flags(c.pooled.qualifier).qualify(formatted($0)) + indicator.unit } ?? "—"
            out += "<tr><th>\(xmlEscaped(title))</th><th>\(xmlEscaped(total))</th>"
            out += "<th>\(c.pooled.coverage.reporting)/\(c.pooled.coverage.expected)</th><th></th></tr>\n</table>\n"
        }
        return out
    }

    /// 18个镇街两年均有数据：较上年+27人（+5.5%）, or why there is no change.
    func changeText(_ c: MatchedChange, _ indicator: Indicator) -> String {
        guard c.current != nil, c.previous != nil else { return "无镇街两年均报告，不计变化" }
        let n = c.matched.count
        guard let yoy = c.change else { return "仅\(n)个镇街两年均有数据（共\(c.expected)个），不计变化" }
        let about = c.approximate ? "约" : ""
        if indicator.unit == "%" { return "\(n)个镇街两年均有数据：\(about)\(signed(yoy.absolute))个百分点" }
        let relative = yoy.relative.map { "（\(signed($0))%）" } ?? ""
        return "\(n)个镇街两年均有数据：\(about)\(signed(yoy.absolute))\(indicator.unit)\(relative)"
    }
}
