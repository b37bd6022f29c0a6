import Foundation

extension Builder {
    func cellLabel(_ v: Double, _ f: ValueFlags, decimals: Int) -> String {
        if style == .number && abs(v) >= 1e4 { return label(v, f) }
        return f.qualify(NumberFormat.grouped(v, decimals: decimals) + (style == .percent ? "%" : ""),
                         english: words.englishQualifiers) + markSuffix(f)
    }

    /// A cell's label that fits its width: the full figure, then smaller type down to 60 %, then the
    /// figure abbreviated (1.2万, no decimals); a number never vanishes from its cell.
    func fittedCell(_ v: Double, _ f: ValueFlags, decimals: Int, font: FontSpec, width: Double) -> (String, FontSpec) {
        let full = cellLabel(v, f, decimals: decimals)
        let short = f.qualify(NumberFormat.value(v, style: style, maxDecimals: 0,
                                                 magnitudes: words.magnitudes + [ChartWords.Magnitude(1e3, words.thousand)]),
                              english: words.englishQualifiers) + markSuffix(f)
        var candidates: [(String, FontSpec)] = []
        for scale in [1.0, 0.85, 0.7, 0.6] {
            let fs = FontSpec(size: font.size * scale, bold: font.bold)
            candidates.append((full, fs))
        }
        candidates.append((short, FontSpec(size: font.size * 0.7, bold: font.bold)))
        candidates.append((short, FontSpec(size: font.size * 0.55, bold: font.bold)))
        return candidates.first { engine.width($0.0, $0.1) <= width } ?? candidates.last!
    }

    func buildHeatmap() -> String {
        let indicators = chart.rows.compactMap(\.indicator).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let byIndicator = indicators.count > 1
        // Columns and cells.
        var columns: [String] = []
        var towns: [String] = []
        var cells: [String: [Int: (Double, ValueFlags)]] = [:]
        var flags: ValueFlags = []
        var years: [Int] = []
        var unsent: [String: Set<Int>] = [:]  // township → columns of 未报送
        if byIndicator {
            let year = chart.year ?? chart.rows.compactMap(\.year).max()
            columns = indicators
            for r in chart.rows where r.year == nil || r.year == year {
                guard let ind = r.indicator, let ci = indicators.firstIndex(of: ind) else { continue }
                if !towns.contains(r.township) { towns.append(r.township) }
                if let v = r.value, v.isFinite { cells[r.township, default: [:]][ci] = (v, r.flags); flags.formUnion(r.flags) }
                else if !r.submitted { unsent[r.township, default: []].insert(ci) }
            }
            if let y = year { years = [y] }
        } else {
            let t = YearTable(chart.rows)
            years = t.years
            columns = years.map { words.year($0) }
            towns = t.townships.sorted { (t.latest($0)?.1 ?? 0) > (t.latest($1)?.1 ?? 0) } + t.onlyUnsent
            for (tn, m) in t.values { for (y, v) in m { cells[tn, default: [:]][years.firstIndex(of: y)!] = v } }
            for (tn, ys) in t.unsent { unsent[tn] = Set(ys.compactMap { years.firstIndex(of: $0) }) }
            flags = t.flagsUsed
        }
        let plot = frame(note: flagNote(flags, markers: false))
        guard !towns.isEmpty, !columns.isEmpty, plot.h > 60 * k else { emptyMessage(plot); return "热力图：无数据。" }
        let tickH = lineHeight(tickFont)
        var top = plot.y
        if let u = unitText(), !byIndicator { text(u, plot.x, top, font: tickFont, color: theme.mutedText); top += tickH + gap }
        // Column headers: upright when they fit the column, else turned (known once the column width is).
        let barW = 12 * k
        let maxNameW = min(W * 0.25, 9 * labelFont.size)
        let nameW = min(maxNameW, towns.map { engine.width($0, labelFont) }.max() ?? 0)
        let cbW0 = barW + gap + (byIndicator ? [words.high, words.low].map { engine.width($0, tickFont) }.max()! : engine.width("100.0万", tickFont))
        let cellW0 = (plot.w - nameW - gap - cbW0 - 3 * gap) / Double(columns.count)
        let gridX0 = plot.x + nameW + gap
        let headers = bandLabels(columns, step: cellW0 - 2, font: tickFont, depth: max(2 * tickFont.size, (plot.maxY - top) * 0.35)) {
            plot.maxX - (gridX0 + cellW0 * (Double($0) + 0.5))
        }
        let headerH = headers.height + gap
        let gridH = plot.maxY - top - headerH
        let cellH0 = min(gridH / Double(towns.count), labelFont.size * 2.4)
        let cbH = max(10, min(gridH - tickH, max(120 * k, min(220 * k, cellH0 * Double(towns.count) - tickH / 2))))
        // Colour per column (indicators each on their own range) or shared with the colour bar's ticks.
        var ranges: [Int: (Double, Double)] = [:]
        let all = cells.values.flatMap { $0.values.map(\.0) }
        let sharedTicks = byIndicator ? [] : Ticks.nice(all.min() ?? 0, all.max() ?? 1, target: max(2, min(6, Int(cbH / (tickH * 1.6)))), integer: integerData)
        for c in 0..<columns.count {
            if byIndicator {
                let v = cells.values.compactMap { $0[c]?.0 }
                ranges[c] = (v.min() ?? 0, v.max() ?? 1)
            } else {
                ranges[c] = (sharedTicks.first!, sharedTicks.last!)
            }
        }
        // Colour bar on the right.
        let ctLabels = byIndicator ? [words.high, words.low] : tickLabels(sharedTicks)
        let cbLabelW = ctLabels.map { engine.width($0, tickFont) }.max() ?? 0
        let cbW = barW + gap + cbLabelW
        let grid = Rect(x: plot.x + nameW + gap, y: top + headerH, w: plot.w - nameW - gap - cbW - 3 * gap, h: plot.maxY - top - headerH)
        let cellW = grid.w / Double(columns.count)
        let cellH = min(grid.h / Double(towns.count), labelFont.size * 2.4)
        // Column headers.
        for (c, name) in headers.texts.enumerated() where c % headers.every == 0 {
            let cx = grid.x + cellW * (Double(c) + 0.5)
            if headers.rotation == 0 {
                text(engine.fit(name, tickFont, maxWidth: cellW - 2), cx, top, .middle, .top, font: tickFont, color: theme.mutedText)
            } else {
                text(name, cx, grid.y - gap, .start, .middle, font: tickFont, color: theme.mutedText, rotation: headers.rotation)
            }
        }
        // One number of decimals per column (0 or 1), so a column reads as a table.
        var decimals: [Int: Int] = [:]
        for c in 0..<columns.count {
            let vs = cells.values.compactMap { $0[c]?.0 }
            decimals[c] = vs.contains { abs($0 - $0.rounded()) > 1e-9 } ? 1 : 0
        }
        let valueFont = FontSpec(size: min(labelFont.size, cellH / 1.25))
        let showValues = cellH >= tickFont.size * 1.1
        let every = max(1, Int((labelFont.size * 1.15 / cellH).rounded(.up)))
        for (r, t) in towns.enumerated() {
            let y = grid.y + cellH * Double(r)
            if r % every == 0 {
                let nf = every == 1 ? FontSpec(size: min(labelFont.size, cellH / 1.2)) : labelFont
                text(engine.fit(t, nf, maxWidth: nameW), grid.x - gap, y + cellH / 2, .end, .middle, font: nf)
            }
            for c in 0..<columns.count {
                let rect = Rect(x: grid.x + cellW * Double(c), y: y, w: cellW, h: cellH)
                let inner = Rect(x: rect.x + 0.5, y: rect.y + 0.5, w: max(0.1, rect.w - 1), h: max(0.1, rect.h - (cellH > 3 ? 1 : 0)))
                guard let (v, f) = cells[t]?[c] else {
                    marks.append(.rect(inner, fill: theme.missing, stroke: nil, lineWidth: 0))
                    let word = unsent[t]?.contains(c) == true && engine.width(words.notSubmitted, valueFont) <= cellW - 4 ? words.notSubmitted : "—"
                    if showValues && cellW > valueFont.size * 2 { text(word, rect.x + cellW / 2, rect.y + cellH / 2, .middle, .middle, font: valueFont, color: theme.mutedText) }
                    continue
                }
                let fill = SequentialColorScale(domain: ranges[c]!, colors: theme.sequential)(v)
                marks.append(.rect(inner, fill: fill, stroke: nil, lineWidth: 0))
                if showValues {
                    let (s, font) = fittedCell(v, f, decimals: decimals[c]!, font: valueFont, width: cellW - 4)
                    text(s, rect.x + cellW / 2, rect.y + cellH / 2, .middle, .middle, font: font,
                         color: fill.luminance < 0.3 ? Color(r: 1, g: 1, b: 1) : theme.text)
                }
            }
        }
        // Colour bar.
        let cbX = plot.maxX - cbW
        let cbTop = grid.y + tickH / 2
        let steps = 32
        for i in 0..<steps {
            let t0 = Double(i) / Double(steps)
            marks.append(.rect(Rect(x: cbX, y: cbTop + cbH * (1 - t0 - 1 / Double(steps)), w: barW, h: cbH / Double(steps) + 0.3),
                               fill: SequentialColorScale.ramp(theme.sequential, t0 + 0.5 / Double(steps)), stroke: nil, lineWidth: 0))
        }
        if byIndicator {
            text(words.high, cbX + barW + gap, cbTop, .start, .middle, font: tickFont, color: theme.mutedText)
            text(words.low, cbX + barW + gap, cbTop + cbH, .start, .middle, font: tickFont, color: theme.mutedText)
        } else if let lo = sharedTicks.first, let hi = sharedTicks.last {
            let s = LinearScale(domain: (lo, hi), range: (cbTop + cbH, cbTop))
            // Re-scale the bar to the tick range: colours follow the data range.
            for (i, t) in sharedTicks.enumerated() {
                text(ctLabels[i], cbX + barW + gap, s(t), .start, .middle, font: tickFont, color: theme.mutedText)
                hline(cbX + barW - 3 * k, cbX + barW, crisp(s(t)), color: theme.background)
            }
        }
        if byIndicator {
            return "热力图：\(towns.count)个乡镇\(years.first.map { "\($0)年" } ?? "")的\(columns.count)项指标（\(columns.joined(separator: "、"))），每项指标按各自的最小值到最大值着色。"
        }
        return "热力图：\(towns.count)个乡镇\(yearSpan(years))的\(chart.title)，颜色越深数值越大，最小\(NumberFormat.value(all.min() ?? 0, style: style))，最大\(NumberFormat.value(all.max() ?? 0, style: style))。"
    }
}
