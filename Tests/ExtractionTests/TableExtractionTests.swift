import Foundation
import Testing
import ZIPFoundation
import ReportText
@testable import Extraction

/// Tables as reports give them, in plain text (as portals print them), HTML and DOCX: the chosen
/// values by indicator, with the evidence of one of them.
private func tableValues(_ document: ReportDocument) -> [String: Finding] {
    let report = ReportExtractor(catalog: standardCatalog, gazetteer: standardGazetteer).extract(document, source: "t")
    return Dictionary(uniqueKeysWithValues: report.findings.filter(\.chosen).map { ($0.indicator, $0) })
}

private func read(_ name: String, _ data: Data) throws -> ReportDocument {
    try ReportReader.read(data: data, url: URL(fileURLWithPath: "/tmp/\(name)"))
}

private let title = "良垌镇2024年法治政府建设年度报告\n2024年，良垌镇扎实推进法治政府建设。\n"

@Test func aTwoColumnTableGivesEachRowsFigure() throws {
    let text = title + """
    | 项目 | 数量 |
    | 排查化解矛盾纠纷（件） | 158 |
    | 发放宣传资料 | 2万余份 |
    | 矛盾纠纷化解率 | 98.5% |
    """
    let found = tableValues(try read("a.txt", Data(text.utf8)))
    #expect(found.mapValues(\.value) == ["mediation.disputes": 158, "publicity.materials": 20000,
                                         "mediation.resolution_rate": 98.5])
    #expect(found["publicity.materials"]?.qualifier == .moreThan)
    #expect(found["mediation.disputes"]?.evidence == "项目 | 数量 / 排查化解矛盾纠纷（件） | 158")
}

@Test func aTableWithAColumnPerYearGivesTheReportYearsColumn() throws {
    let text = title + """
    | 指标 | 2023年 | 2024年 | 增减 |
    |---|---|---|---|
    | 受理信访件数（件） | 40 | 46 | +6 |
    | 持证执法人员（人） | 50 | 52 | +2 |
    """
    let found = tableValues(try read("b.txt", Data(text.utf8)))
    #expect(found.mapValues(\.value) == ["petitions.received": 46, "enforcement.certified_staff": 52])
    #expect(found["petitions.received"]?.evidence == "指标 | 2023年 | 2024年 | 增减 / 受理信访件数（件） | 40 | 46 | +6")
}

@Test func aUnitInTheColumnHeaderIsTheCountsUnit() throws {
    let text = title + """
    | 工作事项 | 件数（件） |
    | 受理信访事项 | 31 |
    | 收到行政复议申请 | 2 |
    """
    let found = tableValues(try read("c.txt", Data(text.utf8)))
    #expect(found.mapValues(\.value) == ["petitions.received": 31, "review.reconsideration_cases": 2])
}

@Test func aTableTypedWithTabsIsReadAsATable() throws {
    // A table copied out of Word into a text file: cells between tabs, a unit column, a column per year,
    // and a 其中 row that is a part of the row above it.
    let text = title + "指标\t单位\t2023年\t2024年\n受理矛盾纠纷\t件\t214\t198\n其中：调解成功\t件\t209\t195\n"
        + "受理信访事项\t件\t58\t47\n"
    let found = tableValues(try read("t.txt", Data(text.utf8)))
    #expect(found.mapValues(\.value) == ["mediation.disputes": 198, "mediation.resolved": 195, "petitions.received": 47])
    #expect(found["petitions.received"]?.evidence == "指标 | 单位 | 2023年 | 2024年 / 受理信访事项 | 件 | 58 | 47")
}

@Test func aTabInsideOneLineOfProseLeavesItProse() {
    let text = TextNormalizer.normalize("一、\t总体情况\n全年受理信访事项12件。")
    #expect(text.string == "一、 总体情况\n全年受理信访事项12件。")
}

@Test func aRemarksColumnAndAnEmptyLastCellDoNotShiftTheRow() throws {
    let text = title + """
    项目 | 数量 | 备注
    人民调解委员会（个） | 9 | 乡级1个、村级8个
    矛盾纠纷化解（件） | 58 |
    人民调解员（名） | 41 | 含专职调解员2名
    """
    let found = tableValues(try read("r.txt", Data(text.utf8)))
    #expect(found.mapValues(\.value) == ["mediation.committees": 9, "mediation.disputes": 58, "mediation.mediators": 41])
}

@Test func aTableTotalOutweighsOneStretchOfTheYearInProse() throws {
    let text = title + """
    今年6月份集中排查期间，共排查出土地流转纠纷5件，已全部妥善化解。
    | 项目 | 2023年 | 2024年 |
    | 矛盾纠纷排查调处（件） | 63 | 71 |
    | 受理信访件（件） | 12 | 9 |
    """
    let found = tableValues(try read("p.txt", Data(text.utf8)))
    #expect(found["mediation.disputes"]?.value == 71)
}

@Test func aTableAlignedWithFullWidthSpacesIsReadAsATable() throws {
    // Columns lined up with runs of U+3000, as a report typed in Word and saved as text gives them.
    let text = title + "\u{3000}\u{3000}项目\u{3000}\u{3000}\u{3000}2023年\u{3000}\u{3000}2024年\n"
        + "\u{3000}\u{3000}矛盾纠纷调处数（件）\u{3000}\u{3000}1,036\u{3000}\u{3000}1,184\n"
        + "\u{3000}\u{3000}调解成功率（%）\u{3000}\u{3000}97.4\u{3000}\u{3000}98.1\n"
        + "\u{3000}\u{3000}信访件数（件）\u{3000}\u{3000}215\u{3000}\u{3000}187\n"
    let found = tableValues(try read("s.txt", Data(text.utf8)))
    #expect(found.mapValues(\.value) == ["mediation.disputes": 1184, "mediation.resolution_rate": 98.1,
                                         "petitions.received": 187])
}

@Test func aUnitColumnGivesEachRowsUnitAPercentAmongThem() throws {
    let text = title + """
    项目 | 单位 | 数量
    开展法治宣传活动 | 场次 | 48
    发放法治宣传资料 | 份 | 2.6万
    排查调处矛盾纠纷 | 件 | 204
    调解成功 | 件 | 201
    调解成功率 | % | 98.5
    """
    let found = tableValues(try read("u.txt", Data(text.utf8)))
    #expect(found.mapValues(\.value) == ["publicity.events": 48, "publicity.materials": 26000, "mediation.disputes": 204,
                                         "mediation.resolved": 201, "mediation.resolution_rate": 98.5])
}

@Test func aRatesRowWithBareNumbersGivesPercentages() throws {
    // The unit is named in the line above the table (单位：件、%), not in its cells.
    let text = title + "主要工作数据如下（单位：件、%）：\n项目\t2023年\t2024年\n受理矛盾纠纷\t48\t56\n"
        + "矛盾纠纷化解率\t97.9\t100\n受理信访案件\t31\t23\n信访案件办结率\t96.8\t100\n"
    let found = tableValues(try read("v.txt", Data(text.utf8)))
    #expect(found.mapValues(\.value) == ["mediation.disputes": 56, "mediation.resolution_rate": 100,
                                         "petitions.received": 23, "petitions.closure_rate": 100])
}

@Test func mergedCellsOfAnHTMLTableLabelEveryRowAndColumnTheyCover() throws {
    let html = """
    <html><head><title>良垌镇2024年法治政府建设年度报告</title></head><body>
    <p>2024年，良垌镇扎实推进法治政府建设。</p>
    <table border="1">
    <tr><th rowspan="2">项目</th><th colspan="2">数量</th></tr>
    <tr><th>2023年</th><th>2024年</th></tr>
    <tr><td rowspan="2"><p>矛盾纠纷</p></td><td>调解120件</td><td>调解158件</td></tr>
    <tr><td>化解率95%</td><td>化解率98.5%</td></tr>
    <tr><td>发放宣传资料（份）</td><td>18000</td><td>20500</td></tr>
    </table></body></html>
    """
    let found = tableValues(try read("d.html", Data(html.utf8)))
    #expect(found.mapValues(\.value) == ["mediation.disputes": 158, "mediation.resolution_rate": 98.5,
                                         "publicity.materials": 20500])
    #expect(found["mediation.resolution_rate"]?.evidence
            == "项目 | 数量 | 数量 / 项目 | 2023年 | 2024年 / 矛盾纠纷 | 化解率95% | 化解率98.5%")
}

@Test func aDOCXTableWithMergedCellsIsReadAsATable() throws {
    func cell(_ text: String, _ props: String = "") -> String {
        "<w:tc><w:tcPr>\(props)</w:tcPr><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
    }
    func row(_ cells: String...) -> String { "<w:tr>" + cells.joined() + "</w:tr>" }
    let span = "<w:gridSpan w:val=\"2\"/>", restart = "<w:vMerge w:val=\"restart\"/>", merged = "<w:vMerge/>"
    let table = "<w:tbl>"
        + row(cell("项目", restart), cell("数量", span))
        + row(cell("", merged), cell("2023年"), cell("2024年"))
        + row(cell("法律明白人（人）"), cell("80"), cell("96"))
        + row(cell("法律咨询（人次）"), cell("700"), cell("812"))
        + "</w:tbl>"
    let xml = """
    <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
    <w:p><w:r><w:t>良垌镇2024年法治政府建设年度报告</w:t></w:r></w:p>\
    <w:p><w:r><w:t>2024年，良垌镇扎实推进法治政府建设。</w:t></w:r></w:p>\(table)</w:body></w:document>
    """
    let archive = try Archive(accessMode: .create)
    let bytes = Data(xml.utf8)
    try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(bytes.count),
                         compressionMethod: .deflate) { position, size in
        bytes.subdata(in: Int(position)..<(Int(position) + size))
    }
    let found = tableValues(try read("e.docx", try #require(archive.data)))
    #expect(found.mapValues(\.value) == ["legal.literates": 96, "legal.consultations": 812])
    #expect(found["legal.literates"]?.evidence == "项目 | 数量 | 数量 / 项目 | 2023年 | 2024年 / 法律明白人（人） | 80 | 96")
}

@Test func aLayoutTableOfOneColumnLeavesTheProseAsProse() throws {
    let html = """
    <html><head><title>良垌镇2024年法治政府建设年度报告</title></head><body><table><tr><td>
    <p>良垌镇2024年法治政府建设年度报告</p><p>2024年，全镇共排查化解矛盾纠纷241起，化解率达96%。</p>
    </td></tr></table></body></html>
    """
    let found = tableValues(try read("f.html", Data(html.utf8)))
    #expect(found.mapValues(\.value) == ["mediation.disputes": 241, "mediation.resolution_rate": 96])
}

@Test func prosePrintedBetweenBarsIsReadAsProse() throws {
    // A page laid out in a table, as a portal prints it: each cell a paragraph of sentences.
    let text = title + """
    | 2024年，全镇共排查化解矛盾纠纷241起，化解率达96%。全年开展法治宣传活动20场次。 | 图片 |
    | 全年受理信访件46件，已办结44件，办结率95.65%。 | 图片 |
    """
    let found = tableValues(try read("g.txt", Data(text.utf8)))
    #expect(found.mapValues(\.value) == ["mediation.disputes": 241, "mediation.resolution_rate": 96, "publicity.events": 20,
                                         "petitions.received": 46, "petitions.closed": 44, "petitions.closure_rate": 95.65])
}
