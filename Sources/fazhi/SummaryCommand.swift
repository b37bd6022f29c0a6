import ArgumentParser
import Foundation
import Publish
import Trends

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "县区年度报告可引用的几段文字 (the paragraphs a county's annual report quotes).",
        discussion: """
        谁报送了、主要指标及同口径较上年变化、领先与落后的镇街、数据核对发现了什么。
        --format md 为 Markdown，每个数字后有脚注注明出自哪些报告；-o 文件.docx 由 pandoc 转为 Word。
        Who reported, the headline figures with like-for-like change, the leading and trailing
        townships, and what the checks found. `--format md` footnotes each figure with its reports;
        `-o x.docx` converts the Markdown with pandoc; `--format json` lists the figures.

        例 (examples):
          fazhi summary --year 2025 --county 示例县 --roster Data/example/roster.csv
          fazhi summary --year 2025 --county 示例县 --format md -o 年度报告摘要.md
          fazhi summary --year 2025 --county 示例县 -o 年度报告摘要.docx
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, md, json, docx }

    @Option(help: "年份 (year).") var year: Int
    @OptionGroup var region: RegionOptions
    @Option(help: "zh|en") var lang = "zh"
    @Option(help: "text|md|json|docx；-o 以 .md 或 .docx 结尾时按其扩展名 (by default from -o's extension).") var format: Format?
    @Option(name: [.short, .customLong("output")], help: "输出文件；不给则写到标准输出 (output file).") var output: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var roster: RosterOptions

    var resolvedFormat: Format {
        if let format { return format }
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "md"?: return .md
        case "docx"?: return .docx
        case "json"?: return .json
        default: return .text
        }
    }

    func validate() throws {
        guard TableLanguage(rawValue: lang) != nil else { throw ValidationError("--lang 只能是 zh 或 en (zh or en).") }
        if resolvedFormat == .docx && output == nil { throw ValidationError("DOCX 须用 -o 指定文件 (docx needs -o FILE).") }
    }

    func run() throws {
        let data = try store.dataset(roster: roster, region: region.region, year: year)
        let regionName = ChartMaker(data: data, region: region.region).regionTitle
        let summary = SummaryWriter(data: data, region: region.region, year: year, language: TableLanguage(rawValue: lang)!,
                                    regionName: regionName).compose()
        let text: String
        switch resolvedFormat {
        case .text: text = summary.text()
        case .md: text = summary.markdown()
        case .json:
            text = JSON.object([
                ("title", .string(summary.title)), ("text", .string(summary.text())),
                ("figures", .array(summary.figures.map { f in
                    .object([("kind", .string(f.kind)), ("indicator", .optional(f.indicator)), ("year", .int(f.year)),
                             ("value", ValueText.json(f.value)), ("sources", .array(f.sources.map { .string($0) }))])
                })),
            ]).rendered() + "\n"
        case .docx:
            try Pandoc.docx(summary.markdown(), to: URL(fileURLWithPath: output!))
            printError("已写入 (wrote) \(output!)")
            return
        }
        if let output {
            let url = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            printError("已写入 (wrote) \(output)")
        } else {
            write(text)
        }
    }
}

/// Markdown to DOCX through pandoc (Debian's `pandoc`), which keeps the footnotes as Word footnotes.
enum Pandoc {
    static func docx(_ markdown: String, to url: URL) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-summary-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("summary.md")
        try Data(markdown.utf8).write(to: source)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pandoc", "--from", "markdown", "--to", "docx", "--output", url.path, source.path]
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch {
            printError("\(url.path)：找不到 pandoc，无法生成 DOCX (pandoc not found: run Scripts/ensure-deps.sh)")
            throw ExitCode(1)
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let why = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            printError("\(url.path)：pandoc 转换失败 (pandoc failed): \(why)")
            throw ExitCode(1)
        }
    }
}
