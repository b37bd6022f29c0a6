import Extraction
import Foundation
import Plot
import Trends

/// Chinese or English headers, indicator names and qualifiers (约2500 or about 2,500).
public enum TableLanguage: String, CaseIterable, Sendable { case zh, en }

/// A table for people and spreadsheets: townships × indicators for a year, or townships × years for an
/// indicator. Numbers stay numbers with their qualifier and marks beside them, so that a CSV or XLSX
/// gives Excel and WPS figures to compute with, and a reader the words the report used.
public struct DataTable: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        /// A figure; `qualifier` as stored (`exact`, `about`…), with * for derived and † for corrected.
        case number(Double, qualifier: String, derived: Bool, corrected: Bool)
        /// No figure, and why: 未报告 (no value in the report), 未报送 (no report), — (nothing to say).
        case none(String)
    }

    public struct Column: Sendable, Equatable {
        public var header: String
        /// What the column holds, for the sheet that explains the columns.
        public var meaning: String
        /// Decimals a number of this column is written with (0 for counts; up to 2 for rates).
        public var decimals: Int
        /// "%" writes numbers as percent points (93.5%); any other unit is in the header.
        public var percent: Bool
    }

    /// One value's origin, for the evidence sheet.
    public struct Evidence: Sendable, Equatable {
        public var township: String
        public var county: String
        public var year: Int
        public var indicator: String
        public var value: String
        public var source: String
        public var sentence: String
    }

    public var title: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// How many leading columns name the row (township, county): frozen in a spreadsheet.
    public var keyColumns: Int
    public var evidence: [Evidence]
    public var notes: [String]
    public var language: TableLanguage

    /// A cell as a person reads it: 约2,500, 87.5%*, 未报送.
    public func text(_ cell: Cell, column: Column) -> String {
        switch cell {
        case .text(let s), .none(let s): return s
        case let .number(v, q, derived, corrected):
            let figure = Self.figure(v, decimals: column.decimals) + (column.percent ? "%" : "")
            return ValueFlags.qualifier(q).qualify(figure, english: language == .en) + (derived ? "*" : "") + (corrected ? "†" : "")
        }
    }

    static func figure(_ v: Double, decimals: Int) -> String {
        var s = String(format: "%.\(decimals)f", v)
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s
    }

    /// UTF-8 with a BOM (Excel and WPS read Chinese right only so): numbers as numbers; a column with any
    /// qualified, derived or corrected figure gets a note column beside it (约, 推算, 更正); text made
    /// formula-safe by `CellText`.
    public func csv() -> String {
        let english = language == .en
        var noted: [Bool] = columns.indices.map { c in
            rows.contains { row in
                if case let .number(_, q, d, k) = row[c] { return q != "exact" || d || k }
                return false
            }
        }
        if noted.count < columns.count { noted += Array(repeating: false, count: columns.count - noted.count) }
        var header: [String] = []
        for (c, column) in columns.enumerated() {
            header.append(column.header + (column.percent ? (english ? " (%)" : "（%）") : ""))
            if noted[c] { header.append(column.header + (english ? " note" : "·注")) }
        }
        var out = "\u{FEFF}" + header.map(CellText.field).joined(separator: ",") + "\n"
        for row in rows {
            var fields: [String] = []
            for (c, cell) in row.enumerated() {
                switch cell {
                case .text(let s), .none(let s): fields.append(CellText.field(s)); if noted[c] { fields.append("") }
                case let .number(v, q, d, k):
                    fields.append(CellText.number(v))
                    if noted[c] { fields.append(CellText.field(Self.note(q, derived: d, corrected: k, english: english))) }
                }
            }
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    /// 约 / 推算 / 更正 (or about, derived, corrected), joined.
    static func note(_ qualifier: String, derived: Bool, corrected: Bool, english: Bool) -> String {
        var parts: [String] = []
        if qualifier != "exact" { parts.append(ValueFlags.qualifier(qualifier).qualify("", english: english).trimmingCharacters(in: .whitespaces)) }
        if derived { parts.append(english ? "derived" : "推算") }
        if corrected { parts.append(english ? "corrected" : "更正") }
        return parts.joined(separator: english ? "; " : "；")
    }
}

/// Builds tables from what Trends computes, for a region.
public struct TableBuilder {
    public let data: Dataset
    public let region: Region
    public let language: TableLanguage

    public init(data: Dataset, region: Region, language: TableLanguage = .zh) {
        self.data = data
        self.region = region
        self.language = language
    }

    var english: Bool { language == .en }
    func name(_ i: Indicator) -> String { english ? (i.en ?? i.id) : i.name }
    var regionName: String { region.name ?? (english ? "all" : "全部") }

    func columnOf(_ i: Indicator, values: [Double], header: String? = nil, meaning: String) -> DataTable.Column {
        let decimals = values.map { v -> Int in
            for d in 0...2 where abs(v * pow(10, Double(d)) - (v * pow(10, Double(d))).rounded()) < 1e-6 { return d }
            return 2
        }.max() ?? 0
        return DataTable.Column(header: header ?? name(i) + (i.unit == "%" ? "" : english ? "" : "（\(i.unit)）"),
                                meaning: meaning, decimals: decimals, percent: i.unit == "%")
    }

    static func cell(_ o: Observation) -> DataTable.Cell {
        .number(o.value, qualifier: o.qualifier, derived: o.derived, corrected: o.corrected)
    }

    func evidence(_ o: Observation, _ indicator: Indicator, _ column: DataTable.Column) -> DataTable.Evidence {
        let table = DataTable(title: "", columns: [column], rows: [], keyColumns: 0, evidence: [], notes: [], language: language)
        return DataTable.Evidence(township: o.place.township, county: o.place.county ?? "", year: o.year, indicator: name(indicator),
                                  value: table.text(Self.cell(o), column: column), source: o.source, sentence: o.evidence ?? "")
    }

    var notReported: String { english ? "not reported" : "未报告" }
    var notSent: String { english ? "no report" : "未报送" }

    /// Townships × indicators in one year: every township the region should report (those that sent
    /// nothing marked 未报送), every indicator with a value there that year, and the pooled figure.
    public func byIndicators(year: Int) -> DataTable {
        let attendance = data.attendance(year: year, in: region)
        let sent = Set(attendance.submitted)
        let indicators = data.indicatorsWithData.filter { i in attendance.submitted.contains { data.observation(i.id, $0, year) != nil } }
        var columns = [
            DataTable.Column(header: english ? "township" : "镇街", meaning: english ? "the township" : "镇街名称", decimals: 0, percent: false),
            DataTable.Column(header: english ? "county" : "县区", meaning: english ? "its county" : "所属县区", decimals: 0, percent: false),
            DataTable.Column(header: english ? "report" : "报送", meaning: english ? "whether it sent a report for the year" : "当年是否报送年度报告",
                             decimals: 0, percent: false),
        ]
        var evidence: [DataTable.Evidence] = []
        var grid: [[DataTable.Cell]] = attendance.expected.map { p in
            [.text(p.township), .text(p.county ?? "—"), .text(sent.contains(p) ? (english ? "yes" : "是") : (english ? "no" : "否"))]
        }
        var total: [DataTable.Cell] = [.text(english ? "total (\(regionName))" : "合计/汇总（\(regionName)）"), .text(""),
                                       .text("\(attendance.submitted.count)/\(attendance.expected.count)")]
        for i in indicators {
            let observations = attendance.expected.map { sent.contains($0) ? data.observation(i.id, $0, year) : nil }
            let column = columnOf(i, values: observations.compactMap { $0?.value },
                                  meaning: (english ? "\(name(i)) (\(i.id)), \(i.unit), as stated or derived"
                                            : "\(i.name)（\(i.id)），单位\(i.unit)；照报告，* 为推算、† 为更正"))
            columns.append(column)
            for (r, o) in observations.enumerated() {
                if let o { grid[r].append(Self.cell(o)); evidence.append(self.evidence(o, i, column)) }
                else { grid[r].append(.none(sent.contains(attendance.expected[r]) ? notReported : notSent)) }
            }
            let pooled = data.pooled(i.id, year: year, in: region)
            total.append(pooled.value.map { .number($0, qualifier: pooled.qualifier, derived: i.kind == .rate, corrected: false) } ?? .none("—"))
        }
        let title = english ? "\(regionName), \(year): townships × indicators" : "\(regionName)\(year)年各镇街法治政府建设指标"
        let notes = [english ? "\(attendance.submitted.count) of \(attendance.expected.count) townships sent a report; the last row sums counts and pools rates from counts (Σ closed ÷ Σ received)."
                     : "应报送\(attendance.expected.count)个镇街，已报送\(attendance.submitted.count)个；末行计数相加，比率由各镇街计数之和相除。"]
        return DataTable(title: title, columns: columns, rows: grid + [total], keyColumns: 2, evidence: evidence, notes: notes,
                         language: language)
    }

    /// Townships × years for one indicator, each township's change in the last year, the region's total
    /// per year, and its like-for-like change (the townships that gave it in both years).
    public func byYears(_ indicator: Indicator) -> DataTable {
        let series = data.series(indicator.id, in: region)
        let rollup = data.rollup(indicator.id, in: region)
        let years = rollup.map(\.year)
        let expected = Set(years.flatMap { data.attendance(year: $0, in: region).expected })
        let withValues = Set(series.map(\.place))
        let places = (Array(withValues) + expected.subtracting(withValues)).sorted()
        let byPlace = Dictionary(uniqueKeysWithValues: series.map { ($0.place, $0) })
        let values = series.flatMap { $0.points.map(\.value) }
        var columns = [
            DataTable.Column(header: english ? "township" : "镇街", meaning: english ? "the township" : "镇街名称", decimals: 0, percent: false),
            DataTable.Column(header: english ? "county" : "县区", meaning: english ? "its county" : "所属县区", decimals: 0, percent: false),
        ]
        var evidence: [DataTable.Evidence] = []
        for y in years {
            columns.append(columnOf(indicator, values: values, header: english ? "\(y)" : "\(y)年",
                                    meaning: english ? "\(name(indicator)) in \(y) (\(indicator.unit))" : "\(y)年\(indicator.name)（\(indicator.unit)）"))
        }
        let last = years.last
        let changeHeader = last.map { english ? "change \($0 - 1)→\($0)" : "较上年（\($0 - 1)→\($0)）" } ?? (english ? "change" : "较上年")
        let changeColumn = columnOf(indicator, values: values, header: changeHeader,
                                    meaning: english ? "the township's change in the last year (percentage points for a rate); empty when the year before has no value"
                                        : "该镇街最近一年较上年的变化（比率为百分点）；上年无数据则空")
        columns.append(changeColumn)
        var grid: [[DataTable.Cell]] = []
        for p in places {
            var row: [DataTable.Cell] = [.text(p.township), .text(p.county ?? "—")]
            let reported = data.reportedYears(of: p)
            for (c, y) in years.enumerated() {
                if let point = byPlace[p]?.points.first(where: { $0.year == y }) {
                    row.append(Self.cell(point.observation))
                    evidence.append(self.evidence(point.observation, indicator, columns[2 + c]))
                } else {
                    row.append(.none(reported.contains(y) ? notReported : notSent))
                }
            }
            if let last, let point = byPlace[p]?.points.first(where: { $0.year == last }), let yoy = point.yoy {
                let before = byPlace[p]!.points.first { $0.year == last - 1 }!.observation
                let approximate = point.observation.approximate || before.approximate
                row.append(.number(yoy.absolute, qualifier: approximate ? "about" : "exact", derived: false, corrected: false))
            } else {
                row.append(.none(""))
            }
            grid.append(row)
        }
        var total: [DataTable.Cell] = [.text(english ? "total (\(regionName))" : (indicator.kind == .count ? "合计" : "汇总") + "（\(regionName)）"), .text("")]
        var coverage: [DataTable.Cell] = [.text(english ? "townships reporting / expected" : "报告镇街/应报送"), .text("")]
        var change: [DataTable.Cell] = [.text(english ? "like-for-like change" : "较上年（同口径）"), .text("")]
        for r in rollup {
            total.append(r.value.map { .number($0, qualifier: r.qualifier, derived: indicator.kind == .rate, corrected: false) } ?? .none("—"))
            coverage.append(.text("\(r.coverage.reporting)/\(r.coverage.expected)"))
            let m = data.matchedChange(indicator.id, year: r.year, in: region)
            change.append(.text(Self.matchedText(m, unit: indicator.unit, english: english)))
        }
        total.append(.none("")); coverage.append(.none("")); change.append(.none(""))
        let title = english ? "\(name(indicator)), \(regionName), by year" : "\(regionName)各镇街\(indicator.name)逐年"
        let notes = [english ? "Totals cover whoever reported that year; the like-for-like row compares only the townships that gave the figure in both years."
                     : "合计为当年报告镇街之和；“较上年（同口径）”只比两年均有数据的镇街。"]
        return DataTable(title: title, columns: columns, rows: grid + [total, coverage, change], keyColumns: 2, evidence: evidence,
                         notes: notes, language: language)
    }

    /// "+12（+13.33%），3个镇街" — or why there is no change.
    public static func matchedText(_ c: MatchedChange, unit: String, english: Bool) -> String {
        guard c.current != nil, c.previous != nil else { return "—" }
        guard let yoy = c.change else {
            return english ? "only \(c.matched.count) in both years" : "仅\(c.matched.count)个镇街两年均有数据，不计"
        }
        let about = c.approximate ? (english ? "about " : "约") : ""
        if unit == "%" {
            return english ? "\(about)\(signed(yoy.absolute)) pp, \(c.matched.count) townships" : "\(about)\(signed(yoy.absolute))个百分点，\(c.matched.count)个镇街"
        }
        let relative = yoy.relative.map { english ? " (\(signed($0))%)" : "（\(signed($0))%）" } ?? ""
        return english ? "\(about)\(signed(yoy.absolute))\(relative), \(c.matched.count) townships"
            : "\(about)\(signed(yoy.absolute))\(relative)，\(c.matched.count)个镇街"
    }
}
