import ArgumentParser
import Foundation
import Publish
import Trends

struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "镇街 × 指标 (某年) 或 镇街 × 年份 (某指标) 的表格，可存为 CSV 或 XLSX (a table for Excel and WPS).",
        discussion: """
        fazhi table --year Y：当年各镇街的全部指标，未报送的镇街也列出；
        fazhi table 指标：各镇街逐年数值、最近一年较上年的变化、合计与同口径较上年变化。
        -o 文件.csv 写 UTF-8 (带 BOM) 的 CSV，-o 文件.xlsx 写 Excel 工作簿 (数值为数值，首行冻结，
        另有“出处”与“说明”两个工作表)；不给 -o 则在终端显示。
        `--year Y`: every indicator of every township that should report; `INDICATOR`: townships × years
        with each township's change, the total and the like-for-like change. `-o x.csv` (UTF-8 with BOM)
        or `-o x.xlsx` (numbers as numbers, frozen headers, evidence and column sheets).

        例 (examples):
          fazhi table --year 2024 --county 示例县 -o 2024年指标.xlsx
          fazhi table 信访办结率 --county 示例县 --lang en -o closure.csv
        """
    )

    @Argument(help: "指标：id、中文名或其中一段；不给则须有 --year (indicator; without it, --year).") var indicator: String?
    @Option(help: "年份：镇街 × 指标 (year: townships × indicators).") var year: Int?
    @OptionGroup var region: RegionOptions
    @Option(help: "zh|en") var lang = "zh"
    @Option(name: [.short, .customLong("output")], help: "输出 .csv 或 .xlsx；不给则显示在终端 (output file).") var output: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var roster: RosterOptions

    func validate() throws {
        guard TableLanguage(rawValue: lang) != nil else { throw ValidationError("--lang 只能是 zh 或 en (zh or en).") }
        if indicator == nil && year == nil { throw ValidationError("请给出指标或 --year (give an indicator or --year).") }
        if let output, !["csv", "xlsx"].contains(URL(fileURLWithPath: output).pathExtension.lowercased()) {
            throw ValidationError("输出文件须以 .csv 或 .xlsx 结尾 (the output must end in .csv or .xlsx): \(output)")
        }
    }

    func run() throws {
        let data = try store.dataset(roster: roster, region: region.region, year: indicator == nil ? year : nil)
        let builder = TableBuilder(data: data, region: region.region, language: TableLanguage(rawValue: lang)!)
        let table = try indicator.map { builder.byYears(try indicatorNamed($0, in: data.catalog)) } ?? builder.byIndicators(year: year!)
        guard let output else {
            let rows = table.rows.map { row in zip(row, table.columns).map { table.text($0, column: $1) } }
            write(table.title + "\n" + TextTable(header: table.columns.map(\.header), rows: rows).render()
                + table.notes.joined(separator: "\n") + "\n")
            return
        }
        let url = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if url.pathExtension.lowercased() == "xlsx" {
            do { try XLSX.write(table, to: output) } catch let error as XLSX.WriteError {
                printError(error.description)
                throw ExitCode(1)
            }
        } else {
            try Data(table.csv().utf8).write(to: url, options: .atomic)
        }
        printError("已写入 (wrote) \(output)：\(table.rows.count) 行 × \(table.columns.count) 列")
    }
}
