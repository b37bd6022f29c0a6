import Foundation

// Plot: chart description → scene (marks and measured text in device units) → Cairo → PNG, SVG, PDF.
//
//     let chart = Chart(kind: .rank, title: "东湖街道行政复议案件数居首", subtitle: "2024年", unit: "件",
//                       sourceLine: "资料来源：36个乡镇2024年法治政府建设年度报告", rows: rows)
//     let out = try render(chart, format: .png, width: 1200, height: 750, scale: 2)
//     try out.write(to: url)          // out.description: the chart in words (also SVG <title>/<desc>)
//
// Input rows: township, year, indicator, value (nil = 未报告), flags (approximate 余, derived *, corrected †).
// Kinds: trend, rank, grouped, heatmap (years, or indicators when rows carry several), small-multiples, slope,
// scatter (two indicators). No data gives a readable "无数据" chart; bad sizes throw a one-line PlotError.

/// Lays a chart out as a scene of marks in device units (pixels for PNG at scale 1, points for PDF).
public func layout(_ chart: Chart, width: Double, height: Double) throws -> Scene {
    guard width.isFinite, height.isFinite, width >= 120, height >= 80, width <= 20000, height <= 20000 else {
        throw PlotError("chart size \(width)×\(height) is out of range (120×80 to 20000×20000)")
    }
    let engine = TextEngine.forThisThread(fontList: chart.theme.fontList, language: chart.theme.language)
    var b = Builder(chart: chart, width: width, height: height, engine: engine)
    var generated = build(b)
    // A kind that left townships out says so in the footer: lay out again with that note.
    var passes = 0
    while b.omission != b.plannedOmission && passes < 3 {
        let planned = b.omission
        b = Builder(chart: chart, width: width, height: height, engine: engine)
        b.plannedOmission = planned
        generated = build(b)
        passes += 1
    }
    var desc = chart.description ?? generated
    if chart.description == nil {
        if let s = chart.subtitle, !s.isEmpty { desc += s + (s.hasSuffix("。") ? "" : "。") }
        if let u = chart.unit, !u.isEmpty { desc += "单位：\(u)。" }
        if let src = chart.sourceLine, !src.isEmpty { desc += src }
    }
    desc = watermarked(desc, chart.watermark)
    return Scene(width: width, height: height, background: chart.theme.background, fontList: chart.theme.fontList,
                 language: chart.theme.language, marks: b.marks, title: chart.title, description: desc)
}

private func build(_ b: Builder) -> String {
    let generated: String
    switch b.chart.kind {
    case .trend: generated = b.buildTrend()
    case .rank: generated = b.buildRank()
    case .grouped: generated = b.buildGrouped()
    case .heatmap: generated = b.buildHeatmap()
    case .smallMultiples: generated = b.buildSmallMultiples()
    case .slope: generated = b.buildSlope()
    case .scatter: generated = b.buildScatter()
    }
    return generated
}

/// Draws a chart. `width`/`height` are in pixels for PNG (times `scale` for high-DPI) and in points
/// for SVG and PDF (e.g. `PageSize.a4Landscape` for print). `pngLevel` is the PNG compression level: 1–3 deflate
/// with ISA-L (fast; 2 and 3 the same, 1 a little faster and larger), 0 and 4–9 with zlib at that level (from 4 on
/// smaller files, many times slower).
public func render(_ chart: Chart, format: OutputFormat, width: Double = 1200, height: Double = 750, scale: Double = 1,
                   pngLevel: Int = 3) throws -> RenderedChart {
    guard scale.isFinite, scale > 0, scale <= 8 else { throw PlotError("scale \(scale) is out of range (0–8)") }
    let scene = try layout(chart, width: width, height: height)
    return RenderedChart(format: format, data: try draw(scene, format: format, scale: scale, pngLevel: pngLevel), description: scene.description)
}

/// Draws a laid-out scene to bytes.
public func draw(_ scene: Scene, format: OutputFormat, scale: Double = 1, pngLevel: Int = 3) throws -> Data {
    switch format {
    case .png: return try CairoBackend.png(scene, scale: scale, level: pngLevel, timing: nil)
    case .svg: return try CairoBackend.vector(scene, pdf: false)
    case .pdf: return try CairoBackend.vector(scene, pdf: true)
    }
}

/// The description led by the watermark, so that a reader of the text alone knows it too: "【示例数据】…".
func watermarked(_ description: String, _ watermark: String?) -> String {
    guard let wm = watermark?.nilIfEmpty, !description.hasPrefix("【\(wm)】") else { return description }
    return "【\(wm)】" + description
}
