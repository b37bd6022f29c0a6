import Foundation

extension Builder {
    /// Legend items (swatch + text) in rows from the right edge; returns the height used.
    @discardableResult
    func legend(_ items: [(String, Color)], right: Double, top: Double, maxWidth: Double, avoid: Rect? = nil) -> Double {
        let sw = tickFont.size * 0.9
        let lh = lineHeight(tickFont)
        var rows: [[(String, Color, Double)]] = [[]]
        var rowW = 0.0
        for (s, c) in items {
            let w = sw + gap / 2 + engine.width(s, tickFont)
            if rowW + w > maxWidth && !rows[rows.count - 1].isEmpty { rows.append([]); rowW = 0 }
            rows[rows.count - 1].append((s, c, w)); rowW += w + 2 * gap
        }
        var y = top
        for row in rows {
            let total = row.reduce(0) { $0 + $1.2 } + Double(max(0, row.count - 1)) * 2 * gap
            var x = right - total
            for (s, c, w) in row {
                marks.append(.rect(Rect(x: x, y: y + (lh - sw) / 2, w: sw, h: sw), fill: c, stroke: nil, lineWidth: 0))
                text(s, x + sw + gap / 2, y + lh / 2, .start, .middle, font: tickFont, color: theme.mutedText)
                x += w + 2 * gap
            }
            y += lh
        }
        return y - top
    }

    func yearColors(_ n: Int) -> [Color] {
        let seq = theme.sequential
        if n == 1 { return [SequentialColorScale.ramp(seq, 0.75)] }
        return (0..<n).map { SequentialColorScale.ramp(seq, 0.35 + 0.65 * Double($0) / Double(n - 1)) }
    }

    func buildGrouped() -> String {
        let table = YearTable(chart.rows)
        let plot = frame(note: flagNote(table.flagsUsed, markers: false))
        guard !table.townships.isEmpty, plot.h > 60 * k else { emptyMessage(plot); return "分组柱状图：无数据。" }
        let years = Array(table.years.suffix(6))
        let tickH = lineHeight(tickFont)
        var top = plot.y
        // Header: unit at left, legend at right.
        let colors = yearColors(years.count)
        let unitW = unitText().map { engine.width($0, tickFont) + 3 * gap } ?? 0
        if let u = unitText() { text(u, plot.x, top, font: tickFont, color: theme.mutedText) }
        let lgH = legend(zip(years, colors).map { (words.year($0), $1) }, right: plot.maxX, top: top, maxWidth: plot.w - unitW)
        top += max(tickH, lgH) + gap
        let areaTop = top + tickH / 2
        let vals = table.townships.flatMap { t in years.compactMap { table.values[t]?[$0]?.0 } }
        let (lo, hi) = valueDomain(vals, zero: true)
        // First with one line of names under the axis, to find the band width; then with the room the names need.
        var areaBottom = plot.maxY - tickH - gap
        var ticks = verticalTicks(lo, hi, length: areaBottom - areaTop, integer: integerData)
        var yLabW = yLabelWidth(ticks)
        var area = Rect(x: plot.x + yLabW + gap, y: areaTop, w: plot.w - yLabW - gap, h: areaBottom - areaTop)
        // Townships that fit: at least 3 px per bar and a group no narrower than one line of text.
        let minGroup = max(Double(years.count) * 3 * k / 0.8, tickFont.size * 1.4)
        let cap = max(1, Int(area.w / minGroup))
        var towns = table.townships
        var omitted = 0
        if towns.count > cap {
            towns = towns.sorted { (table.latest($0)?.1 ?? 0) > (table.latest($1)?.1 ?? 0) }
            omitted = towns.count - cap
            towns = Array(towns.prefix(cap))
        }
        // Names under the groups: upright when they fit, else turned, taking at most 30 % of the plot's height.
        let provisional = BandScale(count: towns.count, range: (area.x, area.maxX), padding: 0.2)
        let names = bandLabels(towns, step: provisional.step * 0.97, font: tickFont, depth: max(2 * tickFont.size, (plot.h - tickH) * 0.3)) {
            provisional.center($0) - plot.x
        }
        if names.rotation != 0 {
            areaBottom = plot.maxY - names.height - gap
            ticks = verticalTicks(lo, hi, length: areaBottom - areaTop, integer: integerData)
            yLabW = yLabelWidth(ticks)
            area = Rect(x: plot.x + yLabW + gap, y: areaTop, w: plot.w - yLabW - gap, h: areaBottom - areaTop)
        }
        let ys = LinearScale(domain: (ticks.first!, ticks.last!), range: (area.maxY, area.y))
        yAxis(area, ys, ticks)
        let groups = BandScale(count: towns.count, range: (area.x, area.maxX), padding: 0.2)
        let barW = groups.bandwidth / Double(years.count)
        let mark = FontSpec(size: tickFont.size * 0.9)
        for (i, t) in towns.enumerated() {
            for (j, yr) in years.enumerated() {
                guard let (v, f) = table.values[t]?[yr] else { continue }
                let x = groups.start(i) + Double(j) * barW
                let a = ys(0), b = ys(v)
                marks.append(.rect(Rect(x: x, y: min(a, b), w: max(0.5, barW - (barW > 4 ? 1 : 0)), h: abs(a - b)), fill: colors[j], stroke: nil, lineWidth: 0))
                let sfx = flagSuffix(f)
                if !sfx.isEmpty && engine.width(sfx, mark) <= barW + 2 {
                    text(sfx, x + barW / 2, min(a, b) - 1, .middle, .bottom, font: mark, color: theme.text)
                }
            }
        }
        for (i, s) in names.texts.enumerated() where i % names.every == 0 {
            if names.rotation == 0 {
                text(s, groups.center(i), area.maxY + gap, .middle, .top, font: tickFont, color: theme.text)
            } else {
                text(s, groups.center(i), area.maxY + gap, .end, .middle, font: tickFont, color: theme.text, rotation: names.rotation)
            }
        }
        var d = "分组柱状图：\(table.townships.count)个乡镇\(yearSpan(years))各年的\(chart.title)。"
        if table.years.count > years.count { d += "只画出最近\(years.count)年。" }
        if omitted > 0 {
            d += "只画出最近一年数值最高的\(towns.count)个乡镇，另有\(omitted)个未画出。"
            omission = words.onlyTopDrawn.replacingOccurrences(of: "{shown}", with: String(towns.count))
                .replacingOccurrences(of: "{all}", with: String(table.townships.count))
        }
        return d
    }
}
