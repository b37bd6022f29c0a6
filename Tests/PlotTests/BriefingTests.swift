import Foundation
import Testing
@testable import Plot

extension Samples {
    static func findings(_ n: Int) -> [String] {
        let base = ["甲垌镇2024年行政复议纠错率为12.5%，而纠错件数与受理件数之比为8.3%，两处不一致",
                    "东湖街道2023年报告的矛盾纠纷化解率超过100%（102.4%），疑为笔误",
                    "西山乡2022年与2023年报告的重大行政决策合法性审查件数完全相同（均为17件），请核对是否沿用上年数字",
                    "南岭镇行政诉讼案件数2024年较上年增加4倍，建议核对原文",
                    "北港街道未报告2023年矛盾纠纷化解率，趋势线在该年断开"]
        return (0..<n).map { i in i < base.count ? base[i] : "第\(i + 1)镇某项指标前后不一致，请核对原报告第\(i + 2)页" }
    }

    static func briefing(tiles: Int = 3, findings n: Int = 4, watermark: String? = "示例数据") -> BriefingSheet {
        var trendRows: [Row] = []
        for (i, t) in ["甲垌镇", "东湖街道", "西山乡", "南岭镇"].enumerated() {
            for y in 2019...2024 {
                let v = 88 + Double(i) * 1.5 + Double(y - 2019) * (0.4 + 0.3 * Double(i)) + noise(i, y) * 1.5
                trendRows.append(Row(township: t, year: y, value: (v * 10).rounded() / 10, flags: i == 1 && y == 2024 ? .approximate : []))
            }
        }
        let rankRows = (0..<15).map { i in
            Row(township: townships[i], year: 2024, value: i == 14 ? nil : ((90 + 9 * noise(i, 3)) * 10).rounded() / 10)
        }
        let trend = Chart(kind: .trend, title: "四个镇街化解率稳步上升", subtitle: "矛盾纠纷化解率，2019—2024年", unit: "%", rows: trendRows)
        let rank = Chart(kind: .rank, title: "西山乡化解率最高", subtitle: "各镇街矛盾纠纷化解率，2024年", unit: "%", rows: rankRows, highlight: ["甲垌镇"])
        let all = [
            BriefingTile(label: "矛盾纠纷化解率", value: "96.5%", change: "较上年 +1.2 个百分点", coverage: "14/15个镇街报告"),
            BriefingTile(label: "行政复议纠错率", value: "8.3%", change: "较上年 −0.6 个百分点", coverage: "12/15个镇街报告", note: "含2个推算值"),
            BriefingTile(label: "重大行政决策合法性审查", value: "214件", change: "较上年 +18件", coverage: "9/15个镇街报告", note: "报告镇街不足三分之二", flagged: true),
        ]
        return BriefingSheet(title: "湛江市2024年镇街法治政府建设指标简报", subtitle: "15个镇街2024年法治政府建设年度报告摘要",
                             tiles: Array(all.prefix(tiles)), trend: trend, ranking: rank, findings: findings(n),
                             sourceLine: "资料来源：15个镇街2019—2024年法治政府建设年度报告；fazhi 自动提取，经人工核对。", watermark: watermark)
    }
}

@Test func briefingSheetIsAnA4LandscapePageWithTilesChartsAndFindings() throws {
    let sheet = Samples.briefing()
    let scene = try layoutBriefing(sheet)
    #expect(abs(scene.width - 841.89) < 0.01 && abs(scene.height - 595.28) < 0.01)
    let texts = Set(scene.texts.map(\.text))
    for s in ["湛江市2024年镇街法治政府建设指标简报", "96.5%", "较上年 +1.2 个百分点", "14/15个镇街报告", "含2个推算值",
              "四个镇街化解率稳步上升", "西山乡化解率最高", "数据一致性检查", "示例数据"] {
        #expect(texts.contains(s), "missing \(s)")
    }
    #expect(scene.description.hasPrefix("【示例数据】"))
    #expect(scene.description.contains("矛盾纠纷化解率96.5%"))
    let pdf = try renderBriefing(sheet, format: .pdf)
    let text = String(decoding: pdf.data, as: UTF8.self)
    #expect(text.hasPrefix("%PDF-") && text.contains("/MediaBox [ 0 0 841.89 595.28 ]") || text.contains("841.89"))
    let png = try renderBriefing(sheet, format: .png, scale: 2)
    let img = try #require(decodePNG(png.data))
    #expect(img.width == 1684 && img.height == 1191)
}

@Test func briefingSheetTextNeverOverlapsOrLeavesThePage() throws {
    var cases: [(String, BriefingSheet)] = []
    for tiles in [0, 1, 3] {
        for n in [0, 1, 6, 40] { cases.append(("\(tiles) tiles, \(n) findings", Samples.briefing(tiles: tiles, findings: n))) }
    }
    var long = Samples.briefing(findings: 8)
    long.title = "湛江市2024年镇街法治政府建设指标简报（第一季度、第二季度、第三季度与第四季度汇总，含各县区及开发区管委会所辖镇街）"
    long.tiles[0].label = "矛盾纠纷排查化解率（含人民调解、行政调解与司法调解）"
    long.tiles[0].change = "较上年 +1.2 个百分点，连续三年上升，高于全市平均水平"
    long.findings[0] = String(repeating: "甲垌镇行政复议纠错率与纠错件数不一致，", count: 8)
    cases.append(("long texts", long))
    var english = Samples.briefing(findings: 12)
    english.labels = .english
    english.title = "Zhanjiang 2024: township rule-of-law indicators"
    english.watermark = "Example data"
    cases.append(("english", english))
    var noCharts = Samples.briefing()
    noCharts.trend = nil; noCharts.ranking = nil
    cases.append(("no charts", noCharts))
    for (name, sheet) in cases {
        let scene = try layoutBriefing(sheet)
        let problems = layoutProblems(scene)
        #expect(problems.isEmpty, "\(name): \(problems.prefix(3))")
    }
}

@Test func findingsThatDoNotFitAreCountedAndLongOnesShortened() throws {
    var sheet = Samples.briefing(findings: 40)
    sheet.findings[0] = String(repeating: "甲垌镇行政复议纠错率与纠错件数不一致，", count: 8)
    let scene = try layoutBriefing(sheet)
    let shown = scene.texts.filter { $0.text.hasPrefix("· ") }
    #expect(!shown.isEmpty && shown.count < 40)
    #expect(scene.texts.contains { $0.text == "另有\(40 - shown.count)条，详见数据核对清单……" })
    #expect(shown[0].text.hasSuffix("…"))
    let none = try layoutBriefing(Samples.briefing(findings: 0))
    #expect(none.texts.contains { $0.text == BriefingLabels.chinese.noFindings })
}

@Test func briefingSheetMatchesItsGoldenPNGAndSVG() throws {
    let sheet = Samples.briefing()
    let png = try renderBriefing(sheet, format: .png, scale: 1)
    #expect(try Golden.check(png.data, name: "briefing.png", compare: Golden.pixels) == nil)
    let svg = try renderBriefing(sheet, format: .svg)
    #expect(try Golden.check(svg.data, name: "briefing.svg", compare: Golden.text) == nil)
}

@Test func briefingPreviewIsWrittenWhenAsked() throws {
    guard let dir = ProcessInfo.processInfo.environment["FAZHI_PREVIEW_DIR"] else { return }
    let url = URL(fileURLWithPath: dir)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try renderBriefing(Samples.briefing(), format: .png, scale: 2).write(to: url.appendingPathComponent("briefing.png"))
    try renderBriefing(Samples.briefing(), format: .pdf).write(to: url.appendingPathComponent("briefing.pdf"))
    var en = Samples.briefing(findings: 12)
    en.labels = .english
    en.watermark = "Example data"
    try renderBriefing(en, format: .png, scale: 1).write(to: url.appendingPathComponent("briefing-many.png"))
}
