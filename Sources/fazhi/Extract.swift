import ArgumentParser
import Extraction
import Foundation
import ReportText
import Store

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "读取报告并提取指标 (read reports and extract their indicators).",
        discussion: """
        PATH 可以是文件或目录；目录会逐级读取其中的 .txt .htm .html .docx 文件。
        无法读取的文件 (空文件、二进制、编码无法识别、损坏的 docx) 会在标准错误输出中
        逐个列出原因，其余文件照常处理；有文件失败时退出码为 1。

        PATH may be files or folders (read recursively). A file that cannot be read is
        named on stderr with the reason and the rest go on; the exit status is then 1.

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

    @OptionGroup var store: StoreOptions

    @Option(help: "人工更正文件，每次提取时载入 (corrections, loaded on every extract).")
    var corrections = StoreOptions.defaultCorrections

    @Flag(help: "移除这些目录下已不存在的报告 (take out of the store the reports under these folders whose files are gone).")
    var prune = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("请给出至少一个报告文件或目录 (give at least one report file or folder).") }
    }

    func run() throws {
        let catalog = try Catalog.standard()
        let gazetteer = try Gazetteer.standard()
        let extractor = ReportExtractor(catalog: catalog, gazetteer: gazetteer)
        let files = ReportReader.reportFiles(under: paths.map { URL(fileURLWithPath: $0) })
        if files.isEmpty {
            throw ValidationError("在 \(paths.joined(separator: " ")) 中没有找到报告文件 (no .txt .html .docx files found).")
        }
        // Without --dry-run, a file whose path and content hash the store already has is not extracted
        // again: what it found then is read back from the store for the output.
        let reportStore = dryRun ? nil : try failing { try ReportStore(path: store.db) }
        let (known, sources) = try reportStore?.contentHashesAndSources() ?? ([:], [:])
        let results = Self.extractAllHashed(files, with: extractor, hashing: !dryRun, skippingUnchanged: known)
        let stored = try reportStore?.storedReports(sourcePaths: results.compactMap {
            if case .success(.unchanged(let identity)) = $0 { return sources[identity] } else { return nil }
        }) ?? [:]
        var reports: [ExtractedReport] = []
        var hashed: [(ExtractedReport, contentHash: String)] = []
        var unchanged = 0
        var failures = 0
        for result in results {
            switch result {
            case .success(.extracted(let report, let hash)):
                reports.append(report)
                hashed.append((report, contentHash: hash))
            case .success(.unchanged(let identity)):
                unchanged += 1
                if let report = sources[identity].flatMap({ stored[$0] }) { reports.append(report) }
            case .failure(let error):
                failures += 1
                FileHandle.standardError.write(Data("fazhi: \(error)\n".utf8))
            }
        }
        let output: String
        switch format {
        case .json: output = ExtractOutput.json(reports, catalog: catalog)
        case .csv: output = ExtractOutput.csv(reports, catalog: catalog)
        case .table: output = ExtractOutput.table(reports, catalog: catalog)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
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
            FileHandle.standardError.write(Data("fazhi: \(failures) 个文件无法读取，其余 \(reports.count) 个已处理 (\(failures) of \(files.count) files failed)\n".utf8))
            throw ExitCode(1)
        }
        if storeProblems > 0 { throw ExitCode(1) }
    }

    /// Reads and extracts every file across all cores, in the order given.
    static func extractAll(_ files: [URL], with extractor: ReportExtractor) -> [Result<ExtractedReport, ReadError>] {
        files.parallelMap { url in
            Result { try ReportReader.read(url) }
                .mapError { $0 as? ReadError ?? ReadError(url: url, reason: .unreadable("\($0)")) }
                .map { extractor.extract($0, source: displayPath(url)) }
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
