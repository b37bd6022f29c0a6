import Foundation
import Testing
@testable import Plot

/// Writes previews to $FAZHI_PREVIEW_DIR when set (for looking at the charts).
@Test func previewsAreWrittenWhenAsked() throws {
    guard let dir = ProcessInfo.processInfo.environment["FAZHI_PREVIEW_DIR"] else { return }
    let url = URL(fileURLWithPath: dir)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    var charts: [(String, Chart)] = [
        ("trend12", Samples.chart(.trend, rows: Samples.trend(townships: 6))),
        ("trend40", Samples.chart(.trend, rows: Samples.trend(townships: 40))),
        ("rank40", Samples.chart(.rank, rows: Samples.rank(townships: 40))),
        ("rank12", Samples.chart(.rank, rows: Samples.rank(townships: 12))),
        ("empty", Samples.chart(.trend, rows: [])),
    ]
    charts += Samples.all()
    charts.append(("rotated-grouped20", Samples.chart(.grouped, rows: Samples.trend(townships: 20, years: 2022...2024))))
    charts.append(("rotated-grouped40", Samples.chart(.grouped, rows: Samples.trend(townships: 40, years: 2023...2024))))
    charts.append(("rotated-heatmap", Samples.chart(.heatmap, rows: Samples.longIndicatorRows(townships: 10), unit: nil)))
    charts += Samples.all().map { name, c in var c = c; c.watermark = "示例数据"; return ("wm-" + name, c) }
    for (name, rows) in degenerateCases() {
        for kind in ChartKind.allCases {
            var rows = rows
            if kind == .scatter { rows = rows.enumerated().map { i, r in var r = r; r.indicator = i % 2 == 0 ? "复议" : "诉讼"; r.year = 2024; return r } }
            charts.append(("d-\(kind.rawValue)-\(name)", Samples.chart(kind, rows: rows, title: "\(kind.rawValue)：\(name)")))
        }
    }
    for (name, c) in PlotBenchmark.sampleCharts() {
        try render(c, format: .png, width: 1200, height: 750).write(to: url.appendingPathComponent("bench-" + name + ".png"))
    }
    for (name, c) in charts {
        if !name.hasPrefix("d-") { try render(c, format: .png, width: 1200, height: 750).write(to: url.appendingPathComponent(name + ".png")) }
        try render(c, format: .png, width: 600, height: 375).write(to: url.appendingPathComponent(name + "-small.png"))
        if name.hasPrefix("rotated-") { try render(c, format: .pdf, width: 600, height: 375).write(to: url.appendingPathComponent(name + ".pdf")) }
    }
}
