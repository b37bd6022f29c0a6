import Foundation
import Plot
import Store

/// Bumped when drawing changes in a way the data does not show (a new layout): every recorded hash then
/// differs and the next run redraws everything.
let drawingVersion = "1"

/// A hash of everything a chart file is drawn from: kind, words, rows, size and format. Two charts with
/// the same digest draw the same file; built field by field (no dictionary order, no per-process hash seed).
public func chartDigest(_ chart: Chart, width: Double, height: Double, format: OutputFormat) -> String {
    var text = "\(drawingVersion)|\(chart.kind.rawValue)|\(format.rawValue)|\(width)x\(height)|"
    text += [chart.title, chart.subtitle ?? "", chart.unit ?? "", chart.sourceLine ?? "", chart.description ?? "",
             chart.watermark ?? "", chart.xIndicator ?? "", chart.yIndicator ?? "", chart.style?.rawValue ?? "",
             chart.year.map(String.init) ?? "", chart.slopeYears.map { "\($0.0)-\($0.1)" } ?? "",
             chart.highlight.joined(separator: ","), chart.theme.language, chart.words == .chinese ? "zh" : "other"].joined(separator: "\u{1F}")
    for r in chart.rows {
        text += "\u{1E}\(r.township)\u{1F}\(r.year.map(String.init) ?? "")\u{1F}\(r.indicator ?? "")\u{1F}"
        text += "\(r.value.map { "\($0)" } ?? "-")\u{1F}\(r.flags.rawValue)\u{1F}\(r.submitted)"
    }
    return ContentHash.fnv1a(Data(text.utf8))
}

/// A hash of a briefing sheet's content: its words, tiles and its two charts.
public func briefingDigest(_ sheet: BriefingSheet) -> String {
    var text = "\(drawingVersion)|briefing|\(sheet.width)x\(sheet.height)|" + [sheet.title, sheet.subtitle ?? "", sheet.sourceLine ?? "",
                                                                              sheet.watermark ?? ""].joined(separator: "\u{1F}")
    for t in sheet.tiles {
        text += "\u{1E}" + [t.label, t.value, t.change ?? "", t.coverage ?? "", t.note ?? "", "\(t.flagged)"].joined(separator: "\u{1F}")
    }
    text += "\u{1E}" + sheet.findings.joined(separator: "\u{1F}")
    for chart in [sheet.trend, sheet.ranking] {
        text += "\u{1E}" + (chart.map { chartDigest($0, width: 0, height: 0, format: .png) } ?? "-")
    }
    return ContentHash.fnv1a(Data(text.utf8))
}
