import ArgumentParser
import Foundation
import Plot
import Publish
import Trends

struct ChartsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charts",
        abstract: "画出整套图表、年度简报和图库页 (draw the chart set, the briefing and the gallery page).",
        discussion: """
        每个有数据的指标：趋势图、最新年份排名、镇街 × 年份热力图；另有镇街 × 指标总览和重点指标对比；
        最新年份的简报 (briefing-<年>.pdf/.png/.svg)；index.html 图库页可离线浏览。
        文件内容未变时不重写，重复运行不改动任何文件。
        For every indicator with data: its trend, its ranking for the latest year and its township ×
        year heatmap; the township × indicator overview and the headline comparison; the briefing of
        the latest year; and index.html. Files whose content is unchanged are not rewritten.

        例 (example):
          fazhi charts --out Charts --format png,svg,pdf
        """
    )

    @Option(help: "输出目录 (output folder).") var out = "Charts"
    @Option(help: "截至哪一年，默认最新 (up to this year; the latest by default).") var year: Int?
    @OptionGroup var region: RegionOptions
    @Option(help: "格式，逗号分隔 (formats, comma-separated): png,svg,pdf.") var format = "png,svg,pdf"
    @Flag(help: "不画简报 (no briefing).") var noBriefing = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var roster: RosterOptions

    var formats: [OutputFormat] {
        get throws {
            try format.split(separator: ",").map { part in
                guard let f = OutputFormat(rawValue: part.trimmingCharacters(in: .whitespaces).lowercased()) else {
                    throw ValidationError("未知格式 \(part) (unknown format; use png, svg, pdf).")
                }
                return f
            }
        }
    }

    func validate() throws { _ = try formats }

    func run() throws {
        let data = try store.dataset(roster: roster, region: region.region, year: year)
        let writer = ChartSetWriter(maker: ChartMaker(data: data, region: region.region), formats: try formats, year: year,
                                    drawsBriefing: !noBriefing)
        let planned = writer.plan().items.count
        guard planned > 0 else {
            printError("数据库中没有可画的数据 (nothing to draw: run `fazhi extract` first).")
            throw ExitCode(1)
        }
        let progress = ProgressBar(total: planned * writer.formats.count, label: "绘图 (drawing)")
        let outcome = try writer.write(to: URL(fileURLWithPath: out), progress: { progress.advance() })
        for f in outcome.failed { printError(f) }
        for s in outcome.skipped { printError("未画 (skipped) \(s)") }
        // A few changed files are named: a rerun that changes one says which.
        let written = outcome.changed.count
        let named = (1...5).contains(written) ? "：" + outcome.changed.joined(separator: "、") : ""
        printError("\(outcome.charts) 张图 × \(writer.formats.count) 种格式，改动 \(written) 个文件\(named) (\(written) files changed) → \(out)/index.html")
    }
}

struct BriefingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "一页 A4 横向年度简报 (the annual briefing: one A4 landscape page).",
        discussion: """
        三项重点指标 (矛盾纠纷化解率、信访办结率、持证执法人员) 的汇总值、较上年变化和报告覆盖，
        趋势图、排名、数据一致性检查和资料来源。--lang en 输出英文版。
        标准输出列出简报上的数字 (--figures json 为 JSON)，可与 fazhi compare 核对。

        例 (example):
          fazhi briefing --year 2024 --city 湛江市 -o 简报.pdf
        """
    )

    @Option(help: "年份 (year).") var year: Int
    @OptionGroup var region: RegionOptions
    @Option(name: [.short, .customLong("output")], help: "输出文件 .pdf、.png 或 .svg (output file).") var output: String
    @Option(help: "zh|en") var lang = "zh"
    @Option(help: "标准输出的格式 table|json (how the sheet's figures are printed).") var figures = "table"
    @OptionGroup var store: StoreOptions
    @OptionGroup var roster: RosterOptions

    func validate() throws {
        guard BriefingMaker.Language(rawValue: lang) != nil else { throw ValidationError("--lang 只能是 zh 或 en (zh or en).") }
        guard ["table", "json"].contains(figures) else { throw ValidationError("--figures 只能是 table 或 json.") }
        guard OutputFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) != nil else {
            throw ValidationError("输出文件须以 .pdf、.png 或 .svg 结尾 (the output must end in .pdf, .png or .svg): \(output)")
        }
    }

    func run() throws {
        let data = try store.dataset(roster: roster, region: region.region, year: year)
        let maker = ChartMaker(data: data, region: region.region)
        let (sheet, figures) = BriefingMaker(maker: maker, year: year, language: BriefingMaker.Language(rawValue: lang)!).sheet()
        let format = OutputFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased())!
        try writeIfChanged(try renderBriefing(sheet, format: format).data, to: URL(fileURLWithPath: output))
        printError("已绘制简报 (drew the briefing) \(output)")
        if self.figures == "json" {
            write(JSON.array(figures.map { f in
                .object([("indicator", .string(f.indicator.id)), ("basis", .string(f.basis)), ("value", ValueText.json(f.value)),
                         ("qualifier", .string(f.qualifier)), ("coverage", ValueText.coverageJSON(f.coverage)),
                         ("change", ValueText.matchedJSON(f.change))])
            }).rendered() + "\n")
        } else {
            let rows = figures.map { f in
                [f.indicator.name, f.value.map { ValueText.qualified(formatted($0), f.qualifier) } ?? "—", f.basis,
                 ValueText.coverage(f.coverage), ValueText.matchedCell(f.change, unit: f.indicator.unit)]
            }
            write(TextTable(header: ["指标", "\(year)年", "口径", "报告/应报送", "较上年（同口径）"], rows: rows).render())
        }
    }
}
