import Testing
@testable import ReportText

@Test func identityTextMapsEveryScalarToItself() {
    let text = NormalizedText(identity: "良垌镇2024年")
    #expect(text.count == 8)
    #expect(text.originalOffset(at: 3) == 3)
    #expect(text.originalOffset(at: 8) == 8)
    #expect(text.slice(0..<3) == "良垌镇")
}
