import Testing
@testable import ReportText

private func split(_ s: String) -> (NormalizedText, [Sentence]) {
    let text = TextNormalizer.normalize(s)
    return (text, SentenceSplitter.split(text))
}

@Test func sentenceAndClausesOfAGenreSentence() {
    let (text, sentences) = split("2024年，共排查化解矛盾纠纷241起，化解率达96%。")
    #expect(sentences.count == 1)
    #expect(text.slice(sentences[0].range) == "2024年,共排查化解矛盾纠纷241起,化解率达96%。")
    #expect(sentences[0].clauses.map(text.slice) == ["2024年", "共排查化解矛盾纠纷241起", "化解率达96%"])
}

@Test func sentencesEndAtEndMarksSemicolonsAndLineBreaks() {
    let (text, sentences) = split("一是强化学习；二是完善制度。三是加强监督！\n标题没有句号\n\n  \n全年办理行政复议案件3件")
    #expect(sentences.map { text.slice($0.range) } == [
        "一是强化学习;", "二是完善制度。", "三是加强监督!", "标题没有句号", "全年办理行政复议案件3件",
    ])
}

@Test func closingQuoteAfterTheEndMarkBelongsToTheSentence() {
    let (text, sentences) = split("群众评价说：“调解很及时。”随后又开展回访。")
    #expect(sentences.map { text.slice($0.range) } == ["群众评价说:“调解很及时。”", "随后又开展回访。"])
    #expect(sentences[0].clauses.map(text.slice) == ["群众评价说", "“调解很及时"])
}

@Test func clausesSplitAtEnumerationCommaAndColonButNotInsideNumbers() {
    let (text, sentences) = split("发放宣传资料1,200份、宣传品3,50件，时间：9:30。")
    #expect(sentences.count == 1)
    #expect(sentences[0].clauses.map(text.slice) == ["发放宣传资料1,200份", "宣传品3", "50件", "时间", "9:30"])
}

@Test func urlQueryMarkDoesNotEndASentence() {
    let (text, sentences) = split("详见 http://www.example.gov.cn/index.html?id=3 页面。")
    #expect(sentences.map { text.slice($0.range) } == ["详见 http://www.example.gov.cn/index.html?id=3 页面。"])
}

@Test func emptyTextHasNoSentences() {
    #expect(split("").1.isEmpty)
    #expect(split(" \n\u{3000}\n").1.isEmpty)
}
