import ArgumentParser
import Extraction
import Foundation
import Plot
import Publish
import Trends

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "一个镇街的全部指标逐年与县、市中位数对照 (one township: every indicator over the years beside its county and city medians).",
        discussion: """
        例 (examples):
          fazhi profile 天龙镇
          fazhi profile 新村镇 --county 甲县 --out 画像/   # 每个指标一张趋势图 (one trend chart an indicator)
        """
    )

    @Argument(help: "镇街 (township).") var township: String
    @Option(help: "县区，镇街重名时必填 (county; needed when the name is held by several).") var county: String?
    @Option(help: "table|json") var format = "table"
    @Option(help: "把每个指标画成趋势图，写入此目录 (draw one trend chart an indicator into this folder).") var out: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var roster: RosterOptions

    struct Line {
        var indicator: Indicator
        var years: [Int]
        var own: [Int: Observation]
        var countyMedian: [Int: Double]
        var cityMedian: [Int: Double]
    }

    func validate() throws {
        guard ["table", "json"].contains(format) else { throw ValidationError("--format 只能是 table 或 json.") }
    }

    func run() throws {
        let data = try store.dataset(roster: roster)
        let matches = data.places.filter { $0.township == township && (county == nil || $0.county == county) }
        guard let place = matches.first else {
            let near = nearestNames(to: township, in: Set(data.places.map(\.township)))
            throw ValidationError("数据库中没有镇街 \(township)\(county.map { "（\($0)）" } ?? "") (no such township in the store)"
                + (near.isEmpty ? "" : "；是否指 (did you mean)：\(near.joined(separator: "、"))"))
        }
        guard matches.count == 1 else {
            throw ValidationError("\(township) 在多个县区都有，请加 --county：" + matches.compactMap(\.county).joined(separator: "、"))
        }
        let lines = data.indicatorsWithData.compactMap { line($0, place, data) }
        if format == "json" { write(json(place, lines).rendered() + "\n") } else { write(table(place, lines)) }
        if let out { try draw(place, lines, data, into: URL(fileURLWithPath: out)) }
    }

    func line(_ indicator: Indicator, _ place: Place, _ data: Dataset) -> Line? {
        guard let own = data.series(indicator.id, townships: [place.township]).first(where: { $0.place == place }) else { return nil }
        var line = Line(indicator: indicator, years: own.points.map(\.year),
                        own: Dictionary(uniqueKeysWithValues: own.points.map { ($0.year, $0.observation) }), countyMedian: [:], cityMedian: [:])
        for y in line.years {
            if let c = place.county { line.countyMedian[y] = data.compare(indicator.id, year: y, in: .county(c)).median }
            if let c = place.city { line.cityMedian[y] = data.compare(indicator.id, year: y, in: .city(c)).median }
        }
        return line
    }

    func table(_ place: Place, _ lines: [Line]) -> String {
        let countyName = place.county ?? "县区", cityName = place.city ?? "市"
        var rows: [[String]] = []
        for l in lines {
            for y in l.years {
                let change = l.own[y - 1].flatMap { before in l.own[y].map { now in
                    signed(now.value - before.value) + (now.approximate || before.approximate ? "（含约数）" : "") } } ?? "—"
                rows.append([l.indicator.name, "\(y)", ValueText.cell(l.own[y]), change, l.countyMedian[y].map(formatted) ?? "—",
                             l.cityMedian[y].map(formatted) ?? "—", l.indicator.unit])
            }
        }
        let title = "\(place.township)（\([place.province, place.city, place.county].compactMap { $0 }.joined(separator: " "))）\n"
        return title + TextTable(header: ["指标", "年份", place.township, "较上年", "\(countyName)中位数", "\(cityName)中位数", "单位"], rows: rows).render()
            + "中位数含本镇街 (medians include the township itself)；较上年只在前一年也有数据时给出 (change only where the year before has a value)。* 推算值　† 人工更正\n"
    }

    func json(_ place: Place, _ lines: [Line]) -> JSON {
        .object([
            ("township", .string(place.township)), ("county", .optional(place.county)), ("city", .optional(place.city)),
            ("province", .optional(place.province)),
            ("indicators", .array(lines.map { l in
                .object([
                    ("indicator", .string(l.indicator.id)), ("unit", .string(l.indicator.unit)),
                    ("points", .array(l.years.map { y in
                        .object([("year", .int(y)), ("value", ValueText.json(l.own[y]?.value)),
                                 ("derived", .bool(l.own[y]?.derived ?? false)),
                                 ("county_median", ValueText.json(l.countyMedian[y])), ("city_median", ValueText.json(l.cityMedian[y]))])
                    })),
                ])
            })),
        ])
    }

    /// One trend chart an indicator: the township's line beside its county's and city's medians.
    func draw(_ place: Place, _ lines: [Line], _ data: Dataset, into folder: URL) throws {
        let maker = ChartMaker(data: data, region: .all)
        for l in lines {
            var rows = l.years.map { y in Row(township: place.township, year: y, indicator: l.indicator.id, value: l.own[y]?.value,
                                              flags: l.own[y].map(ChartMaker.flags) ?? []) }
            if let c = place.county { rows += l.years.map { Row(township: "\(c)中位数", year: $0, value: l.countyMedian[$0]) } }
            if let c = place.city { rows += l.years.map { Row(township: "\(c)中位数", year: $0, value: l.cityMedian[$0]) } }
            let against = place.city == nil ? "所在县区中位数" : "所在县区、市中位数"
            var chart = Chart(kind: .trend, title: "\(place.township)\(l.indicator.name)与\(against)",
                              subtitle: [place.province, place.city, place.county].compactMap { $0 }.joined(separator: " "),
                              unit: l.indicator.unit, sourceLine: maker.sourceLine(Array(l.own.values)), rows: rows,
                              highlight: Array(Set(rows.map(\.township))).sorted())
            chart.watermark = maker.watermark
            let url = folder.appendingPathComponent("\(l.indicator.id).png")
            try writeIfChanged(try render(chart, format: .png, width: 1200, height: 750).data, to: url)
        }
        printError("已绘制 (drew) \(lines.count) 张图 → \(folder.path)")
    }
}
