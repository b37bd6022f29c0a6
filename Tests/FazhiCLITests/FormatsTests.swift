import Foundation
import ReportText
import Testing

/// What `fazhi extract --dry-run --format json` gives for a path, and its stderr lines
/// (without the summary line).
private func extractJSON(_ path: String, _ extra: [String] = []) throws -> (reports: [[String: Any]], errors: [String], status: Int32) {
    let run = try runFazhi(["extract", path, "--dry-run", "--format", "json"] + extra)
    let reports = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]) ?? []
    let errors = run.stderr.split(separator: "\n").map(String.init).filter { !$0.contains("个文件无法读取") }
    return (reports, errors, run.status)
}

/// A report's township, year and chosen indicators (id → value): what must not depend on the format.
private func summary(_ report: [String: Any]) -> String {
    let indicators = (report["indicators"] as? [[String: Any]] ?? [])
        .map { "\($0["id"] as? String ?? "?")=\($0["value"] as? Double ?? .nan)" }.sorted()
    return "\(report["township"] as? String ?? "nil") \(report["year"] as? Int ?? 0) \(indicators)"
}

private func findings(_ reports: [[String: Any]]) -> [String: String] {
    Dictionary(reports.map { (($0["source"] as? String ?? "").components(separatedBy: "/").last!, summary($0)) },
               uniquingKeysWith: { a, _ in a })
}

@Test(.timeLimit(.minutes(3)))
func aFolderWithOneReportInEachFormatGivesEveryReportOrAOneLineReason() throws {
    let seeds = try FormatFixtures.seedFiles()
    try #require(seeds.count >= 5)
    let texts = try seeds.map { try String(contentsOf: $0, encoding: .utf8) }
    let expected = findings(try extractJSON(FormatFixtures.seedFolder.path).reports)
    func want(_ seed: Int) -> String { expected[seeds[seed].lastPathComponent]! }

    let work = try temporaryFolder(), dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: work); try? FileManager.default.removeItem(at: dir) }
    let fm = FileManager.default
    try fm.copyItem(at: seeds[0], to: dir.appendingPathComponent("txt-报告.txt"))
    try Data(FormatFixtures.html(texts[1]).utf8).write(to: dir.appendingPathComponent("html-报告.html"))
    try FormatFixtures.mhtml(texts[2]).write(to: dir.appendingPathComponent("mhtml-报告.mhtml"))
    try FormatFixtures.docx(texts[3]).write(to: dir.appendingPathComponent("docx-报告.docx"))
    // LibreOffice writes the .doc and the .pdf from the text; a Kingsoft .wps file is a Word 97
    // binary file, so a .doc under a .wps name stands in for one.
    try fm.copyItem(at: seeds[4], to: work.appendingPathComponent("doc.txt"))
    try fm.copyItem(at: seeds[0], to: work.appendingPathComponent("wps.txt"))
    try FormatFixtures.libreOffice([work.appendingPathComponent("doc.txt"), work.appendingPathComponent("wps.txt")],
                                   to: "doc:MS Word 97", in: work)
    try fm.copyItem(at: work.appendingPathComponent("doc.doc"), to: dir.appendingPathComponent("doc-报告.doc"))
    try fm.copyItem(at: work.appendingPathComponent("wps.doc"), to: dir.appendingPathComponent("wps-报告.wps"))
    try fm.copyItem(at: seeds[1], to: work.appendingPathComponent("pdf.txt"))
    try FormatFixtures.libreOffice([work.appendingPathComponent("pdf.txt")], to: "pdf", in: work)
    try fm.copyItem(at: work.appendingPathComponent("pdf.pdf"), to: dir.appendingPathComponent("pdf-报告.pdf"))
    try FormatFixtures.scannedPDF(of: work.appendingPathComponent("pdf.pdf"), dpi: 50).write(to: dir.appendingPathComponent("扫描件.pdf"))
    try FormatFixtures.ofd(texts[2]).write(to: dir.appendingPathComponent("ofd-报告.ofd"))
    try FormatFixtures.zip([("良垌镇.docx", try FormatFixtures.docx(texts[3])), ("天龙镇.docx", try FormatFixtures.docx(texts[4]))])
        .write(to: dir.appendingPathComponent("2024报送.zip"))
    try Data("x".utf8).write(to: dir.appendingPathComponent("统计表.xls"))
    for litter in ["Thumbs.db", "~$docx-报告.docx", ".DS_Store"] { try Data("x".utf8).write(to: dir.appendingPathComponent(litter)) }

    let run = try extractJSON(dir.path)
    let got = findings(run.reports)
    #expect(got["txt-报告.txt"] == want(0))
    #expect(got["html-报告.html"] == want(1))
    #expect(got["mhtml-报告.mhtml"] == want(2))
    #expect(got["docx-报告.docx"] == want(3))
    #expect(got["doc-报告.doc"] == want(4))
    #expect(got["wps-报告.wps"] == want(0))
    #expect(got["pdf-报告.pdf"] == want(1))
    #expect(got["ofd-报告.ofd"] == want(2))
    #expect(got["良垌镇.docx"] == want(3))
    #expect(got["天龙镇.docx"] == want(4))
    #expect(run.reports.contains { ($0["source"] as? String ?? "").hasSuffix("2024报送.zip!/良垌镇.docx") })
    #expect(run.reports.count == 10)
    // Not read: the scan and the spreadsheet, one line each; the litter not at all.
    #expect(run.errors.count == 2, "\(run.errors)")
    #expect(run.errors.contains { $0.contains("扫描件.pdf") && $0.contains("扫描件，没有文字层") })
    #expect(run.errors.contains { $0.contains("统计表.xls") && $0.contains("不支持的格式 .xls") })
    #expect(run.status == 1)
}

@Test(.timeLimit(.minutes(3)))
func theSampleReportsAsPDFAndAsDocGiveTheFindingsOfTheirText() throws {
    let seeds = try FormatFixtures.seedFiles()
    let expected = findings(try extractJSON(FormatFixtures.seedFolder.path).reports)
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FormatFixtures.libreOffice(seeds, to: "pdf", in: dir)
    try FormatFixtures.libreOffice(seeds, to: "doc:MS Word 97", in: dir)
    let run = try extractJSON(dir.path)
    #expect(run.status == 0, "\(run.errors)")
    let got = findings(run.reports)
    for seed in seeds {
        let stem = seed.deletingPathExtension().lastPathComponent
        #expect(got[stem + ".pdf"] == expected[seed.lastPathComponent], "\(stem).pdf")
        #expect(got[stem + ".doc"] == expected[seed.lastPathComponent], "\(stem).doc")
    }
    // The PDF's findings give their page: within the document, and not all on the first.
    let pages = run.reports.filter { ($0["source"] as? String ?? "").hasSuffix(".pdf") }
        .flatMap { $0["indicators"] as? [[String: Any]] ?? [] }.map { $0["page"] as? Int ?? 0 }
    #expect(!pages.isEmpty && pages.allSatisfy { $0 >= 1 })
    #expect(pages.contains { $0 > 1 })
    let docPages = run.reports.filter { ($0["source"] as? String ?? "").hasSuffix(".doc") }
        .flatMap { $0["indicators"] as? [[String: Any]] ?? [] }.compactMap { $0["page"] }
    #expect(docPages.isEmpty)
}

@Test func aPDFInGBKFontsWithoutToUnicodeReadsAsChineseText() throws {
    let pdf = try FormatFixtures.gbkPDF(["廉江市良垌镇人民政府2024年法治政府建设年度报告", "全年排查化解矛盾纠纷241起，化解率达96%。"])
    let document = try ReportReader.read(data: pdf, url: URL(fileURLWithPath: "/tmp/gbk.pdf"))
    // poppler maps the GBK bytes of ASCII through Adobe-GB1 to full-width forms (２０２４), which
    // the normalizer folds.
    let lines = document.text.string.split(separator: "\n").map(String.init)
    #expect(lines == ["廉江市良垌镇人民政府2024年法治政府建设年度报告", "全年排查化解矛盾纠纷241起,化解率达96%。"], "\(document.original)")
    #expect(!document.original.contains("\u{FFFD}"))
    #expect(document.pageStarts == [0])
}

@Test func anOFDReadsInReadingOrderPageByPage() throws {
    let seed = try String(contentsOf: try FormatFixtures.seedFiles()[2], encoding: .utf8)
    let paragraphs = FormatFixtures.paragraphs(seed)
    let document = try ReportReader.read(data: try FormatFixtures.ofd(seed, perLine: 38, linesPerPage: 20),
                                         url: URL(fileURLWithPath: "/tmp/报告.ofd"))
    #expect(document.format == .ofd)
    // Every paragraph, in order, whatever order the objects were written in; lines the layout
    // broke are joined where the line ran full.
    #expect(document.original.replacingOccurrences(of: "\n", with: "") == paragraphs.joined())
    let lines = document.original.split(separator: "\n").map(String.init)
    #expect(lines.contains(paragraphs.first { $0.count > 80 && $0.hasSuffix("。") }!))
    #expect(document.pageStarts.count > 1)
    #expect(document.page(atOriginalOffset: 0) == 1)
    #expect(document.page(atOriginalOffset: document.original.unicodeScalars.count - 1) == document.pageStarts.count)
}

@Test func anOFDWithoutItsDocumentIsBroken() throws {
    let data = try FormatFixtures.zip([("OFD.xml", Data("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>".utf8))])
    #expect(throws: ReadError.self) { try ReportReader.read(data: data, url: URL(fileURLWithPath: "/tmp/a.ofd")) }
    do { _ = try ReportReader.read(data: data, url: URL(fileURLWithPath: "/tmp/a.ofd")) } catch let error as ReadError {
        #expect(error.reason == .brokenOFD)
    }
}

@Test func aSavedWebPageReadsItsHTMLPart() throws {
    let document = try ReportReader.read(data: FormatFixtures.mhtml("良垌镇2024年报告\n全年排查化解矛盾纠纷241起=化解率达96%。"),
                                         url: URL(fileURLWithPath: "/tmp/a.mhtml"))
    #expect(document.text.string.contains("全年排查化解矛盾纠纷241起=化解率达96%。"))
    #expect(!document.text.string.contains("MultipartBoundary"))
}

@Test func aZipBombIsStoppedWithAOneLineErrorNamingTheLimit() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    // 200 MB of spaces inflating from a few hundred KB: a ratio far above 100.
    let bomb = try FormatFixtures.zip([("报告.txt", Data(repeating: 0x20, count: 200 << 20))])
    #expect(bomb.count < 2 << 20)
    try bomb.write(to: dir.appendingPathComponent("炸弹.zip"))
    try FormatFixtures.zip([("[Content_Types].xml", Data("<Types/>".utf8)), ("word/document.xml", Data(repeating: 0x20, count: 200 << 20))])
        .write(to: dir.appendingPathComponent("炸弹.docx"))
    let started = Date()
    let run = try extractJSON(dir.path)
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(run.status == 1)
    #expect(run.errors.count == 2, "\(run.errors)")
    #expect(run.errors.contains { $0.contains("炸弹.zip!/报告.txt") && $0.contains("压缩比超过 100 倍") })
    #expect(run.errors.contains { $0.contains("炸弹.docx") && $0.contains("压缩比超过 100 倍") })
}

@Test func aNewlineInAFileNameCannotForgeALineOnStderr() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]).write(to: dir.appendingPathComponent("a\nfazhi: 0 个文件无法读取.txt"))
    let run = try runFazhi(["extract", dir.path, "--dry-run"])
    #expect(run.status == 1)
    let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
    #expect(lines.count == 2, "\(run.stderr)")
    #expect(lines[0].contains("a\\nfazhi: 0 个文件无法读取.txt"))
}

@Test func anUnreadableFolderIsNamed() throws {
    let dir = try temporaryFolder()
    defer {
        chmod(dir.appendingPathComponent("锁住").path, 0o755)
        try? FileManager.default.removeItem(at: dir)
    }
    let locked = dir.appendingPathComponent("锁住")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: FormatFixtures.seedFiles()[0], to: locked.appendingPathComponent("a.txt"))
    try FileManager.default.copyItem(at: FormatFixtures.seedFiles()[1], to: dir.appendingPathComponent("b.txt"))
    chmod(dir.path, 0o755)
    chmod(locked.path, 0o000)
    // root reads any folder: run as nobody then.
    var arguments = ["extract", dir.path, "--dry-run", "--format", "json"]
    var binary = try fazhiBinary().path
    if getuid() == 0 {
        arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments
        binary = "/usr/bin/setpriv"
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: "/")
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1, "\(stderr)")
    #expect(stderr.contains("锁住: 无法读取：无法打开文件夹"), "\(stderr)")
    let reports = try JSONSerialization.jsonObject(with: stdout) as? [[String: Any]]
    #expect(reports?.count == 1)
}

/// The peak resident memory of a fazhi run, in MB, read from /proc while it runs.
private func peakMegabytes(_ arguments: [String]) throws -> (Int, Int32) {
    let process = Process()
    process.executableURL = try fazhiBinary()
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    var peak = 0
    while process.isRunning {
        if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kb = Int(line.split(separator: " ").dropFirst().first ?? "") {
            peak = max(peak, kb / 1024)
        }
        usleep(10_000)
    }
    process.waitUntilExit()
    return (peak, process.terminationStatus)
}

@Test(.timeLimit(.minutes(2)))
func memoryWhileReadingABatchIsBoundedByTheFilesInFlight() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Twelve .docx files whose XML inflates to 150 MB each: 1.8 GB if each were read whole.
    let bomb = try FormatFixtures.zip([("[Content_Types].xml", Data("<Types/>".utf8)),
                                       ("word/document.xml", Data(repeating: 0x20, count: 150 << 20))])
    for i in 0..<12 { try bomb.write(to: dir.appendingPathComponent("报告\(i).docx")) }
    let (peak, status) = try peakMegabytes(["extract", dir.path, "--dry-run"])
    #expect(status == 1)
    #expect(peak > 0 && peak < 300, "peak \(peak) MB")
}

@Test(.enabled(if: OCRText.isAvailable, "Tesseract with chi_sim is not installed"), .timeLimit(.minutes(3)))
func aScanIsReadByOCRWhenAskedAndItsFindingsAreMarkedForReview() throws {
    let dir = try temporaryFolder(), work = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: work) }
    try Data("廉江市良垌镇人民政府2024年法治政府建设年度报告\n\n全年排查化解矛盾纠纷241起，化解率达96%。\n".utf8)
        .write(to: work.appendingPathComponent("scan.txt"))
    try FormatFixtures.libreOffice([work.appendingPathComponent("scan.txt")], to: "pdf", in: work)
    try FormatFixtures.scannedPDF(of: work.appendingPathComponent("scan.pdf"), dpi: 200).write(to: dir.appendingPathComponent("扫描件.pdf"))
    let without = try extractJSON(dir.path)
    #expect(without.status == 1 && without.reports.isEmpty)
    let with = try extractJSON(dir.path, ["--ocr"])
    #expect(with.status == 0, "\(with.errors)")
    let report = try #require(with.reports.first)
    #expect(report["review"] as? String == "OCR")
    let disputes = (report["indicators"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "mediation.disputes" }
    #expect(disputes?["value"] as? Double == 241)
    #expect(disputes?["page"] as? Int == 1)
}

@Test func withoutTheConverterEachDocFileSaysWhichPackageToInstall() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    // An OLE header is enough: without LibreOffice nothing reads further.
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: dir.appendingPathComponent("报告.doc"))
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: dir.appendingPathComponent("报告.wps"))
    try FileManager.default.copyItem(at: FormatFixtures.seedFiles()[0], to: dir.appendingPathComponent("a.txt"))
    let process = Process()
    process.executableURL = try fazhiBinary()
    process.arguments = ["extract", dir.path, "--dry-run"]
    process.environment = ["PATH": "/nonexistent", "HOME": dir.path]
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    let lines = stderr.split(separator: "\n")
    for name in ["报告.doc", "报告.wps"] {
        #expect(lines.filter { $0.contains(name) && $0.contains("apt-get install libreoffice-writer-nogui") }.count == 1, "\(stderr)")
    }
    #expect(lines.last?.contains("2 个文件无法读取，其余 1 份报告已处理") == true, "\(stderr)")
}

@Test func aServerSideIncludePageIsReadAsHTML() throws {
    let html = Data("<html><body><!--#include virtual=\"/head.html\" --><p>全年排查化解矛盾纠纷241起。</p></body></html>".utf8)
    let document = try ReportReader.read(data: html, url: URL(fileURLWithPath: "/tmp/a.shtml"))
    #expect(document.format == .html)
    #expect(document.text.string == "全年排查化解矛盾纠纷241起。")
}

@Test(.timeLimit(.minutes(2)))
func aPDFWithAHeaderAndPageNumbersOnEveryPageReadsWithoutThem() throws {
    let seed = try FormatFixtures.seedFiles()[1]
    let expected = findings(try extractJSON(seed.path).reports)[seed.lastPathComponent]
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let header = "平坝区天龙镇人民政府文件"
    try FormatFixtures.fodtWithHeaderAndPageNumbers(try String(contentsOf: seed, encoding: .utf8), header: header)
        .write(to: dir.appendingPathComponent("报告.fodt"))
    try FormatFixtures.libreOffice([dir.appendingPathComponent("报告.fodt")], to: "pdf", in: dir)
    let pdf = dir.appendingPathComponent("报告.pdf")
    let document = try ReportReader.read(pdf)
    try #require(document.pageStarts.count >= 2)
    // poppler gives the header and the page number on every page; the document has neither.
    let raw = try PDFText.pages(try Data(contentsOf: pdf))
    #expect(raw.allSatisfy { $0.contains(header) })
    #expect(raw[1].contains("—2—"))
    #expect(!document.original.contains(header))
    #expect(!document.original.contains("—2—"))
    let run = try extractJSON(pdf.path)
    #expect(findings(run.reports)["报告.pdf"] == expected)
}
