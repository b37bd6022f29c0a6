import Foundation
import Testing
@testable import Plot

/// The chart failures of issue 14: qualifiers as written, lines broken at a missing year, a single year
/// visible, heatmap numbers that do not vanish, bar labels that tell close values apart.

@Test func aQualifierIsDrawnAsTheReportWroteIt() throws {
    let rows = [
        Row(township: "甲镇", year: 2024, value: 1900, flags: .qualifier("nearly")),
        Row(township: "乙镇", year: 2024, value: 2500, flags: .qualifier("about")),
        Row(township: "丙镇", year: 2024, value: 1800, flags: .qualifier("more_than")),
        Row(township: "丁镇", year: 2024, value: 1700, flags: .qualifier("at_least")),
        Row(township: "戊镇", year: 2024, value: 1600, flags: .qualifier("at_most")),
        Row(township: "己镇", year: 2024, value: 1500, flags: .qualifier("less_than")),
    ]
    let scene = try layout(Chart(kind: .rank, title: "t", unit: "件", rows: rows), width: 1200, height: 750)
    let texts = Set(scene.texts.map(\.text))
    for expected in ["近1,900", "约2,500", "1,800余", "1,700以上", "不超过1,600", "不足1,500"] {
        #expect(texts.contains(expected), "\(expected) not in \(texts.sorted())")
    }
    #expect(!texts.contains("1,900余") && !texts.contains("2,500余"))
    var english = Chart(kind: .rank, title: "t", unit: "件", rows: rows)
    english.words = .english
    let en = Set(try layout(english, width: 1200, height: 750).texts.map(\.text))
    #expect(en.contains("nearly 1,900") && en.contains("about 2,500") && en.contains("over 1,800") && en.contains("under 1,500"))
}

@Test func barLabelsHaveThePrecisionThatTellsThemApart() throws {
    let rows = [Row(township: "甲镇", year: 2024, value: 10900), Row(township: "乙镇", year: 2024, value: 11200),
                Row(township: "丙镇", year: 2024, value: 30000)]
    let texts = Set(try layout(Chart(kind: .rank, title: "t", unit: "件", rows: rows), width: 1200, height: 750).texts.map(\.text))
    #expect(texts.contains("1.09万") && texts.contains("1.12万"), "\(texts.sorted())")
    #expect(!texts.contains("1.1万"))
    #expect(NumberFormat.distinct([10900, 11200], style: .number) == ["1.09万", "1.12万"])
    #expect(NumberFormat.distinct([10000, 20000], style: .number) == ["1万", "2万"])
}

@Test func aLineIsBrokenWhereAYearIsMissing() throws {
    // Nobody reported 2022: the line must not run from 2021 to 2023.
    let rows = [2020, 2021, 2023, 2024].map { Row(township: "甲镇", year: $0, value: Double($0 - 2000)) }
    let scene = try layout(Chart(kind: .trend, title: "t", rows: rows), width: 1200, height: 750)
    let lines = scene.marks.compactMap { mark -> [Point]? in
        if case .line(let points, _, let width, _) = mark, points.count >= 2, width > 1.5 { return points } else { return nil }
    }
    // Two segments of two points each, none of three.
    #expect(lines.filter { $0.count == 2 }.count >= 2)
    #expect(!lines.contains { $0.count >= 3 })
}

@Test func aTownshipWithOneYearIsAVisiblePointWithItsLabel() throws {
    // Many townships: the grey ones carry no markers, but one with a single year still shows, named.
    var rows: [Row] = []
    for i in 0..<12 { for y in 2020...2024 { rows.append(Row(township: "第\(i)镇", year: y, value: Double(50 + i + y - 2020))) } }
    rows.append(Row(township: "新设镇", year: 2022, value: 40))
    let scene = try layout(Chart(kind: .trend, title: "t", rows: rows), width: 1200, height: 750)
    #expect(scene.texts.contains { $0.text == "新设镇" })
    let markers = scene.marks.compactMap { mark -> Double? in
        if case .marker(_, _, let radius, _, _, _) = mark { return radius } else { return nil }
    }
    #expect(markers.contains { $0 >= 3 })
}

@Test func aHeatmapNumberThatDoesNotFitShrinksOrIsAbbreviatedButNeverVanishes() throws {
    // Thirty years in a narrow chart: cells far narrower than 123,456.
    let rows = (1995...2024).flatMap { y in ["甲镇", "乙镇"].map { Row(township: $0, year: y, value: 123456 + Double(y)) } }
    let scene = try layout(Chart(kind: .heatmap, title: "t", unit: "件", rows: rows), width: 900, height: 400)
    let cellTexts = scene.texts.filter { $0.text.contains("万") || $0.text.contains("千") || $0.text.first?.isNumber == true }
    // 60 cells, each with its number; plus axis ticks.
    #expect(cellTexts.filter { $0.text.hasSuffix("万") }.count >= 60, "\(scene.texts.map(\.text))")
}

@Test func aTownshipThatSentNothingIsNotReportedApart() throws {
    let rows = [Row(township: "甲镇", year: 2024, value: 5), Row(township: "乙镇", year: 2024, value: nil),
                Row(township: "丙镇", year: 2024, value: nil, submitted: false)]
    let texts = try layout(Chart(kind: .rank, title: "t", rows: rows), width: 1200, height: 750).texts.map(\.text)
    #expect(texts.contains("未报告") && texts.contains("未报送"))
}
