import ArgumentParser
import Extraction
import Foundation
import ReportText
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
    /// What happened to one file of a run that stores.
    enum Outcome: Sendable {
        /// Read, hashed and extracted.
        case extracted(ExtractedReport, String)
        /// The store already has this path with this content hash: nothing more was done.
        case unchanged(String)
    }

    /// Reads and hashes every file across all cores, in the order given, and extracts those whose
    /// path (as displayed) and hash are not already in `known`. Each file is read once.
    /// With `hashing` false (a dry run, which stores nothing) no hash is computed and none is skipped.
    static func extractAllHashed(_ files: [URL], with extractor: ReportExtractor, hashing: Bool = true,
                                 skippingUnchanged known: [String: String] = [:]) -> [Result<Outcome, ReadError>] {
        let rules = rulesFingerprint(extractor)
        return files.parallelMap { url in
            Result {
                let source = displayPath(url)
                let data = try Data(contentsOf: url, options: .mappedIfSafe)
                let hash = hashing ? ContentHash.fnv1a(data) + "-" + rules : ""
                if hashing, known[source] == hash { return .unchanged(source) }
                let document = try ReportReader.read(data: data, url: url)
                return .extracted(extractor.extract(document, source: source), hash)
            }
            .mapError { $0 as? ReadError ?? ReadError(url: url, reason: .unreadable("\($0)")) }
        }
    }

    /// Bumped when the extraction code changes what it finds in the same text.
    static let extractorVersion = "2026-11-29.1"

    /// The stored hash covers the file and the rules that read it: after an upgrade or an edit of
    /// the catalog, unchanged files are extracted again instead of keeping stale findings.
    static func rulesFingerprint(_ extractor: ReportExtractor) -> String {
        String(ContentHash.fnv1a(Data((extractorVersion + String(describing: extractor.catalog)).utf8)).prefix(8))
    }

    /// Stores the batch in one transaction, then reloads the corrections file if there is one.
    /// `skippedUnchanged` files were found unchanged before extraction and count as unchanged.
    static func store(_ reports: [(ExtractedReport, contentHash: String)], skippedUnchanged: Int,
                      in store: ReportStore, corrections: String) throws {
        var summary = try store.ingest(reports)
        summary.unchanged += skippedUnchanged
        let path = store.path
        printError("新增 \(summary.added) 份, 更新 \(summary.updated) 份, 未变 \(summary.unchanged) 份 "
            + "(added \(summary.added), updated \(summary.updated), unchanged \(summary.unchanged)) → \(path)")
        let url = URL(fileURLWithPath: corrections)
        if FileManager.default.fileExists(atPath: url.path) {
            try store.replaceCorrections(try CorrectionsFile.load(url))
        }
    }
}

struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "人工更正一个指标值 (correct one value by hand).",
        discussion: """
        更正写入更正文件 (默认 Data/corrections.csv) 和数据库；按镇街、县区、年份和指标匹配，
        重新提取后依然有效。
        The correction is appended to the corrections file and the store; it is keyed by
        township, county, year and indicator, so it survives re-extraction.
        """
    )

    @Option(help: "镇街 (township).") var township: String
    @Option(help: "县区 (county).") var county = ""
    @Option(help: "年份 (year).") var year: Int
    @Option(help: "指标 id (indicator id, see `fazhi indicators`).") var indicator: String
    @Option(help: "正确的数值 (the right value).") var value: Double
    @Option(help: "说明: 谁、依据什么 (who changed it and why).") var note = ""
    @Option(help: "更正文件 (corrections file).") var corrections = StoreOptions.defaultCorrections
    @OptionGroup var store: StoreOptions

    func run() throws {
        let correction = Correction(township: township, county: county, year: year, indicator: indicator,
                                    value: value, note: note)
        try CorrectionsFile.append(correction, to: URL(fileURLWithPath: corrections))
        try ReportStore(path: store.db).addCorrection(correction)
        printError("已更正 \(township) \(year) \(indicator) = \(formatNumber(value)) (corrected)")
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "导出长表 (export the long table: one value a row).",
        discussion: """
        列 (columns): township,county,city,province,year,indicator,value,unit,qualifier,source,derived
        CSV 为带 BOM 的 UTF-8，可直接用 Excel / WPS 打开。
        CSV is UTF-8 with a BOM so that Excel and WPS open it as UTF-8.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Option(help: "csv|json") var format: Format = .csv
    @Option(name: [.short, .long], help: "输出文件，默认标准输出 (output file; stdout by default).") var output: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        // The stored values and those Trends derives from them (rates from counts, previous years
        // from stated changes), each marked derived or not.
        let dataset = try store.dataset()
        let values = dataset.catalog.indicators.flatMap { dataset.observations($0.id) }.map { o in
            StoredValue(township: o.place.township, county: o.place.county, city: o.place.city, province: o.place.province,
                        year: o.year, indicator: o.indicator, value: o.value, unit: o.unit, qualifier: o.qualifier,
                        source: o.source, derived: o.derived)
        }
        let data = format == .csv ? LongTable.csv(values) : try LongTable.json(values)
        if let output { try data.write(to: URL(fileURLWithPath: output)) }
        else { FileHandle.standardOutput.write(data) }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "导入长表 CSV 作为单独来源 (import a long-table CSV as a source of its own).",
        discussion: "再次导入同名文件会替换其原有行 (importing the same file name again replaces its rows)."
    )

    @Argument(help: "与 export 相同格式的 CSV (a CSV in the format export writes).") var file: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let rows: [StoredValue]
        do { rows = try LongTable.parseCSV(try Data(contentsOf: url)) }
        catch { printError("\(file): \(error)"); throw ExitCode(1) }
        // Derived rows are computed again from what is stored; importing them would freeze them.
        let stated = rows.filter { !$0.derived }
        let count = try ReportStore(path: store.db).importRows(stated, sourceFile: url.lastPathComponent)
        let skipped = rows.count - stated.count
        printError("已导入 \(count) 行 (imported \(count) rows)"
            + (skipped > 0 ? "，跳过推算值 \(skipped) 行 (skipped \(skipped) derived rows)" : "") + " → \(store.db)")
    }
}
