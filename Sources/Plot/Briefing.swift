import Foundation

// A one-page briefing sheet (指标简报) that a county office prints: A4 landscape, a header, up to three
// headline tiles, a trend chart and a ranking chart, the consistency findings and the source line.
//
//     let sheet = BriefingSheet(title: "湛江市2024年镇街法治政府建设指标简报", subtitle: "…",
//                               tiles: [BriefingTile(label: "矛盾纠纷化解率", value: "96.5%", change: "较上年 +1.2 个百分点",
//                                                    coverage: "12/15个镇街报告")],
//                               trend: trendChart, ranking: rankChart, findings: ["…"], sourceLine: "资料来源：…")
//     try renderBriefing(sheet, format: .pdf).write(to: url)

/// One headline figure at the top of the sheet.
public struct BriefingTile: Sendable {
    /// "矛盾纠纷化解率"
    public var label: String
    /// "96.5%"
    public var value: String
    /// "较上年 +1.2 个百分点"
    public var change: String?
    /// "12/15个镇街报告"
    public var coverage: String?
    /// A short note under the figure, e.g. "含2个推算值".
    public var note: String?
    /// Draws the tile's accent and note in the warning colour (e.g. low coverage, a break in the series).
    public var flagged: Bool

    public init(label: String, value: String, change: String? = nil, coverage: String? = nil, note: String? = nil, flagged: Bool = false) {
        self.label = label
        self.value = value
        self.change = change
        self.coverage = coverage
        self.note = note
        self.flagged = flagged
    }
}

/// The fixed words of the sheet, so that a caller can print it in another language.
public struct BriefingLabels: Sendable {
    /// Heading of the findings list.
    public var findings = "数据一致性检查"
    /// Shown when there are no findings.
    public var noFindings = "未发现前后不一致的数据。"
    /// The last line when not all findings fit; "{n}" is the number left out.
    public var moreFindings = "另有{n}条，详见数据核对清单……"
    /// Before each finding.
    public var bullet = "·"

    public init() {}

    public static let chinese = BriefingLabels()
    public static var english: BriefingLabels {
        var l = BriefingLabels()
        l.findings = "Consistency checks"
        l.noFindings = "No inconsistent figures found."
        l.moreFindings = "{n} more, see the full list…"
        return l
    }
}

public struct BriefingSheet: Sendable {
    /// "湛江市2024年镇街法治政府建设指标简报"
    public var title: String
    public var subtitle: String?
    /// Up to three are drawn.
    public var tiles: [BriefingTile]
    /// Drawn at the left, laid out by `layout(_:width:height:)` into its rectangle.
    public var trend: Chart?
    /// Drawn at the right.
    public var ranking: Chart?
    /// Consistency findings, one sentence each; as many as fit are listed, long ones shortened.
    public var findings: [String]
    public var sourceLine: String?
    /// "示例数据": a badge in the header of the sheet.
    public var watermark: String?
    public var labels: BriefingLabels
    public var theme: Theme
    /// In points; A4 landscape by default.
    public var width: Double
    public var height: Double

    public init(title: String, subtitle: String? = nil, tiles: [BriefingTile] = [], trend: Chart? = nil, ranking: Chart? = nil,
                findings: [String] = [], sourceLine: String? = nil, watermark: String? = nil,
                labels: BriefingLabels = BriefingLabels(), theme: Theme = Theme(),
                width: Double = PageSize.a4Landscape.width, height: Double = PageSize.a4Landscape.height) {
        self.title = title
        self.subtitle = subtitle
        self.tiles = tiles
        self.trend = trend
        self.ranking = ranking
        self.findings = findings
        self.sourceLine = sourceLine
        self.watermark = watermark
        self.labels = labels
        self.theme = theme
        self.width = width
        self.height = height
    }
}

/// Lays the sheet out as one scene in points.
public func layoutBriefing(_ sheet: BriefingSheet) throws -> Scene {
    let W = sheet.width, H = sheet.height
    guard W.isFinite, H.isFinite, W >= 400, H >= 280, W <= 5000, H <= 5000 else {
        throw PlotError("briefing size \(W)×\(H) is out of range (400×280 to 5000×5000)")
    }
    let theme = sheet.theme
    let engine = TextEngine.forThisThread(fontList: theme.fontList, language: theme.language)
    // A builder for its text helpers and the watermark badge; the page has no chart of its own.
    let b = Builder(chart: Chart(kind: .trend, title: sheet.title, rows: [], theme: theme), width: W, height: H, engine: engine)
    let s = min(W / 1000, H / 700)  // type scale: 0.84 on A4 landscape
    let margin = 38 * s
    let gap = 6 * s
    let titleFont = FontSpec(size: theme.titleSize * s, bold: true)
    let subtitleFont = FontSpec(size: theme.subtitleSize * s * 0.8)
    let labelFont = FontSpec(size: theme.labelSize * s)
    let valueFont = FontSpec(size: theme.titleSize * s * 1.3, bold: true)
    let smallFont = FontSpec(size: theme.tickSize * s * 0.95)
    let noteFont = FontSpec(size: theme.noteSize * s * 0.95)
    let headingFont = FontSpec(size: theme.labelSize * s, bold: true)
    let findingFont = FontSpec(size: theme.tickSize * s * 0.95)
    let accent = theme.bar
    let warning = theme.categorical.count > 1 ? theme.categorical[1] : accent
    let contentW = W - 2 * margin
    func lh(_ f: FontSpec) -> Double { engine.size("国Ag", f).h }

    // Header: title (and the badge at its right), subtitle, a rule in the accent colour.
    var y = margin
    var badge: Rect?
    if let wm = sheet.watermark?.nilIfEmpty {
        badge = b.watermarkBadge(wm, right: W - margin, centerY: y + lh(titleFont) / 2, maxWidth: contentW * 0.3, font: smallFont)
    }
    let besideBadge = badge.map { contentW - $0.w - 3 * gap } ?? contentW
    for line in engine.wrap(sheet.title, titleFont, maxWidth: besideBadge, maxLines: 2) {
        y += b.text(line, margin, y, font: titleFont).height
    }
    if let sub = sheet.subtitle?.nilIfEmpty {
        for line in engine.wrap(sub, subtitleFont, maxWidth: y < (badge?.maxY ?? 0) ? besideBadge : contentW, maxLines: 2) {
            y += b.text(line, margin, y, font: subtitleFont, color: theme.mutedText).height
        }
    }
    if let bd = badge { y = max(y, bd.maxY) }
    y += gap
    b.marks.append(.rect(Rect(x: margin, y: y, w: contentW, h: 2 * s), fill: accent, stroke: nil, lineWidth: 0))
    y += 2 * s + 2 * gap

    // Footer, from the bottom: source line over a hairline.
    var bottom = H - margin
    if let src = sheet.sourceLine?.nilIfEmpty {
        for line in engine.wrap(src, noteFont, maxWidth: contentW, maxLines: 2).reversed() {
            bottom -= b.text(line, margin, bottom, .start, .bottom, font: noteFont, color: theme.mutedText).height
        }
        bottom -= gap / 2
        b.marks.append(.line([Point(margin, b.crisp(bottom)), Point(W - margin, b.crisp(bottom))], color: theme.grid, width: 1, dash: []))
        bottom -= gap
    }

    // Tiles: equal widths, a thin accent bar on the left, the figure large.
    let tiles = Array(sheet.tiles.prefix(3))
    var tileDescriptions: [String] = []
    if !tiles.isEmpty {
        let tgap = 3 * gap
        let tw = (contentW - tgap * Double(tiles.count - 1)) / Double(tiles.count)
        let pad = 2 * gap
        let bar = 3 * s
        let innerW = tw - 2 * pad - bar
        let hasChange = tiles.contains { $0.change?.nilIfEmpty != nil }
        let hasCoverage = tiles.contains { $0.coverage?.nilIfEmpty != nil }
        let hasNote = tiles.contains { $0.note?.nilIfEmpty != nil }
        var th = pad + lh(labelFont) + lh(valueFont) + pad * 0.5
        if hasChange { th += lh(smallFont) }
        if hasCoverage || hasNote { th += lh(noteFont) }
        if hasCoverage && hasNote { th += lh(noteFont) }
        for (i, tile) in tiles.enumerated() {
            let x = margin + Double(i) * (tw + tgap)
            let tint = theme.background.mix(tile.flagged ? warning : accent, 0.05)
            b.marks.append(.rect(Rect(x: x, y: y, w: tw, h: th), fill: tint, stroke: nil, lineWidth: 0))
            b.marks.append(.rect(Rect(x: x, y: y, w: bar, h: th), fill: tile.flagged ? warning : accent, stroke: nil, lineWidth: 0))
            let tx = x + bar + pad
            var ty = y + pad * 0.75
            ty += b.text(engine.fit(tile.label, labelFont, maxWidth: innerW), tx, ty, font: labelFont, color: theme.mutedText).height
            ty += b.text(engine.fit(tile.value, valueFont, maxWidth: innerW), tx, ty, font: valueFont, color: theme.text).height
            if let c = tile.change?.nilIfEmpty {
                b.text(engine.fit(c, smallFont, maxWidth: innerW), tx, ty, font: smallFont, color: theme.text)
            }
            if hasChange { ty += lh(smallFont) }
            if let c = tile.coverage?.nilIfEmpty {
                ty += b.text(engine.fit(c, noteFont, maxWidth: innerW), tx, ty, font: noteFont, color: theme.mutedText).height
            }
            if let n = tile.note?.nilIfEmpty {
                b.text(engine.fit(n, noteFont, maxWidth: innerW), tx, ty, font: noteFont, color: tile.flagged ? b.ink(warning) : theme.mutedText)
            }
            tileDescriptions.append([tile.label + tile.value, tile.change, tile.coverage, tile.note].compactMap { $0?.nilIfEmpty }.joined(separator: "，"))
        }
        y += th + 3 * gap
    }

    // Findings: a heading and one line each, as many as fit under the charts (at most five).
    let findLH = lh(findingFont)
    let headH = lh(headingFont)
    let chartMinH = min(200 * s, max(0, bottom - y - headH - findLH - 2 * gap))
    let roomLines = max(1, Int(((bottom - y - chartMinH - headH - 2 * gap) / findLH).rounded(.down)))
    let wanted = max(1, sheet.findings.count)
    let lines = min(wanted, roomLines, 5)
    let findingsH = headH + Double(lines) * findLH
    let findingsTop = bottom - findingsH
    var shown: [String] = []
    if sheet.findings.isEmpty {
        shown = [sheet.labels.noFindings]
    } else if sheet.findings.count <= lines {
        shown = sheet.findings.map { sheet.labels.bullet + " " + $0 }
    } else {
        shown = sheet.findings.prefix(lines - 1).map { sheet.labels.bullet + " " + $0 }
        shown.append(sheet.labels.moreFindings.replacingOccurrences(of: "{n}", with: String(sheet.findings.count - (lines - 1))))
    }
    b.text(engine.fit(sheet.labels.findings, headingFont, maxWidth: contentW), margin, findingsTop, font: headingFont, color: theme.text)
    for (i, f) in shown.enumerated() {
        let muted = sheet.findings.isEmpty || (sheet.findings.count > lines && i == shown.count - 1)
        b.text(engine.fit(f, findingFont, maxWidth: contentW - gap), margin + gap, findingsTop + headH + Double(i) * findLH,
               font: findingFont, color: muted ? theme.mutedText : theme.text)
    }

    // Charts: side by side between the tiles and the findings, laid out by the chart layout in their rectangles.
    let chartsTop = y
    let chartsBottom = findingsTop - 2 * gap
    let cgap = 4 * gap
    let charts = [sheet.trend, sheet.ranking].compactMap { $0 }
    var chartDescriptions: [String] = []
    if !charts.isEmpty, chartsBottom - chartsTop >= 80 {
        let cw = (contentW - cgap * Double(charts.count - 1)) / Double(charts.count)
        for (i, chart) in charts.enumerated() {
            var c = chart
            // Smaller type than a chart on its own page, so that the sheet's title leads; no margin of its own.
            c.theme.titleSize = min(c.theme.titleSize, 16)
            c.theme.subtitleSize = min(c.theme.subtitleSize, 12.5)
            c.theme.labelSize = min(c.theme.labelSize, 12)
            c.theme.tickSize = min(c.theme.tickSize, 11)
            c.theme.noteSize = min(c.theme.noteSize, 10.5)
            c.theme.margin = 0
            if c.watermark == sheet.watermark { c.watermark = nil }
            let x = margin + Double(i) * (cw + cgap)
            let scene = try layout(c, width: max(120, cw), height: max(80, chartsBottom - chartsTop))
            b.marks += scene.marks(placedAt: Point(x, chartsTop), onBackground: theme.background)
            chartDescriptions.append(scene.description)
            if i > 0 {
                b.marks.append(.line([Point(b.crisp(x - cgap / 2), chartsTop), Point(b.crisp(x - cgap / 2), chartsBottom)],
                                     color: theme.grid, width: 1, dash: []))
            }
        }
    }

    var desc = sheet.title + "。"
    if let s = sheet.subtitle?.nilIfEmpty { desc += s + (s.hasSuffix("。") ? "" : "。") }
    if !tileDescriptions.isEmpty { desc += tileDescriptions.joined(separator: "；") + "。" }
    desc += chartDescriptions.joined()
    if !sheet.findings.isEmpty { desc += sheet.labels.findings + "：" + sheet.findings.joined(separator: "；") + (sheet.findings.last!.hasSuffix("。") ? "" : "。") }
    if let src = sheet.sourceLine?.nilIfEmpty { desc += src }
    return Scene(width: W, height: H, background: theme.background, fontList: theme.fontList, language: theme.language,
                 marks: b.marks, title: sheet.title, description: watermarked(desc, sheet.watermark))
}

/// Draws the sheet: PDF and SVG in points (one A4 page), PNG at `scale` pixels per point.
public func renderBriefing(_ sheet: BriefingSheet, format: OutputFormat, scale: Double = 2, pngLevel: Int = 3) throws -> RenderedChart {
    guard scale.isFinite, scale > 0, scale <= 8 else { throw PlotError("scale \(scale) is out of range (0–8)") }
    let scene = try layoutBriefing(sheet)
    return RenderedChart(format: format, data: try draw(scene, format: format, scale: scale, pngLevel: pngLevel), description: scene.description)
}
