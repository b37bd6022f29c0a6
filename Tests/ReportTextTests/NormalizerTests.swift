import Testing
@testable import ReportText

@Test func fullWidthDigitsAndPunctuationFoldToASCIIWithOffsets() throws {
    let original = "調解矛盾纠纷１２３件，达９６％"
    let text = TextNormalizer.normalize(original)
    #expect(text.string == "調解矛盾纠纷123件,达96%")
    let nine = try #require(text.scalars.firstIndex(of: "9"))
    let originalScalars = Array(original.unicodeScalars)
    #expect(originalScalars[text.originalOffset(at: nine)] == "９")
    #expect(text.originalOffset(at: nine) == 12)
}

@Test func spacesCollapseToOneAndLinesAreTrimmed() throws {
    let original = "\u{3000}\u{3000}调解矛盾纠纷  \u{00A0}40\t起 \r\n\r\n\r\n\r\n  第二行\u{200B}文字  \r末行"
    let text = TextNormalizer.normalize(original)
    #expect(text.string == "调解矛盾纠纷 40 起\n\n第二行文字\n末行")
    // The kept space points at the first space of its run.
    let space = try #require(text.scalars.firstIndex(of: " "))
    #expect(Array(original.unicodeScalars)[text.originalOffset(at: space)] == " ")
    #expect(text.originalOffset(at: space) == 8)
    // Every offset points at a scalar that normalizes to the kept one or to a line break.
    let originals = Array(original.unicodeScalars)
    for (i, s) in text.scalars.enumerated() where s != " " && s != "\n" {
        #expect(originals[text.originalOffsets[i]] == s)
    }
}

@Test func chinesePunctuationIsKeptAndSmallPercentFolds() {
    let text = TextNormalizer.normalize("“八五”普法、《民法典》——达98﹪……")
    #expect(text.string == "“八五”普法、《民法典》——达98%……")
}

@Test func byteOrderMarkInsideTextIsRemoved() {
    let text = TextNormalizer.normalize("\u{FEFF}良垌镇")
    #expect(text.string == "良垌镇")
    #expect(text.originalOffset(at: 0) == 1)
}

@Test func windowsAndOldMacLineBreaksBecomeOneLineBreak() {
    #expect(TextNormalizer.normalize("第一行\r\n第二行\r第三行\n第四行").string == "第一行\n第二行\n第三行\n第四行")
    #expect(TextNormalizer.normalize("段一\r\n\r\n段二").string == "段一\n\n段二")
    let text = TextNormalizer.normalize("甲\r\n乙")
    #expect(text.originalOffsets == [0, 1, 3])
}

@Test func unicodeSpacesAndZeroWidthCharactersAreHandled() {
    let text = TextNormalizer.normalize("共\u{2002}40\u{200C}\u{200D}\u{202F}起\u{2028}下一行")
    #expect(text.string == "共 40 起\n下一行")
}

@Test func pinyinReadingsPrintedAfterTraditionalCharactersAreDropped() throws {
    let original = "全年共辦理6件行政復(fù)議,負責(zé)人出庭應(yīng)訴率達100%"
    let text = TextNormalizer.normalize(original)
    #expect(text.string == "全年共辦理6件行政復議,負責人出庭應訴率達100%")
    let yi = try #require(text.scalars.firstIndex(of: "議"))
    #expect(Array(original.unicodeScalars)[text.originalOffset(at: yi)] == "議")
}

@Test func bracketsWithoutAToneMarkAfterCharactersStay() {
    #expect(TextNormalizer.normalize("方案(a)与(pH)值").string == "方案(a)与(pH)值")
    #expect(TextNormalizer.normalize("办结率(%)为(shè)").string == "办结率(%)为")
}
