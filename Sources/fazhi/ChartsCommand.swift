import ArgumentParser
import Foundation
import Plot
import Publish
import Store
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

        --by province|city|county：整棵树。该层级的每个地区画自己的一套 (同上)，其上每一层 (全部、各省、各市)
        画下级地区的对比：各下级的汇总值 (计数相加，比率由计数汇总) 及覆盖、排名、历年热力图和同口径变化；
        每页有简报，逐级链接到下一级，直到各镇街的页面。只重画数据有变的图 (数据的哈希存在数据库中)。
        --by draws a tree: every region of that level gets its own set, every region above it a
        comparison of its children, each page its briefing, linked down to each township's page. Only
        charts whose data changed since the last run are drawn again (their data hashes are kept in the store).

        例 (example):
          fazhi charts --out Charts --format png,svg,pdf
          fazhi charts --by county --roster 全国/roster.csv --out 图表树 --format png
        """
    )

    @Option(help: "按层级画整棵树 province|city|county (draw the tree down to this level).") var by: RegionLevel?
    @Flag(help: "与 --by 同用：在标准输出逐行列出本次重画的文件 (with --by: list the files drawn this time on stdout).")
    var listDrawn = false

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
        if let by { return try drawTree(by) }
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

extension RegionLevel: ExpressibleByArgument {}

extension ChartsCommand {
    /// `--by LEVEL`: the tree of pages (see `RegionTree`), skipping charts whose data hash the store has.
    func drawTree(_ level: RegionLevel) throws {
        let data = try store.dataset(roster: roster, region: region.region, year: year)
        var tree = RegionTree(data: data, level: level, root: region.region, formats: try formats, year: year)
        tree.drawsBriefing = !noBriefing
        // The hashes live in the store; a store that cannot be written (read-only) only costs a full redraw.
        let hashStore = try? ReportStore(path: store.db)
        tree.known = (try? hashStore?.outputHashes()) ?? [:]
        var pages = 0
        func count(_ n: RegionTree.Node) { pages += 1; n.children.forEach(count) }
        count(tree.tree())
        let progress = ProgressBar(total: pages, label: "绘图 (drawing)")
        let outcome = tree.write(to: URL(fileURLWithPath: out), progress: { progress.advance() })
        for f in outcome.failed { printError(f) }
        if listDrawn { print(outcome.drawn.sorted().joined(separator: "\n")) }
        // A subtree (--province, --city) leaves what the rest of the tree recorded alone.
        do {
            try hashStore?.recordOutputHashes(outcome.records, removed: region.region == .all ? outcome.forgotten : [])
        } catch {
            printError("图表哈希未存入数据库，下次将全部重画 (chart hashes not stored; the next run redraws everything): \(error)")
        }
        printError("\(outcome.pages) 页，\(outcome.charts) 张图 × \(try formats.count) 种格式；重画 \(outcome.drawn.count) 个文件，"
                   + "改动 \(outcome.changed.count) 个 (\(outcome.drawn.count) files drawn, \(outcome.changed.count) changed) → \(out)/index.html")
        if !outcome.failed.isEmpty { throw ExitCode(1) }
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
