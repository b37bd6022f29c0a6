import ArgumentParser
import Extraction
import Foundation
import Plot
import Publish
import Store
import Trends

/// `--county`, `--city` or `--province`: the region a command looks at (at most one).
struct RegionOptions: ParsableArguments {
    @Option(help: "只看一个县区 (one county).") var county: String?
    @Option(help: "只看一个地级市 (one city).") var city: String?
    @Option(help: "只看一个省 (one province).") var province: String?

    func validate() throws {
        if [county, city, province].compactMap({ $0 }).count > 1 {
            throw ValidationError("--county、--city、--province 只能选一个 (give at most one of them).")
        }
    }

    var region: Region {
        if let county { return .county(county) }
        if let city { return .city(city) }
        if let province { return .province(province) }
        return .all
    }
}

enum TableFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

extension StoreOptions {
    /// Everything in the store, with the values Trends derives from it.
    func dataset() throws -> Dataset {
        do { return try StoreDataset.load(store: db) } catch let failure as StoreDataset.Failure {
            throw ValidationError(failure.description)
        }
    }
}

/// How tables write a value: the figure, the report's qualifier, and marks for derived (*) and corrected (†).
enum ValueText {
    /// The figure as the report wrote it (约2500, 1900余, 不足10), then * for derived and † for corrected.
    static func cell(_ o: Observation?) -> String {
        guard let o else { return "—" }
        return qualified(formatted(o.value), o.qualifier) + (o.derived ? "*" : "") + (o.corrected ? "†" : "")
    }

    static func legend(_ unit: String) -> String {
        "单位：\(unit)。* 推算值 (derived)　† 人工更正 (corrected)　约、近、余、以上、不超过、不足照报告原文　— 未报告 (not reported)\n"
    }

    static func coverage(_ c: Coverage) -> String { "\(c.reporting)/\(c.expected)" }

    /// A figure with its qualifier's words: 约2500, 1900余.
    static func qualified(_ text: String, _ qualifier: String) -> String {
        ValueFlags.qualifier(qualifier).qualify(text)
    }

    /// "+12（3个镇街）", or "仅2个镇街，不计" for a small panel, or "—" for none.
    static func matchedCell(_ c: MatchedChange, unit: String) -> String {
        guard c.current != nil, c.previous != nil else { return "—" }
        guard let yoy = c.change else { return "仅\(c.matched.count)个镇街，不计" }
        let about = c.approximate ? "约" : ""
        let figure = unit == "%" ? "\(about)\(signed(yoy.absolute))个百分点"
            : "\(about)\(signed(yoy.absolute))" + (yoy.relative.map { "（\(signed($0))%）" } ?? "")
        return "\(figure)，\(c.matched.count)个镇街"
    }

    static func matchedJSON(_ c: MatchedChange) -> JSON {
        .object([("basis", .string(c.basis.rawValue)), ("matched", .int(c.matched.count)), ("expected", .int(c.expected)),
                 ("previous", json(c.previous)), ("current", json(c.current)), ("small", .bool(c.isSmall)),
                 ("absolute", json(c.change?.absolute)), ("relative", json(c.change?.relative))])
    }

    static func json(_ value: Double?) -> JSON { value.map { .number(ExtractOutput.formatValue($0)) } ?? .null }

    static func yoyJSON(_ yoy: YearOverYear?) -> JSON {
        guard let yoy else { return .null }
        return .object([("absolute", json(yoy.absolute)), ("relative", json(yoy.relative))])
    }

    static func coverageJSON(_ c: Coverage) -> JSON {
        .object([("reporting", .int(c.reporting)), ("total", .int(c.total)), ("pooled", .int(c.pooled)), ("expected", .int(c.expected))])
    }
}

func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

struct Trend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "一个指标逐年的变化 (one indicator over the years, township by township).",
        discussion: """
        每个镇街一行、每年一列，末行为所选地区的合计 (计数相加；比率为 Σ办结 ÷ Σ受理，不取比率的平均)，
        并注明多少个镇街报告了该指标。
        One row a township, one column a year; the last row is the region's total (counts add up;
        a rate pools as Σ closed ÷ Σ received, never a mean of rates) with its coverage.

        例 (examples):
          fazhi trend petitions.closure_rate
          fazhi trend legal.literates --county 平坝区 --format json
        """
    )

    @Argument(help: "指标：id、中文名或其中一段 (indicator: id, Chinese name or part of it; see `fazhi indicators`).") var indicator: String
    @Option(help: "只看这些镇街，可重复 (only these townships; repeatable).") var township: [String] = []
    @OptionGroup var region: RegionOptions
    @Option(help: "table|json|csv") var format: TableFormat = .table
    @OptionGroup var store: StoreOptions
    @OptionGroup var roster: RosterOptions

    func run() throws {
        let data = try store.dataset(roster: roster, region: region.region)
        let definition = try indicatorNamed(indicator, in: data.catalog)
        let series = data.series(definition.id, in: region.region, townships: township)
        let rollup = data.rollup(definition.id, in: region.region)
        let changes = rollup.map { data.matchedChange(definition.id, year: $0.year, in: region.region) }
        switch format {
        case .json: write(json(definition, series, rollup, changes).rendered() + "\n")
        case .csv: write(csv(series))
        case .table: write(table(definition, series, rollup, changes))
        }
    }

    func json(_ definition: Indicator, _ series: [Series], _ rollup: [RollupPoint], _ changes: [MatchedChange]) -> JSON {
        .object([
            ("indicator", .string(definition.id)), ("name", .string(definition.name)), ("unit", .string(definition.unit)),
            ("series", .array(series.map { s in
                .object([
                    ("township", .string(s.place.township)), ("county", .optional(s.place.county)),
                    ("points", .array(s.points.map { p in
                        .object([
                            ("year", .int(p.year)), ("value", ValueText.json(p.value)),
                            ("qualifier", .string(p.observation.qualifier)), ("derived", .bool(p.observation.derived)),
                            ("corrected", .bool(p.observation.corrected)), ("yoy", ValueText.yoyJSON(p.yoy)),
                            ("source", .string(p.observation.source)),
                        ])
                    })),
                ])
            })),
            ("rollup", .array(zip(rollup, changes).map { r, c in
                .object([("year", .int(r.year)), ("value", ValueText.json(r.value)), ("qualifier", .string(r.qualifier)),
                         ("coverage", ValueText.coverageJSON(r.coverage)), ("change", ValueText.matchedJSON(c))])
            })),
        ])
    }

    func csv(_ series: [Series]) -> String {
        var out = "\u{FEFF}township,county,year,value,qualifier,derived,corrected,yoy_absolute,yoy_relative,source\n"
        for s in series {
            for p in s.points {
                let o = p.observation
                out += [s.place.township, s.place.county ?? "", String(p.year), ExtractOutput.formatValue(o.value), o.qualifier,
                        String(o.derived), String(o.corrected), p.yoy.map { ExtractOutput.formatValue($0.absolute) } ?? "",
                        p.yoy?.relative.map(ExtractOutput.formatValue) ?? "", o.source]
                    .map(ExtractOutput.csvField).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    func table(_ definition: Indicator, _ series: [Series], _ rollup: [RollupPoint], _ changes: [MatchedChange]) -> String {
        let years = rollup.map(\.year)
        guard !series.isEmpty else {
            return "\(definition.name)：所选范围内没有数据 (no values in this selection)。\n"
        }
        var rows = series.map { s in
            [s.place.township, s.place.county ?? "—"] + years.map { y in ValueText.cell(s.points.first { $0.year == y }?.observation) }
        }
        if township.isEmpty {
            let total = definition.kind == .count ? "合计" : "汇总"
            rows.append(["\(total)（\(region.region.name ?? "全部")）", ""] + rollup.map { r in
                (r.value.map { ValueText.qualified(formatted($0), r.qualifier) } ?? "—") + " (\(ValueText.coverage(r.coverage)))"
            })
            rows.append(["较上年（同口径）", ""] + changes.map { ValueText.matchedCell($0, unit: definition.unit) })
        }
        let header = ["镇街", "县区"] + years.map { "\($0)年" }
        return "\(definition.name) (\(definition.id))\n" + TextTable(header: header, rows: rows).render()
            + ValueText.legend(definition.unit)
            + (township.isEmpty ? "合计一行括号内为报告该指标的镇街数/应报送镇街数 (coverage against the roster)；"
                + "较上年一行只比两年均有数据的镇街，并注明其个数 (change over the townships that reported both years)。\n" : "")
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "同一年各镇街的排名 (rank the townships for one year).",
        discussion: """
        例 (examples):
          fazhi compare petitions.closure_rate --year 2022
          fazhi compare mediation.disputes --year 2024 --city 湛江市 --format csv
        """
    )

    @Argument(help: "指标：id、中文名或其中一段 (indicator: id, Chinese name or part of it).") var indicator: String
    @Option(help: "年份 (year).") var year: Int
    @OptionGroup var region: RegionOptions
    @Option(help: "table|json|csv") var format: TableFormat = .table
    @Option(help: "同时把排名画成图 .png/.svg/.pdf (also draw the ranking to this file).") var chart: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var roster: RosterOptions

    func validate() throws {
        if let chart, OutputFormat(rawValue: URL(fileURLWithPath: chart).pathExtension.lowercased()) == nil {
            throw ValidationError("--chart 须以 .png、.svg 或 .pdf 结尾 (must end in .png, .svg or .pdf): \(chart)")
        }
    }

    func run() throws {
        let data = try store.dataset(roster: roster, region: region.region, year: year)
        let definition = try indicatorNamed(indicator, in: data.catalog)
        let comparison = data.compare(definition.id, year: year, in: region.region)
        switch format {
        case .json: write(Self.json(comparison, definition).rendered() + "\n")
        case .csv: write(csv(comparison))
        case .table: write(table(comparison, definition))
        }
        guard let chart else { return }
        let maker = ChartMaker(data: data, region: region.region)
        do {
            let drawing = try DrawingOptions.parse(["-o", chart])
            try drawing.draw(try maker.chart(.init(kind: .rank, indicators: [definition.id], year: year)))
        } catch let failure as ChartMaker.Failure {
            printError(failure.description)
            throw ExitCode(1)
        }
    }

    static func json(_ c: Comparison, _ definition: Indicator) -> JSON {
        .object([
            ("indicator", .string(c.indicator)), ("name", .string(definition.name)), ("unit", .string(definition.unit)),
            ("year", .int(c.year)),
            ("rows", .array(c.rows.map { r in
                .object([
                    ("rank", .optional(r.rank)), ("township", .string(r.place.township)), ("county", .optional(r.place.county)),
                    ("value", ValueText.json(r.observation?.value)), ("qualifier", .optional(r.observation?.qualifier)),
                    ("derived", .bool(r.observation?.derived ?? false)), ("corrected", .bool(r.observation?.corrected ?? false)),
                    ("submitted", .bool(r.submitted)),
                ])
            })),
            ("median", ValueText.json(c.median)), ("pooled", ValueText.json(c.pooled.value)),
            ("pooled_qualifier", .string(c.pooled.qualifier)),
            ("coverage", ValueText.coverageJSON(c.pooled.coverage)),
        ])
    }

    func csv(_ c: Comparison) -> String {
        var out = "\u{FEFF}rank,township,county,value,qualifier,derived,corrected\n"
        for r in c.rows {
            out += [r.rank.map(String.init) ?? "", r.place.township, r.place.county ?? "",
                    r.observation.map { ExtractOutput.formatValue($0.value) } ?? "", r.observation?.qualifier ?? "",
                    String(r.observation?.derived ?? false), String(r.observation?.corrected ?? false)]
                .map(ExtractOutput.csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    func table(_ c: Comparison, _ definition: Indicator) -> String {
        let rows = c.rows.map { r in
            [r.rank.map(String.init) ?? "", r.place.township, r.place.county ?? "—",
             !r.submitted ? "未报送" : r.observation == nil ? "未报告" : ValueText.cell(r.observation)]
        }
        var out = "\(definition.name) (\(indicator))，\(year)年\(c.region.name.map { "，\($0)" } ?? "")\n"
        out += TextTable(header: ["名次", "镇街", "县区", "数值"], rows: rows).render()
        out += "中位数 (median)：\(c.median.map(formatted) ?? "—")　"
        out += (definition.kind == .count ? "合计 (total)" : "汇总 (pooled)")
            + "：\(c.pooled.value.map { ValueText.qualified(formatted($0), c.pooled.qualifier) } ?? "—")"
        if definition.kind == .rate, c.pooled.value != nil { out += "（由\(c.pooled.coverage.pooled)个镇街的计数汇总）" }
        out += "　报告镇街/应报送 (coverage)：\(ValueText.coverage(c.pooled.coverage))"
        out += "，\(c.pooled.coverage.total)个报送\n"
        return out + ValueText.legend(definition.unit)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出需要人工核对的数字 (list the figures a reviewer must see).",
        discussion: """
        比率与其计数不符、比率超过100%、办结数大于受理数、写明的增长率与上年数不符、
        同一镇街同一年两份报告、一年内变化超过5倍、行政区划表无法确定的镇街，以及提取时标为待核的数值。
        A stated rate its counts do not give, a rate above 100, more closed than received, a stated
        growth the previous value does not give, two reports for one township and year, a change
        by more than 5 times in a year, a township the gazetteer cannot place, and the values
        extraction marked for review, with the reason.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var region: RegionOptions
    @Option(help: "table|json") var format: Format = .table
    @OptionGroup var store: StoreOptions

    func run() throws {
        let data = try store.dataset()
        let reviews = try ReportStore(path: store.db, access: .readOnly).valuesForReview()
        let checks = data.checks(reviews: reviews).filter { $0.place.map(region.region.contains) ?? (region.region == .all) }
        switch format {
        case .json: write(Self.json(checks).rendered() + "\n")
        case .table: write(table(checks, data.catalog))
        }
    }

    static func json(_ checks: [CheckFinding]) -> JSON {
        .array(checks.map { c in
            .object([
                ("township", .optional(c.place?.township)), ("county", .optional(c.place?.county)), ("year", .optional(c.year)),
                ("indicator", .optional(c.indicator)), ("kind", .string(c.kind.rawValue)), ("message", .string(c.message)),
                ("evidence", .optional(c.evidence)), ("source", .optional(c.source)),
            ])
        })
    }

    func table(_ checks: [CheckFinding], _ catalog: Catalog) -> String {
        guard !checks.isEmpty else { return "没有需要核对的数字 (nothing to review)。\n" }
        var out = ""
        for c in checks {
            let where_ = [c.place?.county, c.place?.township, c.year.map { "\($0)年" }].compactMap { $0 }.joined(separator: " ")
            let what = c.indicator.map { catalog.indicator($0)?.name ?? $0 }.map { "［\($0)］" } ?? ""
            out += "\(where_) \(what)\(c.message)  (\(c.kind.rawValue))\n"
            if let e = c.evidence { out += "    原文：\(e)\n" }
            if let s = c.source, !c.message.contains(s) { out += "    来源：\(s)\n" }
        }
        return out + "共 \(checks.count) 条 (\(checks.count) findings)。\n"
    }
}
