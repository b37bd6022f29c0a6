import Foundation
import Testing
@testable import ReportText

@Test(.enabled(if: TestSupport.seedURL != nil, "sample report Data/reports/广东省-廉江市-良垌镇-2024.txt not found"))
func everyEncodingOfTheSampleReportReadsToTheSameNormalizedText() throws {
    let seed = try #require(TestSupport.seedURL)
    let utf8 = try Data(contentsOf: seed)
    let source = try #require(String(data: utf8, encoding: .utf8))
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }

    let gb = try #require(Iconv.encode(source, to: "GB18030"))
    let copies: [(String, Data, String)] = [
        ("utf8.txt", utf8, "UTF-8"),
        ("utf8bom.txt", Data([0xEF, 0xBB, 0xBF]) + utf8, "UTF-8 BOM"),
        ("gb18030.txt", gb, "GB18030"),
        ("utf16le.txt", TestSupport.utf16(source, bigEndian: false), "UTF-16LE"),
        ("utf16be.txt", TestSupport.utf16(source, bigEndian: true), "UTF-16BE"),
    ]
    let reference = try ReportReader.read(seed)
    #expect(reference.text.count > 1000)
    #expect(reference.text.string.contains("良垌镇"))
    for (name, data, encoding) in copies {
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        let document = try ReportReader.read(url)
        #expect(document.encoding == encoding, "\(name)")
        #expect(document.original == source, "\(name)")
        #expect(document.text.scalars == reference.text.scalars, "\(name)")
        #expect(document.text.originalOffsets == reference.text.originalOffsets, "\(name)")
        #expect(document.sentences == reference.sentences, "\(name)")
    }
}

@Test func gb18030BytesAreNotMistakenForUTF8() throws {
    let gb = try #require(Iconv.encode("调解矛盾纠纷123件，化解率达96％。", to: "GB18030"))
    let decoded = try #require(TextDecoder.decode(gb))
    #expect(decoded.encodingName == "GB18030")
    #expect(decoded.0 == "调解矛盾纠纷123件，化解率达96％。")
}

@Test func invalidBytesAreUndecodable() {
    let data = Data([0x61, 0xC3, 0x28, 0xFF, 0xFE, 0x80, 0x81])
    #expect(TextDecoder.decode(data) == nil)
    let reason = readFailure { try ReportReader.read(data: data, url: URL(fileURLWithPath: "/tmp/bad.txt")) }
    #expect(reason == .undecodable)
}

@Test func utf16WithoutByteOrderMarkIsRecognised() throws {
    var data = TestSupport.utf16("Report 2024: 法治政府建设年度报告\n", bigEndian: false)
    data.removeFirst(2)
    let decoded = try #require(TextDecoder.decode(data))
    #expect(decoded.encodingName == "UTF-16LE")
    #expect(decoded.0.hasPrefix("Report 2024"))
}

@Test func textWithoutChineseIsReadable() throws {
    let document = try ReportReader.read(data: Data("Annual report 2024.\nNo Chinese here.".utf8),
                                         url: URL(fileURLWithPath: "/tmp/en.txt"))
    #expect(document.sentences.count == 2)
    #expect(document.encoding == "UTF-8")
}
