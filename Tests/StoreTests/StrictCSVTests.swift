import Foundation
@testable import Store
import Testing

private func records(_ text: String) throws -> [CSVRecord] {
    let reader = try StrictCSVReader(data: Data(text.utf8))
    var out: [CSVRecord] = []
    while let r = try reader.next() { out.append(r) }
    return out
}

private func syntaxError(_ text: String) -> CSVSyntaxError? {
    do { _ = try records(text); return nil } catch let e as CSVSyntaxError { return e } catch { return nil }
}

@Test func rowsCarryTheLineTheyStartOnAcrossQuotedLineBreaksAndBlankLines() throws {
    let rows = try records("\u{FEFF}a,b\r\n\"x\ny\",1\n\n\"say \"\"hi\"\"\",2\nlast,3")
    #expect(rows.map(\.line) == [1, 2, 5, 6])
    #expect(rows.map(\.fields) == [["a", "b"], ["x\ny", "1"], ["say \"hi\"", "2"], ["last", "3"]])
}

@Test func anUnterminatedQuoteIsAnErrorAtTheLineItOpens() {
    #expect(syntaxError("a,b\n1,2\n\"3,4\n5,6\n") == CSVSyntaxError(line: 3, reason: "引号未闭合 (unterminated quote)"))
}

@Test func aQuoteInsideAnUnquotedFieldOrTextAfterAClosingQuoteIsAnError() {
    #expect(syntaxError("a,b\nx\"y,1\n")?.line == 2)
    #expect(syntaxError("a,b\n1,2\n\"x\"y,1\n")?.line == 3)
}

@Test func gb18030BytesAreReadAsTheirCharacters() throws {
    // 天龙镇,5 in GB18030.
    let gb: [UInt8] = [0xCC, 0xEC, 0xC1, 0xFA, 0xD5, 0xF2, 0x2C, 0x35, 0x0A]
    let reader = try StrictCSVReader(data: Data(gb))
    #expect(reader.encodingName == "GB18030")
    #expect(try reader.next()?.fields == ["天龙镇", "5"])
}

@Test func bytesThatAreNeitherUTF8NorGB18030AreAnError() {
    let reader = try? StrictCSVReader(data: Data([0x61, 0x2C, 0xFF, 0xFF, 0x0A]))
    #expect(throws: CSVSyntaxError.self) { while try reader?.next() != nil {} }
}
