import Foundation
import Testing
@testable import Plot

/// Text must not overlap other text, and must lie inside the canvas. Rotated text is checked by its turned
/// glyph box for overlap and by the upright box around it for clipping.
func layoutProblems(_ scene: Scene) -> [String] {
    var problems: [String] = []
    let canvas = Rect(x: 0, y: 0, w: scene.width, h: scene.height)
    let texts = scene.texts
    for t in texts where !canvas.contains(t.box, tolerance: 0.5) { problems.append("clipped: \(t.text) \(t.box)") }
    for i in 0..<texts.count {
        for j in (i + 1)..<texts.count where texts[i].inkOverlaps(texts[j], tolerance: 0.5) {
            problems.append("overlap: \(texts[i].text) / \(texts[j].text)")
        }
    }
    return problems
}

let sizes: [(Double, Double)] = [(600, 375), (1200, 750), (842, 595)]

func degenerateCases() -> [(String, [Row])] {
    let long = "新城经济技术开发区管理委员会东湖社区街道"  // 20 characters
    var longRows = Samples.trend(townships: 5)
    longRows = longRows.map { var r = $0; if r.township == "乙镇" { r.township = long }; return r }
    return [
        ("no data", []),
        ("only missing values", [Row(township: "甲镇", year: 2024, value: nil)]),
        ("one township", Samples.trend(townships: 1)),
        ("one year", Samples.trend(townships: 6, years: 2024...2024)),
        ("all equal", (0..<6).flatMap { i in (2020...2024).map { Row(township: Samples.townships[i], year: $0, value: 50) } }),
        ("all zero", (0..<4).flatMap { i in (2020...2024).map { Row(township: Samples.townships[i], year: $0, value: 0) } }),
        ("very large", (0..<6).flatMap { i in (2020...2024).map { Row(township: Samples.townships[i], year: $0, value: 1e9 * Double(i + $0 - 2019)) } }),
        ("negative", (0..<6).flatMap { i in (2020...2024).map { Row(township: Samples.townships[i], year: $0, value: Double(i * 7 - 20 + $0 - 2020)) } }),
        ("500 townships", Samples.trend(townships: 500, years: 2022...2024)),
        ("20-character name", longRows),
    ]
}

@Test(arguments: ChartKind.allCases)
func degenerateDataGivesReadableChartsWithoutOverlap(_ kind: ChartKind) throws {
    for (name, rows) in degenerateCases() {
        var rows = rows
        if kind == .scatter || name == "20-character name" && kind == .heatmap {
            // Scatter needs two indicators: split the rows into two.
            rows = rows.enumerated().map { i, r in var r = r; r.indicator = kind == .scatter ? (i % 2 == 0 ? "复议" : "诉讼") : r.indicator; r.year = kind == .scatter ? 2024 : r.year; return r }
        }
        for (w, h) in sizes {
            let chart = Samples.chart(kind, rows: rows, title: "\(kind.rawValue)：\(name)")
            let scene = try layout(chart, width: w, height: h)
            let problems = layoutProblems(scene)
            #expect(problems.isEmpty, "\(kind.rawValue) \(name) \(Int(w))×\(Int(h)): \(problems.prefix(3))")
            #expect(!scene.texts.isEmpty)
            if rows.allSatisfy({ $0.value == nil }) {
                // Rank lists townships without a value as 未报告; other kinds say 无数据.
                #expect(scene.texts.contains { $0.text.hasPrefix(kind == .rank && !rows.isEmpty ? "未报告" : "无数据") }, "\(kind.rawValue) \(name)")
            }
        }
        _ = try render(Samples.chart(kind, rows: rows), format: .png, width: 600, height: 375)
    }
}

@Test(arguments: Samples.all().map(\.0))
func sampleChartsHaveNoOverlappingOrClippedText(_ name: String) throws {
    let chart = Samples.all().first { $0.0 == name }!.1
    for (w, h) in sizes {
        let problems = layoutProblems(try layout(chart, width: w, height: h))
        #expect(problems.isEmpty, "\(name) \(Int(w))×\(Int(h)): \(problems.prefix(3))")
    }
}

@Test func longTownshipNamesAreShortenedWithAnEllipsisOnlyWhereNeeded() throws {
    let long = "新城经济技术开发区管理委员会东湖社区街道"
    var rows = Samples.rank(townships: 10)
    rows[0].township = long
    let scene = try layout(Samples.chart(.rank, rows: rows), width: 600, height: 375)
    #expect(scene.texts.contains { $0.text.hasSuffix("…") && long.hasPrefix($0.text.dropLast()) })
    #expect(scene.texts.contains { $0.text == "甲垌镇" })
}

@Test func rareCharactersRenderAsThemselves() {
    #expect(unknownGlyphCount("甲垌镇") == 0)
    #expect(unknownGlyphCount("大垌镇东湖街道行政复议") == 0)
}

@Test func badSizesAndScalesGiveOneLineErrors() {
    let c = Samples.chart(.trend, rows: Samples.trend(townships: 3))
    #expect(throws: PlotError.self) { try render(c, format: .png, width: 0, height: 100) }
    #expect(throws: PlotError.self) { try render(c, format: .png, width: 600, height: 375, scale: 0) }
    #expect(throws: PlotError.self) { try render(c, format: .png, width: .nan, height: 375) }
}

@Test func svgCarriesTitleAndDescription() throws {
    let c = Samples.chart(.rank, rows: Samples.rank(townships: 12), title: "东湖街道居首 <第一>")
    let r = try render(c, format: .svg, width: 600, height: 375)
    let s = String(decoding: r.data, as: UTF8.self)
    #expect(s.contains("<title>东湖街道居首 &lt;第一&gt;</title>"))
    #expect(s.contains("<desc>" + xmlEscaped(r.description) + "</desc>"))
    #expect(r.description.contains("中位数"))
    #expect(r.description.contains("未报告"))
}

@Test func highDPIScaleMultipliesThePixelSize() throws {
    let c = Samples.chart(.trend, rows: Samples.trend(townships: 3))
    let png = try render(c, format: .png, width: 600, height: 375, scale: 2)
    let img = try #require(decodePNG(png.data))
    #expect(img.width == 1200 && img.height == 750)
}

@Test func themeFileChangesFontsColoursAndSizes() throws {
    let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fazhi-theme-\(getpid()).json")
    try ##"{"titleSize": 30, "bar": "#D55E00", "fontFamily": "Noto Serif CJK SC"}"##.write(to: url, atomically: true, encoding: .utf8)
    let t = try Theme.load(from: url)
    #expect(t.titleSize == 30)
    #expect(t.bar == Color(hex: "#D55E00"))
    #expect(t.fontFamily == "Noto Serif CJK SC")
    #expect(t.labelSize == Theme().labelSize)
    try #"{"bar": "blue"}"#.write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: PlotError.self) { try Theme.load(from: url) }
    try? FileManager.default.removeItem(at: url)
}

@Test func chartsRenderInParallelThreads() async throws {
    let charts = Samples.all()
    let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
        for (_, c) in charts { group.addTask { try render(c, format: .png, width: 600, height: 375).data.count } }
        return try await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(sizes.count == charts.count && sizes.allSatisfy { $0 > 1000 })
}

@Test func longTitlesWrapToTwoLinesWithoutClipping() throws {
    var c = Samples.chart(.trend, rows: Samples.trend(townships: 5))
    c.title = "甲垌镇行政复议纠错率连续三年下降，东湖街道行政诉讼败诉案件数量较上年明显减少，其余乡镇基本持平且多数指标优于全县平均水平"
    for (w, h) in sizes {
        let scene = try layout(c, width: w, height: h)
        #expect(layoutProblems(scene).isEmpty)
        let titleLines = scene.texts.filter { $0.font.bold && $0.font.size > 16 }
        #expect(titleLines.count <= 2)
    }
}

@Test func transparentBackgroundGivesStraightAlphaPNG() throws {
    var c = Samples.chart(.rank, rows: Samples.rank(townships: 5))
    c.theme.background = Color(hex: "#FFFFFF00")!
    let png = try render(c, format: .png, width: 600, height: 375)
    let img = try #require(decodePNG(png.data))
    #expect(img.rgba[3] == 0, "corner is transparent")
    #expect(img.rgba.enumerated().contains { $0.offset % 4 == 3 && $0.element == 255 }, "marks are opaque")
}

@Test func manyTownshipsShowTheSelectedInColourAndTheRestInGrey() throws {
    var c = Samples.chart(.trend, rows: Samples.trend(townships: 40))
    c.highlight = ["甲垌镇", "东湖街道"]
    let scene = try layout(c, width: 1200, height: 750)
    let labels = Set(scene.texts.map(\.text))
    #expect(labels.contains("甲垌镇") && labels.contains("东湖街道"))
    #expect(!labels.contains("西山乡"))
    let greys = scene.marks.filter { if case .line(_, let col, _, _) = $0 { return col == c.theme.context } else { return false } }
    #expect(greys.count >= 38)
    #expect(scene.description.contains("彩色标出甲垌镇、东湖街道"))
}

@Test func townshipNamesThatDoNotFitSideBySideAreTurnedNotDropped() throws {
    let chart = Samples.chart(.grouped, rows: Samples.trend(townships: 20, years: 2022...2024))
    for (w, h) in sizes {
        let scene = try layout(chart, width: w, height: h)
        #expect(layoutProblems(scene).isEmpty, "\(Int(w))×\(Int(h)): \(layoutProblems(scene).prefix(3))")
        let turned = scene.texts.filter { $0.rotation != 0 }
        #expect(turned.count == 20, "\(Int(w))×\(Int(h)): \(turned.count) names turned")
        #expect(turned.allSatisfy { !$0.text.hasSuffix("…") }, "short names are not shortened")
    }
    // Few townships stay upright.
    let few = try layout(Samples.chart(.grouped, rows: Samples.trend(townships: 4)), width: 1200, height: 750)
    #expect(few.texts.allSatisfy { $0.rotation == 0 })
}

@Test func heatmapIndicatorHeadersThatDoNotFitAreTurned() throws {
    let chart = Samples.chart(.heatmap, rows: Samples.longIndicatorRows(townships: 10), unit: nil)
    for (w, h) in sizes {
        let scene = try layout(chart, width: w, height: h)
        #expect(layoutProblems(scene).isEmpty, "\(Int(w))×\(Int(h)): \(layoutProblems(scene).prefix(3))")
        #expect(scene.texts.contains { $0.rotation != 0 && $0.text == "重大行政决策合法性审查" }, "\(Int(w))×\(Int(h))")
    }
}

@Test func turnedLabelsSideBySideDoNotCountAsOverlapping() {
    func label(_ x: Double) -> TextMark {
        TextMark(text: "东湖街道", x: x, y: 100, anchor: .end, vAnchor: .middle, font: FontSpec(size: 12), color: Theme().text,
                 width: 48, height: 17, rotation: -Double.pi / 4)
    }
    #expect(!label(100).inkOverlaps(label(124)))
    #expect(label(100).inkBox.intersects(label(124).inkBox))
    #expect(label(100).inkOverlaps(label(108)))
}
