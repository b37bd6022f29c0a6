import Foundation
import Testing
import ZIPFoundation
@testable import ReportText

private func zip(_ entries: [(String, Data)]) throws -> Data {
    let archive = try Archive(accessMode: .create)
    for (path, content) in entries {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .deflate) { position, size in
            content.subdata(in: Int(position)..<(Int(position) + size))
        }
    }
    return try #require(archive.data)
}

private func failure(_ body: () throws -> Void) -> BoundedArchive.Failure? {
    do { try body(); return nil } catch let failure as BoundedArchive.Failure { return failure } catch { return nil }
}

@Test func anEntryPastItsLimitStopsWhileInflatingNotAfter() throws {
    // 8 MB of text that compresses about 1000 to 1, its header telling the truth.
    let data = try zip([("a.txt", Data(repeating: 0x41, count: 8 << 20))])
    let budget = BoundedArchive.Budget()
    let limits = ReadLimits(maxEntryBytes: 1 << 20, maxRatio: 1_000_000)
    let archive = try BoundedArchive(data: data, limits: limits, budget: budget)
    #expect(failure { _ = try archive.read(archive.members[0]) } == .overLimit(.entryBytes(1 << 20)))
    // Stopped within a chunk of the limit: the rest was never inflated.
    #expect(budget.spent <= (1 << 20) + (64 << 10))
}

@Test func aHighCompressionRatioIsAZipBomb() throws {
    let data = try zip([("word/document.xml", Data(repeating: 0x20, count: 4 << 20))])
    let archive = try BoundedArchive(data: data)
    #expect(failure { _ = try archive.read(archive.members[0]) } == .overLimit(.ratio(100)))
}

@Test func theTotalOfAnArchiveIsBoundedAcrossItsEntries() throws {
    let piece = Data((0..<(600 << 10)).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) })
    let data = try zip([("a.txt", piece), ("b.txt", piece)])
    let archive = try BoundedArchive(data: data, limits: ReadLimits(maxTotalBytes: 1 << 20))
    _ = try archive.read(archive.members[0])
    #expect(failure { _ = try archive.read(archive.members[1]) } == .overLimit(.totalBytes(1 << 20)))
}

@Test func tooManyEntriesAreRefusedBeforeAnyIsRead() throws {
    let data = try zip((0..<20).map { ("f\($0).txt", Data("x".utf8)) })
    #expect(failure { _ = try BoundedArchive(data: data, limits: ReadLimits(maxEntries: 10)) } == .overLimit(.entries(10)))
}

@Test func aForgedSizeInTheHeaderDoesNotLiftTheLimit() throws {
    var data = try zip([("word/document.xml", Data(repeating: 0x20, count: 4 << 20))])
    // Claim 100 bytes in the local and central headers (uncompressed size at +22 and +24).
    for (signature, field) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22), ([0x50, 0x4B, 0x01, 0x02], 24)] {
        let at = try #require(data.firstRange(of: Data(signature))).lowerBound + field
        data.replaceSubrange(at..<(at + 4), with: [100, 0, 0, 0])
    }
    let archive = try BoundedArchive(data: data)
    #expect(archive.members[0].statedSize == 100)
    #expect(failure { _ = try archive.read(archive.members[0]) } == .overLimit(.ratio(100)))
}

@Test func aDocxBombIsAnErrorNamingTheLimitNotAnEmptyFile() throws {
    let data = try zip([("[Content_Types].xml", Data("<Types/>".utf8)), ("word/document.xml", Data(repeating: 0x20, count: 30 << 20))])
    #expect(data.count < 200 << 10)
    let reason = readFailure { try ReportReader.read(data: data, url: URL(fileURLWithPath: "/tmp/报告.docx")) }
    #expect(reason == .overLimit(.ratio(100)))
    let message = ReadError(url: URL(fileURLWithPath: "/tmp/报告.docx"), reason: reason!).description
    #expect(message == "/tmp/报告.docx: 超出读取限制：压缩比超过 100 倍，疑似压缩炸弹 (compression ratio above 100, a zip bomb?)")
}

@Test func aDocxWithBrokenXMLIsBrokenNotEmpty() throws {
    let url = URL(fileURLWithPath: "/tmp/报告.docx")
    for xml in ["<w:document><w:body><w:p><w:r><w:t>文字", "<w:document><w:body></w:p></w:body></w:document>", "\u{1}\u{2}garbage"] {
        let data = try zip([("[Content_Types].xml", Data("<Types/>".utf8)), ("word/document.xml", Data(xml.utf8))])
        #expect(readFailure { try ReportReader.read(data: data, url: url) } == .brokenDocx, "\(xml)")
    }
    let empty = try zip([("word/document.xml", Data("<?xml version=\"1.0\"?><w:document><w:body><w:p/></w:body></w:document>".utf8))])
    #expect(readFailure { try ReportReader.read(data: empty, url: url) } == .empty)
}

@Test func aTextFileFarBeyondAnyReportIsRefusedUnread() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("巨大.txt")
    FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 51 << 20)   // sparse: no 51 MB written
    try handle.close()
    #expect(readFailure { try ReportReader.read(url) } == .overLimit(.fileBytes(50 << 20)))
}

@Test func utf32WithAByteOrderMarkIsRead() throws {
    let text = "良垌镇2024年排查化解矛盾纠纷241起。"
    for bigEndian in [false, true] {
        var data = Data(bigEndian ? [0, 0, 0xFE, 0xFF] : [0xFF, 0xFE, 0, 0])
        for s in text.unicodeScalars {
            let v = s.value
            let bytes = [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
            data.append(contentsOf: bigEndian ? bytes : bytes.reversed())
        }
        let document = try ReportReader.read(data: data, url: URL(fileURLWithPath: "/tmp/a.txt"))
        #expect(document.original == text)
        #expect(document.encoding == (bigEndian ? "UTF-32BE" : "UTF-32LE"))
    }
}

@Test func controlCharactersInAPathAreEscapedInMessages() {
    let error = ReadError(url: URL(fileURLWithPath: "/tmp/a\nfazhi: 伪造\r\t.txt"), reason: .empty)
    #expect(error.description == "/tmp/a\\nfazhi: 伪造\\r\\t.txt: 文件是空的 (empty file)")
    #expect(!error.description.contains("\n"))
}

@Test func aWalkNamesWhatItCannotListAndSkipsOnlyLitter() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fm = FileManager.default
    try fm.createDirectory(at: dir.appendingPathComponent("锁住"), withIntermediateDirectories: true)
    try fm.createDirectory(at: dir.appendingPathComponent("__MACOSX"), withIntermediateDirectories: true)
    for name in ["a.txt", "表.xls", "Thumbs.db", "desktop.ini", "~$a.docx", ".DS_Store", "~WRL0001.tmp", "锁住/b.txt", "__MACOSX/._a.txt"] {
        try Data("x".utf8).write(to: dir.appendingPathComponent(name))
    }
    try fm.createSymbolicLink(atPath: dir.appendingPathComponent("断链.txt").path, withDestinationPath: "/nonexistent/x.txt")
    let locked = dir.appendingPathComponent("锁住").path
    let walk = ReportReader.walk([dir]) { folder in
        if folder == locked { throw CocoaError(.fileReadNoPermission) }
        return try FileManager.default.contentsOfDirectory(atPath: folder)
    }
    #expect(walk.files.map(\.lastPathComponent) == ["a.txt", "表.xls"])
    #expect(walk.problems.map { $0.url.lastPathComponent } == ["断链.txt", "锁住"])
    #expect(walk.problems.allSatisfy { $0.reason.isUnreadable })
}

@Test func zipEntryNamesInGB18030AreDecoded() throws {
    let gbName = try #require(Iconv.encode("良垌镇.txt", to: "GB18030"))
    // ZIPFoundation writes names as UTF-8 bytes; write the GB18030 bytes through Latin-1.
    let latin1 = String(decoding: gbName.map { UInt16($0) }, as: UTF16.self)
    let data = try zip([(latin1, Data("良垌镇".utf8))])
    // ZIPFoundation wrote the Latin-1 string as UTF-8: patch the name bytes back to GB18030.
    var raw = data
    let written = Data(latin1.utf8)
    while let range = raw.firstRange(of: written) {
        raw.replaceSubrange(range, with: gbName + Data(repeating: 0x5F, count: written.count - gbName.count))
    }
    let archive = try BoundedArchive(data: raw)
    #expect(archive.members.first?.path.hasPrefix("良垌镇.txt") == true, "\(archive.members.map(\.path))")
}
