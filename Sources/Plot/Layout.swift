import Foundation

/// Builds a scene: measures text with Pango, places marks in device units.
final class Builder {
    let chart: Chart
    let theme: Theme
    let engine: TextEngine
    let W: Double, H: Double
    /// Size factor: theme sizes are for a 1000×625 chart.
    let k: Double
    var marks: [Mark] = []
    let titleFont: FontSpec, subtitleFont: FontSpec, labelFont: FontSpec, tickFont: FontSpec, noteFont: FontSpec, boldLabel: FontSpec
    let margin: Double
    let gap: Double
    let style: ValueStyle
    /// A note about townships left out, drawn in the footer (known from an earlier pass).
    var plannedOmission: String?
    /// Set by a chart kind that left townships out.
    var omission: String?

    init(chart: Chart, width: Double, height: Double, engine: TextEngine) {
        self.chart = chart
        theme = chart.theme
        self.engine = engine
        W = width; H = height
        k = min(2.0, max(0.8, min(width / 1000, height / 625)))
        titleFont = FontSpec(size: theme.titleSize * k, bold: true)
        subtitleFont = FontSpec(size: theme.subtitleSize * k)
        labelFont = FontSpec(size: theme.labelSize * k)
        boldLabel = FontSpec(size: theme.labelSize * k, bold: true)
        tickFont = FontSpec(size: theme.tickSize * k)
        noteFont = FontSpec(size: theme.noteSize * k)
        margin = theme.margin * k
        gap = 6 * k
        style = chart.valueStyle
    }

    func lineHeight(_ f: FontSpec) -> Double { engine.size("国Ag", f).h }

    @discardableResult
    func text(_ s: String, _ x: Double, _ y: Double, _ anchor: HAnchor = .start, _ v: VAnchor = .top,
              font: FontSpec, color: Color? = nil, rotation: Double = 0) -> TextMark {
        let (w, h) = engine.size(s, font)
        let t = TextMark(text: s, x: x, y: y, anchor: anchor, vAnchor: v, font: font, color: color ?? theme.text, width: w, height: h, rotation: rotation)
        if !s.isEmpty { marks.append(.text(t)) }
        return t
    }

    func box(_ s: String, _ x: Double, _ y: Double, _ anchor: HAnchor, _ v: VAnchor, font: FontSpec) -> Rect {
        let (w, h) = engine.size(s, font)
        return TextMark(text: s, x: x, y: y, anchor: anchor, vAnchor: v, font: font, color: theme.text, width: w, height: h).box
    }

    func hline(_ x0: Double, _ x1: Double, _ y: Double, color: Color, width: Double = 1, dash: [Double] = []) {
        marks.append(.line([Point(x0, y), Point(x1, y)], color: color, width: width, dash: dash))
    }
    func vline(_ x: Double, _ y0: Double, _ y1: Double, color: Color, width: Double = 1, dash: [Double] = []) {
        marks.append(.line([Point(x, y0), Point(x, y1)], color: color, width: width, dash: dash))
    }
    /// Half-pixel aligned coordinate for crisp 1-unit lines.
    func crisp(_ v: Double) -> Double { (v - 0.5).rounded() + 0.5 }

    // MARK: values

    var words: ChartWords { chart.words }

    /// A value with the report's own words around it (约2500, 近1900, 1900余) and the marks * and †.
    func label(_ v: Double, _ flags: ValueFlags) -> String {
        flags.qualify(formatted(v), english: words.englishQualifiers) + markSuffix(flags)
    }
    /// Labels for values drawn side by side, each with as many decimals as tell them apart.
    func labels(_ values: [(Double, ValueFlags)]) -> [String] {
        let numbers = NumberFormat.distinct(values.map(\.0), style: style, magnitudes: words.magnitudes)
        return zip(numbers, values).map { n, v in v.1.qualify(n, english: words.englishQualifiers) + markSuffix(v.1) }
    }
    /// * for derived, † for corrected.
    func markSuffix(_ f: ValueFlags) -> String {
        (f.contains(.derived) ? "*" : "") + (f.contains(.corrected) ? "†" : "")
    }
    /// A value in the chart's words: 1.2万 in Chinese, 12,000 in English.
    func formatted(_ v: Double) -> String {
        NumberFormat.value(v, style: style, magnitudes: words.magnitudes)
    }
    func tickLabels(_ ticks: [Double]) -> [String] {
        NumberFormat.ticks(ticks, style: style, magnitudes: words.magnitudes)
    }
    /// The widest year label, for spacing year ticks.
    var widestYearLabel: String { words.year(2024) }
    /// The marks of a value drawn without its figure (above a bar): the qualifier's word alone, *, †.
    func flagSuffix(_ f: ValueFlags) -> String {
        var q = ""
        if f.contains(.approximate) {
            if words.englishQualifiers {
                q = f.contains(.moreThan) || f.contains(.atLeast) ? "+" : f.contains(.atMost) ? "≤" : f.contains(.lessThan) ? "<" : "~"
            } else {
                q = f.qualify("", english: false)
            }
        }
        return q + markSuffix(f)
    }

    /// Notes for the flags present, for labels (余 * †) or markers (hollow, diamond, square).
    func flagNote(_ flags: ValueFlags, markers: Bool) -> String? {
        var parts: [String] = []
        if markers {
            if flags.contains(.approximate) { parts.append(words.approximateMarker) }
            if flags.contains(.derived) { parts.append(words.derivedMarker) }
            if flags.contains(.corrected) { parts.append(words.correctedMarker) }
        } else {
            if flags.contains(.approximate) { parts.append(words.approximateLabel) }
            if flags.contains(.derived) { parts.append(words.derivedLabel) }
            if flags.contains(.corrected) { parts.append(words.correctedLabel) }
        }
        return parts.isEmpty ? nil : words.note + parts.joined(separator: words.noteSeparator) + words.noteEnd
    }

    func marker(_ p: Point, color: Color, flags: ValueFlags, radius: Double? = nil) {
        let r = radius ?? theme.markerRadius * k
        let lw = 1.5 * k
        if flags.contains(.derived) {
            marks.append(.marker(p, shape: .diamond, radius: r, fill: flags.contains(.approximate) ? theme.background : color, stroke: color, lineWidth: lw))
        } else if flags.contains(.corrected) {
            marks.append(.marker(p, shape: .square, radius: r * 0.9, fill: flags.contains(.approximate) ? theme.background : color, stroke: color, lineWidth: lw))
        } else if flags.contains(.approximate) {
            marks.append(.marker(p, shape: .circle, radius: r, fill: theme.background, stroke: color, lineWidth: lw))
        } else {
            marks.append(.marker(p, shape: .circle, radius: r, fill: color, stroke: nil, lineWidth: 0))
        }
    }

    /// Text in a line's colour, darkened when the colour is too light to read (Okabe–Ito yellow).
    func ink(_ c: Color) -> Color { c.luminance > 0.45 ? c.mix(Color(r: 0, g: 0, b: 0), 0.35) : c }

    // MARK: frame

    /// Title, subtitle, notes and source line; returns the area left for the plot.
    func frame(note: String?) -> Rect {
        var y = margin
        let maxW = W - 2 * margin
        // The watermark badge sits at the right of the first title line; the header wraps left of it.
        var badge: Rect?
        if let wm = chart.watermark?.nilIfEmpty {
            let firstLine = lineHeight(titleFont)
            badge = watermarkBadge(wm, right: W - margin, centerY: margin + firstLine / 2, maxWidth: maxW * 0.4, font: noteFont)
        }
        let besideBadge = badge.map { maxW - $0.w - 2 * gap } ?? maxW
        for line in engine.wrap(chart.title, titleFont, maxWidth: besideBadge, maxLines: 2) {
            let t = text(line, margin, y, font: titleFont)
            y += t.height
        }
        if let sub = chart.subtitle, !sub.isEmpty {
            y += 2 * k
            for line in engine.wrap(sub, subtitleFont, maxWidth: y < (badge?.maxY ?? 0) ? besideBadge : maxW, maxLines: 2) {
                let t = text(line, margin, y, font: subtitleFont, color: theme.mutedText)
                y += t.height
            }
        }
        if let b = badge { y = max(y, b.maxY) }
        y += 10 * k
        var bottom = H - margin
        var footer: [String] = []
        if let n = [note, plannedOmission].compactMap({ $0 }).joined(separator: " ").nilIfEmpty {
            footer += engine.wrap(n, noteFont, maxWidth: maxW, maxLines: 2)
        }
        if let s = chart.sourceLine, !s.isEmpty { footer += engine.wrap(s, noteFont, maxWidth: maxW, maxLines: 2) }
        for line in footer.reversed() {
            let t = text(line, margin, bottom, .start, .bottom, font: noteFont, color: theme.mutedText)
            bottom -= t.height
        }
        if !footer.isEmpty { bottom -= 8 * k }
        return Rect(x: margin, y: y, w: maxW, h: max(0, bottom - y))
    }

    /// A bordered badge (e.g. "示例数据") in muted colours, right-aligned at `right` and centred on `centerY`.
    /// Returns the badge's outer rectangle.
    @discardableResult
    func watermarkBadge(_ s: String, right: Double, centerY: Double, maxWidth: Double, font: FontSpec) -> Rect {
        let padX = font.size * 0.6
        let str = engine.fit(s, font, maxWidth: max(0, maxWidth - 2 * padX))
        let (w, h) = engine.size(str, font)
        let bh = min(h, font.size * 1.25) + font.size * 0.5
        let r = Rect(x: right - w - 2 * padX, y: centerY - bh / 2, w: w + 2 * padX, h: bh)
        let lw = max(1, k)
        marks.append(.rect(Rect(x: r.x + lw / 2, y: r.y + lw / 2, w: r.w - lw, h: r.h - lw), fill: theme.background, stroke: theme.axis, lineWidth: lw))
        text(str, r.x + padX, centerY, .start, .middle, font: font, color: theme.mutedText)
        // The text's logical box is taller than the border (CJK line gap): report the larger of the two.
        return Rect(x: r.x, y: min(r.y, centerY - h / 2), w: r.w, h: max(r.h, h))
    }

    func unitText() -> String? {
        guard let u = chart.unit, !u.isEmpty else { return nil }
        if style == .percent && (u == "%" || u == "％") { return words.unit + "%" }
        return words.unit + u
    }

    /// "无数据" (or another message) in the middle of the plot area.
    func emptyMessage(_ plot: Rect, _ message: String? = nil) {
        let message = message ?? words.noData
        marks.append(.rect(plot, fill: theme.missing, stroke: nil, lineWidth: 0))
        let f = FontSpec(size: theme.subtitleSize * k * 1.2, bold: true)
        text(engine.fit(message, f, maxWidth: plot.w), plot.x + plot.w / 2, plot.y + plot.h / 2, .middle, .middle, font: f, color: theme.mutedText)
    }

    /// Ticks for a horizontal value axis whose labels must not touch.
    func horizontalTicks(_ lo: Double, _ hi: Double, length: Double, integer: Bool) -> [Double] {
        var m = max(2, min(8, Int(length / (tickFont.size * 10))))
        while true {
            let t = Ticks.nice(lo, hi, target: m, integer: integer)
            let labels = tickLabels(t)
            let widest = labels.map { engine.width($0, tickFont) }.max() ?? 0
            let spacing = t.count > 1 ? length / Double(t.count - 1) : length
            if widest + 3 * gap <= spacing || m <= 2 { return t }
            m -= 1
        }
    }

    func verticalTicks(_ lo: Double, _ hi: Double, length: Double, integer: Bool) -> [Double] {
        let m = max(2, min(10, Int(length / (lineHeight(tickFont) * 3.2))))
        return Ticks.nice(lo, hi, target: m, integer: integer)
    }

    /// Year ticks that fit along `length` with their labels not touching.
    func yearTicks(_ first: Int, _ last: Int, length: Double) -> [Int] {
        let w = engine.width(widestYearLabel, tickFont) + 2 * gap
        return Ticks.years(first, last, maxTicks: max(1, Int(length / w) + 1))
    }

    // MARK: label placement

    /// How labels along a band axis are drawn: upright, or turned when they do not fit side by side.
    struct BandLabels {
        var rotation: Double
        /// Show every n-th label.
        var every: Int
        /// The labels, shortened where needed.
        var texts: [String]
        /// Height taken below (or above) the axis.
        var height: Double
    }

    /// Upright when every label fits its band; else turned −45° (or −90° when the bands are too narrow for
    /// that), each label shortened only to 12 characters' width, to the `depth` the axis may take, and to
    /// the room beside it that a −45° label leans into (`leftRoom(i)`).
    func bandLabels(_ names: [String], step: Double, font: FontSpec, depth: Double, leftRoom: (Int) -> Double) -> BandLabels {
        let lh = engine.size("国", font).h
        let ink = min(lh, font.size * 1.2)
        if names.allSatisfy({ engine.width($0, font) <= step - gap }) {
            return BandLabels(rotation: 0, every: 1, texts: names, height: lh)
        }
        let diag = (0.5).squareRoot()
        let longestAllowed = 12 * font.size
        if step * diag >= ink + gap / 2 {
            let maxLength = min(longestAllowed, depth / diag - ink / 2)
            // −45°: the label ends at the band centre and runs down to the left.
            let texts = names.enumerated().map { i, n in
                engine.fit(n, font, maxWidth: max(0, min(maxLength, leftRoom(i) / diag - ink / 2)))
            }
            let longest = texts.map { engine.width($0, font) }.max() ?? 0
            return BandLabels(rotation: -Double.pi / 4, every: 1, texts: texts, height: (longest + ink / 2) * diag + gap)
        }
        let every = max(1, Int(((ink + gap / 2) / step).rounded(.up)))
        let maxLength = min(longestAllowed, depth)
        let texts = names.map { engine.fit($0, font, maxWidth: maxLength) }
        let longest = texts.enumerated().filter { $0.offset % every == 0 }.map { engine.width($0.element, font) }.max() ?? 0
        return BandLabels(rotation: -Double.pi / 2, every: every, texts: texts, height: longest + gap)
    }

    /// 1-D placement: centres near `desired`, at least `h` apart, within [lo, hi].
    /// Labels that cannot fit are dropped (returns nil for them), lowest priority (largest index) first.
    static func spread(_ desired: [Double], height h: Double, lo: Double, hi: Double) -> [Double?] {
        let n = desired.count
        guard n > 0 else { return [] }
        let capacity = max(0, Int(((hi - lo) / h).rounded(.down)))
        let keep = Array(0..<min(n, capacity))
        var order = keep.sorted { desired[$0] < desired[$1] || (desired[$0] == desired[$1] && $0 < $1) }
        var pos = order.map { min(max(desired[$0], lo + h / 2), hi - h / 2) }
        // Iterate: push apart clusters around their mean.
        for _ in 0..<50 {
            var moved = false
            // forward
            for i in 1..<max(1, pos.count) where pos[i] - pos[i - 1] < h - 1e-9 {
                let mid = (pos[i] + pos[i - 1]) / 2
                pos[i - 1] = mid - h / 2; pos[i] = mid + h / 2; moved = true
            }
            // bounds
            if let l = pos.last, l > hi - h / 2 { pos[pos.count - 1] = hi - h / 2 }
            for i in stride(from: pos.count - 2, through: 0, by: -1) { pos[i] = min(pos[i], pos[i + 1] - h) }
            if !pos.isEmpty { pos[0] = max(pos[0], lo + h / 2) }
            for i in 1..<max(1, pos.count) { pos[i] = max(pos[i], pos[i - 1] + h) }
            if !moved { break }
        }
        var out = [Double?](repeating: nil, count: n)
        for (j, idx) in order.enumerated() { out[idx] = pos[j] }
        order.removeAll()
        return out
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
