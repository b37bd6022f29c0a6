import ArgumentParser
import Extraction
import Foundation
import ReportText
import Publish
import Store
import Trends

/// `--db`, on every command that uses the store.
struct StoreOptions: ParsableArguments {
    static let defaultPath = "Data/fazhi.sqlite"
    static let defaultCorrections = "Data/corrections.csv"

    @Option(help: "数据库文件 (the store; relative to the current folder).")
    var db = StoreOptions.defaultPath
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("fazhi: \(message)\n".utf8))
}

extension Extract {
    /// What happened to one report of a run that stores.
    enum Outcome: Sendable {
        /// Read, hashed and extracted; `notes` are what the output needs of the document.
        case extracted(ExtractedReport, String, ReadNotes)
        /// The store already has this file (by identity, its resolved path) with this content hash: nothing
        /// more was done. Holds the identity.
        case unchanged(String)
    }

    /// Reads and hashes every file across all cores, in the order given, and extracts those whose
    /// identity (resolved path) and hash are not already in `known`. Each file is read once; a zip gives
    /// one result per report or error inside it (hashed by the archive's bytes and the entry's path).
    /// The .doc and .wps files are converted first, all in one converter run.
    /// With `hashing` false (a dry run, which stores nothing) no hash is computed and none is skipped.
    static func extractAllHashed(_ files: [URL], with extractor: ReportExtractor, hashing: Bool = true,
                                 skippingUnchanged known: [String: String] = [:],
                                 options: ReadOptions = ReadOptions()) -> [Result<Outcome, ReadError>] {
        let rules = rulesFingerprint(extractor)
        let office = officeBatch(files, hashing: hashing, known: known, rules: rules)
        return files.parallelMap { url -> [Result<Outcome, ReadError>] in
            let source = displayPath(url)
            let data: Data
            do { data = try ReportReader.contents(of: url, limits: options.limits) } catch {
                return [.failure(error as? ReadError ?? ReadError(url: url, reason: .unreadable("\(error)")))]
            }
            let hash = hashing ? ContentHash.fnv1a(data) + "-" + rules : ""
            if hashing {
                let identity = ReportStore.identity(of: url.path)
                if known[identity] == hash { return [.success(.unchanged(identity))] }
            }
            var results: [Result<Outcome, ReadError>] = []
            ReportReader.readEach(data: data, url: url, options: options, converted: office.text(for: url)) { result in
                results.append(result.map { document in
                    // The file itself, or a report inside it (a zip's entry): its own source and hash.
                    let whole = document.url == url
                    let entrySource = whole ? source : displayPath(document.url)
                    let entryHash = whole || !hashing ? hash
                        : ContentHash.fnv1a(Data((hash + "!" + entrySource).utf8)) + "-" + rules
                    return .extracted(extractor.extract(document, source: entrySource), entryHash, ReadNotes(document))
                })
            }
            return results
        }.flatMap { $0 }
    }

    /// The .doc and .wps files among `files` converted in one run, but for those the store has unchanged.
    static func officeBatch(_ files: [URL], hashing: Bool, known: [String: String], rules: String) -> OfficeFiles {
        let office = files.filter { url in
            guard ReportReader.kind(of: url) == .office else { return false }
            guard hashing, let stored = known[ReportStore.identity(of: url.path)],
                  let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return true }
            return stored != ContentHash.fnv1a(data) + "-" + rules
        }
        return OfficeFiles(files: office, batch: OfficeConverter.convert(office.map { .file($0) }))
    }

    /// Bumped when the extraction code changes what it finds in the same text.
    static let extractorVersion = "2026-11-29.2"

    /// The stored hash covers the file and the rules that read it: after an upgrade or an edit of
    /// the catalog, unchanged files are extracted again instead of keeping stale findings.
    static func rulesFingerprint(_ extractor: ReportExtractor) -> String {
        String(ContentHash.fnv1a(Data((extractorVersion + String(describing: extractor.catalog)).utf8)).prefix(8))
    }

    /// Stores the batch in one transaction, then reloads the corrections file if there is one.
    /// `skippedUnchanged` files were found unchanged before extraction and count as unchanged.
    /// A finding whose value no indicator can have (not finite, a negative or fractional count, a
    /// negative rate, an implausible year) is named and not stored; so is a bad row of the corrections
    /// file. Returns how many such problems there were.
    static func store(_ reports: [(ExtractedReport, contentHash: String)], skippedUnchanged: Int,
                      in store: ReportStore, corrections: String, catalog: Catalog, gazetteer: Gazetteer) throws -> Int {
        // Reports name their own townships and may state a rate over 100 (`check` lists it).
        var rules = ValueRules(catalog: catalog, townships: [], gazetteer: nil)
        rules.allowNewTownships = true
        rules.allowRateOver100 = true
        var problems = 0
        let checked = reports.map { report, hash -> (ExtractedReport, contentHash: String) in
            var report = report
            report.findings.removeAll { f in
                guard f.chosen else { return false }
                let incoming = IncomingValue(township: report.metadata.township, county: report.metadata.county,
                                             year: report.metadata.year, indicator: f.indicator, value: f.value,
                                             qualifier: f.qualifier.rawValue)
                guard case .failure(let problem) = rules.check(incoming) else { return false }
                problems += 1
                printError("\(report.source): \(f.indicator) 的数值未存入 (value not stored): \(problem)")
                return true
            }
            return (report, contentHash: hash)
        }
        var summary = try store.ingest(checked)
        summary.unchanged += skippedUnchanged
        let path = store.path
        printError("新增 \(summary.added) 份, 更新 \(summary.updated) 份, 未变 \(summary.unchanged) 份 "
            + "(added \(summary.added), updated \(summary.updated), unchanged \(summary.unchanged)) → \(path)")
        let url = URL(fileURLWithPath: corrections)
        if FileManager.default.fileExists(atPath: url.path) {
            let rules = ValueRules(catalog: catalog, townships: try store.townshipNames(), gazetteer: gazetteer)
            for bad in try store.reloadCorrections(file: url, rules: rules) {
                problems += 1
                printError("\(corrections): \(bad)；此更正未载入 (this correction was not loaded)")
            }
        }
        return problems
    }
}

/// `--corrections`, on the commands that read or change the corrections file.
struct CorrectionsOptions: ParsableArguments {
    @Option(help: "更正文件 (corrections file).") var corrections = StoreOptions.defaultCorrections
}

/// The rules a value from a person must pass, with the store's townships and the gazetteer's.
func valueRules(_ store: ReportStore, force: Bool = false, newTownships: Bool = false) throws -> ValueRules {
    var rules = ValueRules(catalog: try Catalog.standard(), townships: try store.townshipNames(), gazetteer: try Gazetteer.standard())
    rules.allowRateOver100 = force
    rules.allowNewTownships = newTownships
    return rules
}

/// The name of the user running fazhi (`$USER`, else the password database's), recorded with a correction.
func systemUserName() -> String? {
    if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
    return String(cString: name)
}

/// A StoreError or a file's bad row as one line on stderr and exit status 1.
func failing<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as StoreError {
        printError(error.description); throw ExitCode(1)
    } catch let error as FileRowError {
        printError(error.description); throw ExitCode(1)
    }
}

struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "人工更正一个指标值 (correct one value by hand).",
        discussion: """
        更正同时写入数据库和更正文件 (默认 Data/corrections.csv)，要么都成功，要么都不变；
        按镇街、县区、年份和指标匹配，重新提取后依然有效。指标可写 id 或中文名称。
        数值须合乎指标：计数为非负整数，比率 0–100 (超过 100 需 --force)；镇街须为数据库或
        行政区划表中已有的 (新镇街加 --new-township)。
        The correction goes into the store and the corrections file together, or into neither. The
        indicator may be its id or its Chinese name. The value must fit the indicator; the township
        must be one the store or the gazetteer knows. `--undo N` removes correction N of
        `fazhi corrections`.
        """
    )

    @Option(help: "镇街 (township).") var township: String?
    @Option(help: "县区 (county).") var county = ""
    @Option(help: "年份 (year).") var year: Int?
    @Option(help: "指标 id 或中文名称 (indicator id or Chinese name, see `fazhi indicators`).") var indicator: String?
    @Option(help: "正确的数值 (the right value).") var value: Double?
    @Option(help: "说明: 谁、依据什么 (who changed it and why).") var note = ""
    @Flag(help: "确认超过 100% 的比率 (confirm a rate over 100).") var force = false
    @Flag(name: .customLong("new-township"), help: "允许数据库和行政区划表中都没有的镇街 (allow a township no one knows yet).")
    var newTownship = false
    @Option(help: "撤销第 N 条更正 (remove correction N of `fazhi corrections`).") var undo: Int?
    @OptionGroup var files: CorrectionsOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if undo == nil && (township == nil || year == nil || indicator == nil || value == nil) {
            throw ValidationError("请给出 --township --year --indicator --value，或 --undo N (give the value to correct, or --undo N).")
        }
    }

    func run() throws {
        try failing {
            let reportStore = try ReportStore(path: store.db)
            let rules = try valueRules(reportStore, force: force, newTownships: newTownship)
            let url = URL(fileURLWithPath: files.corrections)
            if let undo {
                let removed = try reportStore.undoCorrection(undo, file: url, rules: rules)
                printError("已撤销更正 \(undo): \(removed.township) \(removed.year) \(removed.indicator) = \(removed.value.map(formatNumber) ?? "未述及") (undone)")
                return
            }
            let (correction, replaced) = try reportStore.correct(
                IncomingValue(township: township!, county: county, year: year!, indicator: indicator!, value: value!),
                note: note, file: url, rules: rules, reviewer: systemUserName())
            let name = rules.catalog.indicator(correction.indicator)?.name ?? correction.indicator
            let was = replaced.map { "，原为 \(formatNumber($0.value)) (was \(formatNumber($0.value)), from \($0.source))" }
                ?? "，原无此值 (no value before)"
            printError("已更正 \(township!) \(year!) \(name) \(correction.indicator) = \(formatNumber(value!))\(was) (corrected)")
        }
    }
}

struct Corrections: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corrections",
        abstract: "列出人工更正 (list the corrections).",
        discussion: "编号供 `fazhi correct --undo N` 使用 (the numbers are what `correct --undo` takes)."
    )

    @OptionGroup var files: CorrectionsOptions
    @OptionGroup var store: StoreOptions

    /// What each decision is called in the list.
    static let decisionWords: [CorrectionDecision: String] = [.set: "改值", .accept: "接受", .candidate: "改选候选", .notStated: "未述及"]

    func run() throws {
        try failing {
            let catalog = try Catalog.standard()
            var rules = ValueRules(catalog: catalog, townships: [], gazetteer: nil)
            rules.allowNewTownships = true
            rules.allowRateOver100 = true
            let (list, bad) = try CorrectionsFile.load(URL(fileURLWithPath: files.corrections), rules: rules, skipBad: true)
            for problem in bad { printError("\(files.corrections): \(problem)") }
            guard !list.isEmpty else { write("没有更正 (no corrections)。\n"); return }
            let rows = list.enumerated().map { i, c in
                [String(i + 1), c.township, c.county.isEmpty ? "—" : c.county, String(c.year),
                 catalog.indicator(c.indicator)?.name ?? c.indicator, c.replaces.map(formatNumber) ?? "—",
                 c.value.map(formatNumber) ?? "未述及", c.note, Self.decisionWords[c.kind] ?? "", c.reviewer ?? "—",
                 c.at.map { $0.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "") } ?? "—"]
            }
            write(TextTable(header: ["编号", "镇街", "县区", "年份", "指标", "原值", "更正为", "说明", "结论", "核对人", "时间 (UTC)"],
                            rows: rows).render())
        }
    }
}

struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "从数据库中移除报告 (take reports out of the store).",
        discussion: """
        移除报告及其全部数值，一个事务完成。SOURCE 为数据库中显示的路径或指向同一文件的任何路径。
        Removes the reports and all their values in one transaction. SOURCE is the path the store
        shows (see `fazhi export`) or any path to the same file.
        """
    )

    @Argument(help: "报告路径 (report paths).") var sources: [String]
    @OptionGroup var store: StoreOptions

    func run() throws {
        try failing {
            let removed = try ReportStore(path: store.db).removeReports(sources)
            for r in removed { printError("已移除 \(r.source)，数值 \(r.findings) 个 (removed, with \(r.findings) values)") }
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "导出长表 (export the long table: one value a row).",
        discussion: """
        列 (columns): township,county,city,province,year,indicator,value,unit,qualifier,source,derived,evidence,reviewed
        (evidence 为数值所出的原句，reviewed 为已人工核对；--lang zh|en 写给人看的表：表头、指标名称、限定词为中文或英文。)
        CSV 为带 BOM 的 UTF-8，可直接用 Excel / WPS 打开；以 = + - @ 开头的文字前加单引号，不会被当作公式。
        -o 文件先写入临时文件，完成后才替换原文件。
        CSV is UTF-8 with a BOM so that Excel and WPS open it as UTF-8; a text starting with = + - @
        gets a single quote before it, so that no cell runs as a formula. -o writes a temporary file
        and renames it over the target only when complete.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Option(help: "csv|json") var format: Format = .csv
    @Option(help: "zh|en：给人看的表，表头、指标名称、限定词用中文或英文 (a table for people in Chinese or English; CSV only).")
    var lang: String?
    @Option(name: [.short, .long], help: "输出文件，默认标准输出 (output file; stdout by default).") var output: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if lang != nil && format == .json { throw ValidationError("--lang 只用于 CSV (--lang is for CSV only).") }
        if let lang, TableLanguage(rawValue: lang) == nil { throw ValidationError("--lang 只能是 zh 或 en (zh or en).") }
    }

    func run() throws {
        try failing {
            // Streamed: mapping the file would put every page of a large store in the process's memory.
            let reportStore = try ReportStore(path: store.db, access: .readOnly, memoryMapped: false)
            let catalog = try Catalog.standard()
            let sink = try OutputSink(path: output)
            let progress = ByteProgress("导出 (export)")
            let stats = try LongTableExport.run(reportStore, catalog: catalog, format: format == .json ? .json : .csv,
                                                language: lang.flatMap(TableLanguage.init), progress: { progress.update($0, of: $1) }) { try sink.write($0) }
            progress.finish()
            try sink.finish()
            if stats.unplaced > 0 {
                printError("\(stats.unplaced) 个数值缺少镇街或年份，已导出但不参与推算 "
                    + "(\(stats.unplaced) values have no township or year: exported, never derived from)")
            }
            if stats.unknownIndicators > 0 {
                printError("\(stats.unknownIndicators) 个数值的指标不在目录中，已导出 "
                    + "(\(stats.unknownIndicators) values of indicators not in the catalog: exported as stored)")
            }
        }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "导入长表 CSV 作为单独来源 (import a long-table CSV as a source of its own).",
        discussion: """
        UTF-8 (可带 BOM) 或 GB18030/GBK (中文 Windows 上 Excel 的“CSV”)。每行都经检查：数值、年份、
        指标 (id 或中文名称)、镇街、限定词；有一行不合格则整个文件不导入，并指出行号和原因；
        加 --skip-bad 则导入合格的行并列出跳过的行。与报告数值不同的导入值两者都保留并列出。
        再次导入同名文件会替换其原有行。
        UTF-8 (with or without BOM) or GB18030/GBK. Every row is checked; one bad row refuses the
        file, naming its line and reason, unless --skip-bad takes the good rows and lists the rest.
        Importing the same file name again replaces its rows.
        """
    )

    @Argument(help: "与 export 相同格式的 CSV (a CSV in the format export writes).") var file: String
    @Flag(name: .customLong("skip-bad"), help: "跳过不合格的行，导入其余 (take the good rows, list the bad).") var skipBad = false
    @Flag(help: "接受超过 100% 的比率 (accept rates over 100).") var force = false
    @Flag(name: .customLong("new-townships"), help: "接受数据库和行政区划表中都没有的镇街 (accept townships no one knows yet).")
    var newTownships = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        try failing {
            let url = URL(fileURLWithPath: file)
            guard FileManager.default.isReadableFile(atPath: url.path) else { throw StoreError("\(file): 无法读取 (cannot read)") }
            let reportStore = try ReportStore(path: store.db, memoryMapped: false)
            let rules = try valueRules(reportStore, force: force, newTownships: newTownships)
            let progress = ByteProgress("导入 (import)")
            let summary = try reportStore.importCSV(url, sourceFile: url.lastPathComponent, rules: rules, skipBad: skipBad,
                                                    progress: { progress.update($0, of: $1) })
            progress.finish()
            for p in summary.skipped { printError("\(file): \(p)；已跳过 (skipped)") }
            if summary.skippedCount > summary.skipped.count {
                printError("\(file): 另有 \(summary.skippedCount - summary.skipped.count) 行跳过 (more rows skipped)")
            }
            for c in summary.conflicts { printError("\(file): \(c)") }
            if summary.conflictCount > summary.conflicts.count {
                printError("\(file): 另有 \(summary.conflictCount - summary.conflicts.count) 处与报告不同 (more conflicts)")
            }
            let taken = summary.lines.map { summary.skippedCount + summary.derivedSkipped == 0
                ? "，第 \($0.lowerBound)–\($0.upperBound) 行 (lines \($0.lowerBound)–\($0.upperBound))"
                : "，第 \($0.lowerBound)–\($0.upperBound) 行中除跳过的行外 (lines \($0.lowerBound)–\($0.upperBound) but those skipped)" } ?? ""
            var message = "已导入 \(summary.imported) 行\(taken) (imported \(summary.imported) rows, \(summary.encoding))"
            if summary.skippedCount > 0 { message += "，跳过不合格 \(summary.skippedCount) 行 (skipped \(summary.skippedCount) bad rows)" }
            if summary.derivedSkipped > 0 { message += "，跳过推算值 \(summary.derivedSkipped) 行 (skipped \(summary.derivedSkipped) derived rows)" }
            if summary.conflictCount > 0 { message += "，与报告不同 \(summary.conflictCount) 处 (\(summary.conflictCount) conflicts with reports, both kept)" }
            printError(message + " → \(store.db)")
        }
    }
}
