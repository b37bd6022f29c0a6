import Foundation
import Testing
@testable import ReportText

@Test func emptyAndWhitespaceOnlyFilesAreEmpty() throws {
    let url = URL(fileURLWithPath: "/tmp/empty.txt")
    #expect(readFailure { try ReportReader.read(data: Data(), url: url) } == .empty)
    #expect(readFailure { try ReportReader.read(data: Data(" \r\n\t\n".utf8), url: url) } == .empty)
    #expect(readFailure { try ReportReader.read(data: Data("\u{3000}\u{3000}\n".utf8), url: url) } == .empty)
    #expect(readFailure { try ReportReader.read(data: Data([0xEF, 0xBB, 0xBF]), url: url) } == .empty)
    #expect(readFailure { try ReportReader.read(data: Data("<html><head><title></title></head><body> </body></html>".utf8),
                                                url: URL(fileURLWithPath: "/tmp/e.html")) } == .empty)
}

@Test func binaryFilesAreBinary() {
    let url = URL(fileURLWithPath: "/tmp/picture.txt")
    let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
    #expect(readFailure { try ReportReader.read(data: png, url: url) } == .binary)
    let zip = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]) + Data(repeating: 0x41, count: 20)
    #expect(readFailure { try ReportReader.read(data: zip, url: url) } == .binary)
    let controls = Data((0..<200).map { UInt8($0 % 2 == 0 ? 0x01 : 0x41) })
    #expect(readFailure { try ReportReader.read(data: controls, url: url) } == .binary)
}

@Test func unsupportedExtensionNamesTheSupportedFormats() {
    let url = URL(fileURLWithPath: "/tmp/报表.xls")
    let reason = readFailure { try ReportReader.read(data: Data("x".utf8), url: url) }
    #expect(reason == .unsupportedExtension("xls"))
    let message = ReadError(url: url, reason: .unsupportedExtension("xls")).description
    #expect(message.contains("不支持的格式 .xls"))
    #expect(message.contains(".pdf"))
    #expect(message.contains(".docx"))
    #expect(!message.contains("\n"))
}

@Test func missingFileIsUnreadable() {
    let reason = readFailure { try ReportReader.read(URL(fileURLWithPath: "/nonexistent/报告.txt")) }
    #expect(reason?.isUnreadable == true)
}

@Test func messagesAreOneLineChineseFirst() throws {
    let url = URL(fileURLWithPath: "/tmp/a.txt")
    let reasons: [ReadError.Reason] = [.empty, .binary, .undecodable, .brokenDocx, .unsupportedExtension("pdf"), .unreadable("x")]
    for reason in reasons {
        let error = ReadError(url: url, reason: reason)
        #expect(!error.description.contains("\n"))
        #expect(error.description.hasPrefix("/tmp/a.txt: "))
        let first = try #require(error.message.unicodeScalars.first)
        #expect(first.value >= 0x4E00 || first == "W", "\(error.message)")
        #expect(error.message.hasSuffix(")"))
    }
    #expect(ReadError(url: url, reason: .empty).message == "文件是空的 (empty file)")
}

@Test func reportFilesWalksDirectoriesAndKeepsExplicitFiles() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fm = FileManager.default
    try fm.createDirectory(at: dir.appendingPathComponent("b/sub"), withIntermediateDirectories: true)
    for name in ["a.txt", "b/sub/c.HTML", "b/d.docx", "b/e.htm", "b/notes.pdf", "b/~$d.docx", "b/.hidden.txt", "z.md"] {
        try Data("x".utf8).write(to: dir.appendingPathComponent(name))
    }
    let explicit = dir.appendingPathComponent("z.md")
    let files = ReportReader.reportFiles(under: [dir.appendingPathComponent("b"), dir.appendingPathComponent("a.txt"), explicit, dir])
    let relative = files.map { String($0.path.dropFirst(dir.standardizedFileURL.path.count + 1)) }
    #expect(relative == ["a.txt", "b/d.docx", "b/e.htm", "b/notes.pdf", "b/sub/c.HTML", "z.md"])
}

@Test func readDataTakesTheFormatFromTheExtension() throws {
    let html = Data("<p>正文&amp;内容。</p>".utf8)
    #expect(try ReportReader.read(data: html, url: URL(fileURLWithPath: "/tmp/a.htm")).text.string == "正文&内容。")
    #expect(try ReportReader.read(data: html, url: URL(fileURLWithPath: "/tmp/a.txt")).text.string == "<p>正文&amp;内容。</p>")
    #expect(readFailure { try ReportReader.read(data: html, url: URL(fileURLWithPath: "/tmp/a.xlsx")) } == .unsupportedExtension("xlsx"))
}
