import Foundation
import Testing
import ZIPFoundation
@testable import ReportText

private let documentXML = """
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>良垌镇2024年法治政府建设年度报告</w:t></w:r></w:p>\
<w:p/>\
<w:p><w:r><w:t xml:space="preserve">2024年，共排查化解矛盾纠纷 </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>241</w:t></w:r>\
<w:r><w:t>起&amp;化解率达96%</w:t></w:r><w:r><w:delText>删除的文字</w:delText></w:r>\
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>。</w:t></w:r></w:p>\
<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙&lt;&#x4E01;&gt;</w:t></w:r></w:p>\
<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>\
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>调解</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
<w:sectPr/></w:body></w:document>
"""

func makeDocx(documentXML: String?, extraEntry: String = "[Content_Types].xml") throws -> Data {
    let archive = try Archive(accessMode: .create)
    func add(_ path: String, _ content: Data) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(content.count),
                             compressionMethod: .deflate) { position, size in
            content.subdata(in: Int(position)..<(Int(position) + size))
        }
    }
    try add(extraEntry, Data("<Types/>".utf8))
    if let documentXML { try add("word/document.xml", Data(documentXML.utf8)) }
    return try #require(archive.data)
}

@Test func docxParagraphsComeInBodyOrderWithoutDeletedOrFieldText() throws {
    let data = try makeDocx(documentXML: documentXML)
    let paragraphs = try DocxText.paragraphs(data)
    #expect(paragraphs == [
        "良垌镇2024年法治政府建设年度报告",
        "2024年，共排查化解矛盾纠纷 241起&化解率达96%。",
        "甲\t乙\n丙<丁>",
        "| 调解 |",
    ])
}

@Test func docxReadsAsAReportDocument() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("报告.docx")
    try makeDocx(documentXML: documentXML).write(to: url)
    let document = try ReportReader.read(url)
    #expect(document.format == .docx)
    #expect(document.original.hasPrefix("良垌镇2024年法治政府建设年度报告\n2024年，"))
    #expect(TestSupport.sentenceStrings(document.text).contains("2024年,共排查化解矛盾纠纷 241起&化解率达96%。"))
    let originals = Array(document.original.unicodeScalars)
    let index = try #require(document.text.scalars.firstIndex(of: "丁"))
    #expect(originals[document.text.originalOffset(at: index)] == "丁")
}

@Test func truncatedDocxIsBrokenNotACrash() throws {
    let data = try makeDocx(documentXML: documentXML)
    let url = URL(fileURLWithPath: "/tmp/truncated.docx")
    for length in [0, 10, data.count / 2, data.count - 30] {
        let reason = readFailure { try ReportReader.read(data: data.prefix(length), url: url) }
        #expect(reason == (length == 0 ? .empty : .brokenDocx), "truncated to \(length) bytes")
    }
}

@Test func docxWithoutDocumentXMLOrNotAZipIsBroken() throws {
    let url = URL(fileURLWithPath: "/tmp/x.docx")
    let noDocument = try makeDocx(documentXML: nil)
    #expect(readFailure { try ReportReader.read(data: noDocument, url: url) } == .brokenDocx)
    #expect(throws: DocxText.Failure.noDocumentXML) { try DocxText.paragraphs(noDocument) }
    #expect(readFailure { try ReportReader.read(data: Data("只是文本".utf8), url: url) } == .brokenDocx)
}

/// Found by fuzzing (Scripts/fuzz.sh docx): a zip whose offsets point past its end made ZIPFoundation's
/// in-memory archive trap, ending the whole batch; a deflate stream that does not end before the file
/// does made its extract loop forever; a header claiming 4 GB had that much reserved. Each is a broken
/// .docx like any other.
@Test(.timeLimit(.minutes(1)))
func aZipWhoseOffsetsPointPastItsEndOrWhoseStreamNeverEndsIsABrokenDocx() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    for name in ["docx-zipfoundation-memoryfile-crash.bin", "docx-zipfoundation-memoryfile-leak.bin",
                 "docx-zipfoundation-extract-hang.bin", "docx-claimed-size-oom.bin"] {
        let data = try Data(contentsOf: root.appendingPathComponent("Fuzz/findings/\(name)"))
        let reason = readFailure { try ReportReader.read(data: data, url: URL(fileURLWithPath: "/in/\(name).docx")) }
        #expect(reason == .brokenDocx, "\(name): \(String(describing: reason))")
    }
}

/// A real .docx whose compressed document runs past the end of the file: broken, not a hang
/// (ZIPFoundation's extract looped forever on it).
@Test(.timeLimit(.minutes(1)))
func aDocxWhoseDocumentStreamRunsPastTheFileIsBroken() throws {
    let body = (0..<200).map { "<w:p><w:r><w:t>第\($0)段，全年排查化解矛盾纠纷\($0 * 7)件</w:t></w:r></w:p>" }.joined()
    let docx = try makeDocx(documentXML: "<w:document><w:body>\(body)</w:body></w:document>")
    #expect(try DocxText.paragraphs(docx).count == 200)
    // The document's deflate stream now opens with a stored block of 65,535 bytes, more than the file has.
    var bytes = [UInt8](docx)
    #expect(bytes.count < 65_535)
    let start = try #require(ZipArchive.dataOffset(of: "word/document.xml", in: bytes))
    bytes.replaceSubrange(start..<(start + 5), with: [0x00, 0xFF, 0xFF, 0x00, 0x00])
    #expect(throws: DocxText.Failure.notAZip) { try DocxText.paragraphs(Data(bytes)) }
}
