import Foundation
import Testing
@testable import Plot

@Test(arguments: ChartKind.allCases)
func englishWordsLeaveNoChineseOfTheirOwnOnTheChartAndNothingOverlaps(_ kind: ChartKind) throws {
    var chart = Samples.all().first { $0.0 == kind.rawValue }!.1
    chart.words = .english
    chart.title = "A title"
    chart.subtitle = "A subtitle"
    chart.sourceLine = "Source: the reports"
    chart.unit = "%"
    let scene = try layout(chart, width: 1000, height: 625)
    #expect(layoutProblems(scene).isEmpty, "\(kind.rawValue): \(layoutProblems(scene).prefix(3))")
    // Township and indicator names stay as they are; every other word the chart draws is English.
    let towns = Set(chart.rows.map(\.township) + chart.rows.compactMap(\.indicator))
    let chineseWords = scene.texts.map(\.text).filter { text in
        !towns.contains(where: { text.contains($0) || $0.hasPrefix(text.replacingOccurrences(of: "…", with: "")) })
            && text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) && $0 != "余" }
    }
    #expect(chineseWords.isEmpty, "\(kind.rawValue): \(chineseWords.prefix(5))")
}

@Test func englishWordsNameTheMedianAndTheTownshipsThatDidNotReport() throws {
    var chart = Samples.chart(.rank, rows: Samples.rank(townships: 10))
    chart.rows[3].value = nil
    chart.words = .english
    let texts = try layout(chart, width: 1000, height: 625).texts.map(\.text)
    #expect(texts.contains { $0.hasPrefix("median ") })
    #expect(texts.contains("not reported"))
    #expect(texts.contains("Unit: 件") || texts.contains { $0.hasPrefix("Unit: ") })
}

@Test func englishNumbersAreGroupedByThousandsNotWrittenIn万() {
    let english = ChartWords.english.magnitudes
    #expect(NumberFormat.value(12_000, style: .number, magnitudes: english) == "12,000")
    #expect(NumberFormat.value(12_000, style: .number) == "1.2万")
    #expect(NumberFormat.value(3_500_000, style: .number, magnitudes: english) == "3.5m")
    #expect(NumberFormat.ticks([0, 10_000, 20_000], style: .number, magnitudes: english) == ["0", "10,000", "20,000"])
    #expect(ChartWords.english.year(2024) == "2024")
    #expect(ChartWords.chinese.year(2024) == "2024年")
}
