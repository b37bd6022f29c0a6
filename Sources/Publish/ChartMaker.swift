import Extraction
import Foundation
import Plot
import SampleReports
import Trends

/// Turns what Trends computes into the in-memory tables Plot draws: the one place where store
/// values become chart rows, titles, source lines and marks.
public struct ChartMaker {
    public let data: Dataset
    public let region: Region

    public init(data: Dataset, region: Region) {
        self.data = data
        self.region = region
    }

    /// What a chart shows: its kind, the indicators (two for scatter; several make a heatmap of
    /// townships × indicators), and which townships and years.
    public struct Request {
        public var kind: ChartKind
        public var indicators: [String]
        public var year: Int?
        public var years: ClosedRange<Int>?
        public var townships: [String] = []
        public var title: String?

        public init(kind: ChartKind, indicators: [String], year: Int? = nil, years: ClosedRange<Int>? = nil,
                    townships: [String] = [], title: String? = nil) {
            self.kind = kind
            self.indicators = indicators
            self.year = year
            self.years = years
            self.townships = townships
            self.title = title
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case noData(String)
        public var description: String {
            switch self { case .noData(let why): return why }
        }
    }

    // MARK: Names

    /// Township names as charts write them; a name held by two places gets its county: 新村镇（甲县）.
    /// The roster's places count too: two 附城镇 that sent nothing are two rows, not one.
    public var displayNames: [Place: String] {
        let places = Set(data.places(in: region) + data.rosterPlaces(in: region))
        var count: [String: Int] = [:]
        for p in places { count[p.township, default: 0] += 1 }
        var names: [Place: String] = [:]
        for p in places {
            names[p] = count[p.township]! > 1 ? "\(p.township)（\(p.county ?? "县区不详")）" : p.township
        }
        return names
    }

    /// The region's name for titles: the one named, or the county, city or province that every
    /// township in the store shares.
    public var regionTitle: String {
        if let name = region.name { return name }
        let places = data.places
        for level in [\Place.county, \Place.city, \Place.province] {
            let names = Set(places.map { $0[keyPath: level] })
            if names.count == 1, let only = names.first, let only { return only }
        }
        return "各地"
    }

    func indicator(_ id: String) -> Indicator? { data.catalog.indicator(id) }

    /// Example data carries a visible mark so that nobody takes it for a real county's figures.
    public var watermark: String? {
        data.places(in: region).contains { isSampleCounty($0.county) } ? "示例数据" : nil
    }

    public static func flags(_ o: Observation) -> ValueFlags {
        var f = ValueFlags.qualifier(o.qualifier)
        if o.derived { f.insert(.derived) }
        if o.corrected { f.insert(.corrected) }
        if o.reviewed { f.insert(.reviewed) }
        return f
    }

    /// 资料来源：12个镇街46份法治政府建设年度报告（2020—2025年）.
    public func sourceLine(_ observations: [Observation]) -> String {
        let sources = Set(observations.flatMap { $0.source.components(separatedBy: "；") }.filter { !$0.isEmpty })
        let reports = sources.filter { $0 != "correction" && !$0.hasPrefix("import:") }.count
        let places = Set(observations.map(\.place)).count
        let years = Set(observations.map(\.year)).sorted()
        let span = years.isEmpty ? "" : years.first == years.last ? "（\(years[0])年）" : "（\(years.first!)—\(years.last!)年）"
        var line = "资料来源：\(places)个镇街\(reports)份法治政府建设年度报告\(span)"
        if sources.contains("correction") { line += "，含人工更正" }
        if sources.contains(where: { $0.hasPrefix("import:") }) { line += "，含导入数据" }
        return line
    }

    // MARK: Charts

    public func chart(_ request: Request) throws -> Chart {
        guard let first = request.indicators.first, let definition = indicator(first) else {
            throw Failure.noData("未知指标 (unknown indicator)")
        }
        switch request.kind {
        case .scatter: return try scatter(request)
        case .heatmap where request.indicators.count > 1: return try overview(request)
        case .rank: return try rank(request, definition)
        default: return try overTime(request, definition)
        }
    }

    /// trend, grouped, heatmap (townships × years), small-multiples and slope: one indicator over the years.
    func overTime(_ request: Request, _ definition: Indicator) throws -> Chart {
        let names = displayNames
        var series = data.series(definition.id, in: region, townships: request.townships)
        if let years = request.years {
            series = series.map { s in Series(place: s.place, points: s.points.filter { years.contains($0.year) }) }
                .filter { !$0.points.isEmpty }
        }
        let observations = series.flatMap { $0.points.map(\.observation) }
        guard !observations.isEmpty else {
            throw Failure.noData("\(regionTitle)没有\(definition.name)的数据 (no values of \(definition.id) here)")
        }
        var rows = observations.map { o in
            Row(township: names[o.place] ?? o.place.township, year: o.year, indicator: o.indicator, value: o.value,
                flags: Self.flags(o))
        }
        let years = Set(observations.map(\.year)).sorted()
        // A heatmap shows who sent nothing in a year (未报送), as against a report without the figure. More
        // than a few townships of the roster that sent nothing in any of its years are counted in the
        // subtitle, not drawn as rows of 未报送 alone (as the ranking counts them in one line).
        var neverSent = 0
        if request.kind == .heatmap, request.townships.isEmpty, let first = years.first, let last = years.last {
            let missing = (first...last).map { (year: $0, places: data.attendance(year: $0, in: region).missing) }
            var absentEveryYear = Set(missing.first?.places ?? [])
            for year in missing.dropFirst() { absentEveryYear.formIntersection(year.places) }
            let collapsed = absentEveryYear.count > 5 ? absentEveryYear : []
            neverSent = collapsed.count
            for (year, places) in missing {
                for p in places where !collapsed.contains(p) {
                    rows.append(Row(township: names[p] ?? p.township, year: year, indicator: definition.id, value: nil, submitted: false))
                }
            }
        }
        let span = years.first == years.last ? "\(years[0])年" : "\(years.first!)—\(years.last!)年"
        let absent = neverSent > 0 ? "；另有\(neverSent)个镇街\(years.count > 1 ? "各年均" : "")未报送" : ""
        var chart = Chart(kind: request.kind, title: request.title ?? "\(regionTitle)镇街\(definition.name)（\(span)）",
                          subtitle: subtitle(definition, townships: series.count) + absent, unit: definition.unit,
                          sourceLine: sourceLine(observations), rows: rows,
                          highlight: request.townships.flatMap { t in series.filter { $0.place.township == t }.map { names[$0.place] ?? t } })
        if request.kind == .slope, years.count >= 2 {
            chart.slopeYears = (request.years?.lowerBound ?? years.first!, request.years?.upperBound ?? years.last!)
        }
        chart.watermark = watermark
        return chart
    }

    func subtitle(_ definition: Indicator, townships: Int) -> String {
        var s = "\(townships)个镇街"
        if let ratio = definition.ratio {
            s += "；未写明比率者按\(indicator(ratio.numerator)?.name ?? "")÷\(indicator(ratio.denominator)?.name ?? "")推算"
        }
        return s
    }

    /// Horizontal bars for one year, with the townships that did not report it listed as 未报告.
    func rank(_ request: Request, _ definition: Indicator) throws -> Chart {
        guard let year = request.year ?? request.years?.upperBound ?? data.latestYear(definition.id, in: region) else {
            throw Failure.noData("\(regionTitle)没有\(definition.name)的数据 (no values of \(definition.id) here)")
        }
        let comparison = data.compare(definition.id, year: year, in: region)
        let names = displayNames
        let wanted = Set(request.townships)
        let rows = comparison.rows.filter { wanted.isEmpty || wanted.contains($0.place.township) }
        let observations = rows.compactMap(\.observation)
        guard !observations.isEmpty else {
            throw Failure.noData("\(regionTitle)\(year)年没有\(definition.name)的数据 (no values of \(definition.id) in \(year))")
        }
        var chart = Chart(kind: .rank, title: request.title ?? rankTitle(comparison, definition, names),
                          subtitle: "\(year)年；\(comparison.pooled.coverage.expected)个镇街中\(observations.count)个报告"
                              + (comparison.rows.contains { !$0.submitted } ? "、\(comparison.rows.filter { !$0.submitted }.count)个未报送" : "")
                              + pooledText(comparison, definition),
                          unit: definition.unit, sourceLine: sourceLine(observations),
                          rows: rows.map { r in
                              Row(township: names[r.place] ?? r.place.township, year: year, indicator: definition.id,
                                  value: r.observation?.value, flags: r.observation.map(Self.flags) ?? [],
                                  submitted: r.submitted)
                          },
                          year: year)
        chart.watermark = watermark
        return chart
    }

    /// The title states the finding: who leads, and the median.
    /// The title states the finding: who leads. Equal exact figures are a tie; equal figures of which one
    /// is approximate (约500, 500余) are not said to be one.
    func rankTitle(_ c: Comparison, _ definition: Indicator, _ names: [Place: String]) -> String {
        guard let top = c.rows.first, let o = top.observation else { return "\(regionTitle)镇街\(definition.name)（\(c.year)年）" }
        let tiedRows = c.rows.filter { $0.rank == 1 }
        let unit = definition.unit == "%" ? "%" : definition.unit
        let figure = ValueFlags.qualifier(o.qualifier).qualify(formatted(o.value)) + unit
        if tiedRows.count > 1 {
            if tiedRows.contains(where: { $0.observation?.approximate == true }) {
                return "\(c.year)年\(regionTitle)\(definition.name)最高为\(figure)，\(tiedRows.count)个镇街所报数字相同（含约数，未必相等）"
            }
            return "\(c.year)年\(regionTitle)有\(tiedRows.count)个镇街\(definition.name)并列最高（\(figure)）"
        }
        return "\(c.year)年\(regionTitle)\(definition.name)\(names[top.place] ?? top.place.township)最高（\(figure)）"
    }

    /// "；合计约2500件" — a total that approximate figures went into says so.
    func pooledText(_ c: Comparison, _ definition: Indicator) -> String {
        guard let v = c.pooled.value else { return "" }
        let figure = ValueFlags.qualifier(c.pooled.qualifier).qualify(formatted(v))
        return definition.kind == .count ? "；合计\(figure)\(definition.unit)" : "；由\(c.pooled.coverage.pooled)个镇街计数汇总\(figure)%"
    }

    /// Two indicators, one point per township, in one year.
    func scatter(_ request: Request) throws -> Chart {
        guard request.indicators.count == 2, let x = indicator(request.indicators[0]), let y = indicator(request.indicators[1]) else {
            throw Failure.noData("散点图需要两个指标 (scatter takes two indicators)")
        }
        let year = request.year ?? [data.latestYear(x.id, in: region), data.latestYear(y.id, in: region)].compactMap { $0 }.min()
        guard let year else { throw Failure.noData("\(regionTitle)没有\(x.name)或\(y.name)的数据") }
        let names = displayNames
        var rows: [Row] = [], observations: [Observation] = []
        for p in data.members(x.id, in: region, year: year) {
            guard let a = data.observation(x.id, p, year), let b = data.observation(y.id, p, year) else { continue }
            observations += [a, b]
            rows.append(Row(township: names[p] ?? p.township, year: year, indicator: x.name, value: a.value, flags: Self.flags(a)))
            rows.append(Row(township: names[p] ?? p.township, year: year, indicator: y.name, value: b.value, flags: Self.flags(b)))
        }
        guard !rows.isEmpty else { throw Failure.noData("\(year)年没有同时报告\(x.name)和\(y.name)的镇街") }
        var chart = Chart(kind: .scatter, title: request.title ?? "\(year)年\(regionTitle)镇街\(x.name)与\(y.name)",
                          subtitle: "\(rows.count / 2)个镇街；横轴\(x.name)（\(x.unit)），纵轴\(y.name)（\(y.unit)）",
                          sourceLine: sourceLine(observations), rows: rows, xIndicator: x.name, yIndicator: y.name, year: year)
        chart.watermark = watermark
        return chart
    }

    /// Townships × indicators in one year, each indicator on its own colour range.
    func overview(_ request: Request) throws -> Chart {
        let definitions = request.indicators.compactMap(indicator)
        let year = request.year ?? definitions.compactMap { data.latestYear($0.id, in: region) }.max()
        guard let year else { throw Failure.noData("\(regionTitle)没有数据 (no values here)") }
        let names = displayNames
        var rows: [Row] = [], observations: [Observation] = []
        let places = Set(definitions.flatMap { data.members($0.id, in: region, year: year) }).sorted()
        for p in places where request.townships.isEmpty || request.townships.contains(p.township) {
            for d in definitions {
                let o = data.observation(d.id, p, year)
                if let o { observations.append(o) }
                rows.append(Row(township: names[p] ?? p.township, year: year, indicator: d.name, value: o?.value,
                                flags: o.map(Self.flags) ?? []))
            }
        }
        guard !observations.isEmpty else { throw Failure.noData("\(regionTitle)\(year)年没有数据 (no values in \(year))") }
        let missing = request.townships.isEmpty ? data.attendance(year: year, in: region).missing : []
        // More than a few that sent nothing are counted in the subtitle only, as in the heatmap by year.
        for p in missing where missing.count <= 5 {
            for d in definitions { rows.append(Row(township: names[p] ?? p.township, year: year, indicator: d.name, value: nil, submitted: false)) }
        }
        let expected = places.count + missing.count
        var chart = Chart(kind: .heatmap, title: request.title ?? "\(year)年\(regionTitle)镇街法治政府建设指标一览",
                          subtitle: "\(expected)个镇街中\(places.count)个报送 × \(definitions.count)项指标；每项指标按自身范围着色，“—”为未报告"
                              + (missing.isEmpty ? "" : "，\(missing.count)个镇街未报送"),
                          sourceLine: sourceLine(observations), rows: rows, year: year)
        chart.watermark = watermark
        return chart
    }
}
