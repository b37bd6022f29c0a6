import Testing
@testable import ReportText

private let body = String(repeating: "依法行政工作扎实推进各项制度有效落实", count: 2)   // 36 characters: a full line

@Test func headersFootersAndPageNumbersRepeatedOnThePagesAreDropped() {
    let pages = (1...3).map { n in
        "良垌镇人民政府文件\n\(body)\n\(body)\n\(body)。\n— \(n) —\n第 \(n) 页 共 3 页"
    }
    let (text, starts) = PageAssembler.assemble(pages)
    #expect(!text.contains("良垌镇人民政府文件"))
    #expect(!text.contains("页"))
    #expect(!text.contains("—"))
    #expect(starts.count == 3)
    #expect(text.hasPrefix(body))
}

@Test func aHeaderOnOnlySomePagesIsText() {
    let pages = ["第一部分\n\(body)。", "第二部分\n\(body)。"]
    let (text, _) = PageAssembler.assemble(pages)
    #expect(text.contains("第一部分") && text.contains("第二部分"))
}

@Test func aLineBrokenInsideASentenceOrANumberIsJoined() {
    let page = """
    一、基本情况
    \(body)全年共排查化解矛盾纠纷1,
    158件，化解率达96.5%，较上年增加2
    件。
    （一）下一步工作
    \(body)，办理行政复议案件
    3件。
    """
    let (text, starts) = PageAssembler.assemble([page])
    #expect(starts == [0])
    #expect(text == """
    一、基本情况
    \(body)全年共排查化解矛盾纠纷1,158件，化解率达96.5%，较上年增加2件。
    （一）下一步工作
    \(body)，办理行政复议案件3件。
    """)
}

@Test func aSentenceRunningOnToTheNextPageIsJoinedAndThePageStartsWhereItsTextDoes() {
    let pages = ["\(body)\n\(body)\n\(body)", "继续的句子。\n\(body)。"]
    let (text, starts) = PageAssembler.assemble(pages)
    #expect(text == body + body + body + "继续的句子。\n" + body + "。")
    #expect(starts == [0, body.unicodeScalars.count * 3])
    let document = ReportDocument.page(atOriginalOffset: starts[1], pageStarts: starts)
    #expect(document == 2)
    #expect(ReportDocument.page(atOriginalOffset: starts[1] - 1, pageStarts: starts) == 1)
    #expect(ReportDocument.page(atOriginalOffset: 5, pageStarts: []) == nil)
}

@Test func ocrSpacesBetweenChineseCharactersAreClosedUp() {
    #expect(OCRText.closeUpSpaces("良 垌 镇 排 查 纠 纷 241 起 , OCR text") == "良垌镇排查纠纷241起 , OCR text")
}

@Test func aBareNumberIsAPageNumberOnlyWhereSuchNumbersCountThePages() {
    let table = ["一、主要数据", "矛盾纠纷化解数", "158"]   // a table's last cell at the page's foot
    let pages = [table, ["\(body)。", "2"], ["\(body)。", "3"]].map { $0.joined(separator: "\n") }
    let (text, _) = PageAssembler.assemble(pages)
    #expect(text.contains("158"))
    #expect(!text.hasSuffix("3") && !text.contains("。\n2"))
}

@Test func aFigureThatAPageBreakSeparatesFromItsVerbIsJoinedToIt() {
    // The last line of a page is short of the widest; 办结率为 still leads into the figure on the next page.
    let pages = ["平坝区天龙镇人民政府文件\n据统计，全年收到上级交办信访件116宗，已办结105宗，办结率为\n—1—",
                 "平坝区天龙镇人民政府文件\n90.52%。没有发生大规模群体性事件。\n—2—"]
    let (text, _) = PageAssembler.assemble(pages)
    #expect(text.contains("办结率为90.52%。"))
}
