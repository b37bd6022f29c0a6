import Foundation
import Testing
@testable import Plot

@Test(arguments: ChartKind.allCases)
func aWatermarkIsDrawnInTheHeaderWithoutOverlappingTitleOrData(_ kind: ChartKind) throws {
    var chart = Samples.all().first { $0.0 == kind.rawValue }!.1
    chart.watermark = "示例数据"
    chart.title = "甲垌镇行政复议纠错率连续三年下降，东湖街道行政诉讼败诉案件数量较上年明显减少，其余基本持平"
    for (w, h) in sizes {
        let scene = try layout(chart, width: w, height: h)
        let badge = try #require(scene.texts.first { $0.text == "示例数据" }, "\(kind.rawValue) \(Int(w))×\(Int(h))")
        #expect(layoutProblems(scene).isEmpty, "\(kind.rawValue) \(Int(w))×\(Int(h)): \(layoutProblems(scene).prefix(3))")
        // Top right, in the header: right of every title line, above every other mark.
        #expect(badge.box.maxX > w * 0.8 && badge.box.y < h * 0.15)
        let titles = scene.texts.filter { $0.font.bold && $0.font.size > 16 }
        #expect(!titles.isEmpty && titles.allSatisfy { $0.box.maxX < badge.box.x })
        #expect(badge.color != chart.theme.text, "muted")
        let others = scene.marks.compactMap { m -> Rect? in
            switch m {
            case .rect(let r, _, let stroke, _): return stroke == nil ? r : nil  // the badge's border has a stroke
            case .line(let pts, _, _, _): return Rect(x: pts.map(\.x).min()!, y: pts.map(\.y).min()!, w: pts.map(\.x).max()! - pts.map(\.x).min()!, h: pts.map(\.y).max()! - pts.map(\.y).min()!)
            case .marker(let p, _, _, _, _, _): return Rect(x: p.x, y: p.y, w: 0, h: 0)
            case .text: return nil
            }
        }
        #expect(others.allSatisfy { $0.y >= badge.inkBox.maxY || $0.maxY <= badge.inkBox.y }, "\(kind.rawValue): data under the badge")
    }
}

@Test func aWatermarkLeadsTheDescriptionAndTheSVGDesc() throws {
    var chart = Samples.chart(.rank, rows: Samples.rank(townships: 10))
    chart.watermark = "示例数据"
    let svg = try render(chart, format: .svg, width: 600, height: 375)
    #expect(svg.description.hasPrefix("【示例数据】"))
    #expect(String(decoding: svg.data, as: UTF8.self).contains("<desc>【示例数据】"))
    chart.description = "自定义说明。"
    #expect(try layout(chart, width: 600, height: 375).description == "【示例数据】自定义说明。")
}

@Test func aChartWithoutWatermarkHasNoBadge() throws {
    let chart = Samples.chart(.trend, rows: Samples.trend(townships: 4))
    let scene = try layout(chart, width: 600, height: 375)
    #expect(!scene.description.hasPrefix("【"))
    #expect(!scene.marks.contains { if case .rect(_, _, let s, _) = $0 { return s != nil } else { return false } })
}
