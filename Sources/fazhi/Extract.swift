import ArgumentParser
import Extraction
import Foundation
import ReportText
import Store

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "读取报告并提取指标 (read reports and extract their indicators).",
        discussion: """
        PATH 可以是文件或目录；目录会逐级读取，能读的格式：.txt .htm .html .shtml .mht .mhtml
        .docx .doc .wps (需 LibreOffice) .pdf .ofd .zip (其中的报告逐个读取)。隐藏文件、
        ~$ 开头的临时文件、Thumbs.db、desktop.ini 不读也不提示；其他读不了的文件 (不支持的格式、
        扫描件、空文件、二进制、编码无法识别、损坏的文件) 都在标准错误输出中逐个列出原因，
        其余文件照常处理；有文件没读成时退出码为 1。

        PATH may be files or folders (read recursively). Every file is either read or named on
        stderr with the reason (hidden files and Office/OS litter aside); the rest go on, and the
        exit status is then 1.

        不加 --dry-run 时结果存入数据库 (默认 Data/fazhi.sqlite)，整批一个事务：内容未变的
        文件不重复写入，内容变了的文件替换其原有结果；随后重新载入 Data/corrections.csv。
        Without --dry-run the results are stored (Data/fazhi.sqlite by default) in one
        transaction per run: unchanged files add nothing, changed files replace their
        findings; then Data/corrections.csv is loaded again.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Argument(help: "报告文件或目录 (report files or folders).")
    var paths: [String]

    @Flag(help: "只显示结果，不写入数据库 (show the results without storing them).")
    var dryRun = false

    @Option(help: "输出格式 table|json|csv (output format).")
    var format: Format = .table

    @Flag(help: "没有文字层的 PDF (扫描件) 用文字识别读取，结果标记待核对；需安装 tesseract-ocr-chi-sim (read scanned PDFs by OCR; findings marked for review).")
    var ocr = false

    @OptionGroup var store: StoreOptions

    @Option(help: "人工更正文件，每次提取时载入 (corrections, loaded on every extract).")
    var corrections = StoreOptions.defaultCorrections

    @Flag(name: [.short, .long], help: "存入数据库时不逐条列出结果，只报告汇总 (store without listing the results: the summary only; for a large corpus).")
    var quiet = false

    @Flag(help: "移除这些目录下已不存在的报告 (take out of the store the reports under these folders whose files are gone).")
    var prune = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("请给出至少一个报告文件或目录 (give at least one report file or folder).") }
        if quiet && dryRun { throw ValidationError("--quiet 与 --dry-run 不能同用：什么也不会输出 (--quiet with --dry-run would output nothing).") }
    }

    func run() throws {
        let catalog = try Catalog.standard()
        let gazetteer = try Gazetteer.standard()
        let extractor = ReportExtractor(catalog: catalog, gazetteer: gazetteer)
        let walk = ReportReader.walk(paths.map { URL(fileURLWithPath: $0) })
        let files = walk.files
        if files.isEmpty && walk.problems.isEmpty {
            throw ValidationError("在 \(paths.joined(separator: " ")) 中没有找到文件 (no files found).")
        }
        if ocr && !OCRText.isAvailable {
            printError("--ocr 需要安装 \(OCRText.package)：apt-get install \(OCRText.package) (OCR not installed)")
        }
        // Without --dry-run, a file whose path and content hash the store already has is not extracted
        // again: what it found then is read back from the store for the output.
        let reportStore = dryRun ? nil : try failing { try ReportStore(path: store.db) }
        let (known, sources) = try reportStore?.contentHashesAndSources() ?? ([:], [:])
        let results = Self.extractAllHashed(files, with: extractor, hashing: !dryRun, skippingUnchanged: known,
                                            options: ReadOptions(ocr: ocr))
        let stored = quiet ? [:] : try reportStore?.storedReports(sourcePaths: results.compactMap {
            if case .success(.unchanged(let identity)) = $0 { return sources[identity] } else { return nil }
        }) ?? [:]
        var reports: [ExtractedReport] = []
        var notes: [String: ReadNotes] = [:]
        var hashed: [(ExtractedReport, contentHash: String)] = []
        var unchanged = 0
        var failures = walk.problems.count
        for problem in walk.problems { printError("\(problem)") }
        for result in results {
            switch result {
            case .success(.extracted(let report, let hash, let note)):
                if !quiet {
                    reports.append(report)
                    notes[report.source] = note
                }
                hashed.append((report, contentHash: hash))
            case .success(.unchanged(let identity)):
                unchanged += 1
                if let report = sources[identity].flatMap({ stored[$0] }) { reports.append(report) }
            case .failure(let error):
                failures += 1
                printError("\(error)")
            }
        }
        if !quiet {
            let output: String
            switch format {
            case .json: output = ExtractOutput.json(reports, catalog: catalog, notes: notes)
            case .csv: output = ExtractOutput.csv(reports, catalog: catalog)
            case .table: output = ExtractOutput.table(reports, catalog: catalog)
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
        var storeProblems = 0
        if let reportStore {
            storeProblems = try failing {
                try Self.store(hashed, skippedUnchanged: unchanged, in: reportStore, corrections: corrections,
                               catalog: catalog, gazetteer: gazetteer)
            }
            if prune {
                let gone = try failing { try reportStore.removeReports(try reportStore.reportsMissing(under: paths)) }
                for r in gone { printError("已移除 \(r.source)，文件已不存在 (removed: the file is gone), 数值 \(r.findings) 个") }
            }
        }
        if failures > 0 {
            let read = results.count - failures + walk.problems.count
            printError("\(failures) 个文件无法读取，其余 \(read) 份报告已处理 (\(failures) not read, \(read) reports read)")
            throw ExitCode(1)
        }
        if storeProblems > 0 { throw ExitCode(1) }
    }

    /// Reads and extracts every file across all cores, in the order given.
    static func extractAll(_ files: [URL], with extractor: ReportExtractor) -> [Result<ExtractedReport, ReadError>] {
        extractAllHashed(files, with: extractor, hashing: false).map { result in
            result.map { outcome in
                guard case .extracted(let report, _, _) = outcome else { preconditionFailure("nothing is skipped without hashing") }
                return report
            }
        }
    }

    /// The current folder's components, read once per run rather than once per file.
    private static let currentFolderComponents =
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.pathComponents

    /// A path as the user would type it: relative to the current folder (`../shared/seeds/a.txt`).
    static func displayPath(_ url: URL) -> String {
        let here = currentFolderComponents
        // Paths from `reportFiles` are standardized already; standardizing a URL costs more than
        // extracting a short report, so only a path that may hold `.` or `..` goes through it.
        let path = url.path.contains("/.") ? url.standardizedFileURL.path : url.path
        let there = ["/"] + path.split(separator: "/").map(String.init)
        let common = zip(here, there).prefix { $0 == $1 }.count
        guard common > 1 else { return url.standardizedFileURL.path }
        return (Array(repeating: "..", count: here.count - common) + there[common...]).joined(separator: "/")
    }
}
