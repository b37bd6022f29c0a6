import Foundation

extension Builder {
    func buildSmallMultiples() -> String {
        let table = YearTable(chart.rows)
        let plot = frame(note: flagNote(table.flagsUsed, markers: true))
        guard !table.townships.isEmpty, plot.h > 60 * k else { emptyMessage(plot); return "小多图：无数据。" }
        let tickH = lineHeight(tickFont)
        var top = plot.y
        if let u = unitText() { text(u, plot.x, top, font: tickFont, color: theme.mutedText); top += tickH + gap }
        let (lo, hi) = valueDomain(table.allValues, zero: false)
        let ticks = Ticks.nice(lo, hi, target: 3, integer: integerData)
        let yLabW = yLabelWidth(ticks)
        let region = Rect(x: plot.x + yLabW + gap, y: top, w: plot.w - yLabW - gap, h: plot.maxY - top)
        // Grid of panels: as square-ish as the region allows, panels at least 90×60 (scaled).
        let minW = 90 * k, minH = 60 * k + 2 * tickH
        let maxCols = max(1, Int(region.w / minW)), maxRows = max(1, Int(region.h / minH))
        var towns = table.townships
        var omitted = 0
        if towns.count > maxCols * maxRows {
            towns = towns.sorted { (table.latest($0)?.1 ?? 0) > (table.latest($1)?.1 ?? 0) }
            omitted = towns.count - maxCols * maxRows
            towns = Array(towns.prefix(maxCols * maxRows))
        }
        let n = towns.count
        var cols = min(maxCols, max(1, Int((Double(n) * region.w / region.h / 1.6).squareRoot().rounded(.up))))
        while (n + cols - 1) / cols > maxRows { cols += 1 }
        cols = min(cols, n)
        let rows = (n + cols - 1) / cols
        let hgap = 3 * gap, vgap = gap
        let pw = (region.w - hgap * Double(cols - 1)) / Double(cols)
        let ph = (region.h - vgap * Double(rows - 1)) / Double(rows)
        let first = table.years.first!, last = table.years.last!
        let nameFont = FontSpec(size: labelFont.size, bold: true)
        let halfYear = engine.width(widestYearLabel, tickFont) / 2 + 1
        for (i, t) in towns.enumerated() {
            let r = i / cols, c = i % cols
            let px = region.x + Double(c) * (pw + hgap), py = region.y + Double(r) * (ph + vgap)
            let hasBelow = i + cols < n
            text(engine.fit(t, nameFont, maxWidth: pw), px, py, font: nameFont)
            let area = Rect(x: px, y: py + tickH + gap / 2 + tickH / 2, w: pw, h: ph - tickH - gap / 2 - tickH / 2 - (hasBelow ? tickH / 2 : tickH + gap))
            let ys = LinearScale(domain: (ticks.first!, ticks.last!), range: (area.maxY, area.y))
            yAxis(area, ys, ticks, labels: c == 0)
            let xs = YearScale(first: first, last: last, range: (area.x + halfYear, area.maxX - halfYear))
            if !hasBelow {
                let yw = engine.width(widestYearLabel, tickFont)
                let shown = first == last || xs(last) - xs(first) < yw + gap ? [last] : [first, last]
                for yr in shown { text(words.year(yr), xs(yr), area.maxY + gap / 2, .middle, .top, font: tickFont, color: theme.mutedText) }
            }
            yearLine(table.values[t]!, years: table.years, x: { xs($0) }, y: ys, color: theme.bar, width: theme.lineWidth * k, markers: false)
            // Flagged values and the last value get markers.
            for (yr, (v, f)) in table.values[t]!.sorted(by: { $0.key < $1.key }) where !f.isEmpty || yr == table.latest(t)?.0 {
                marker(Point(xs(yr), ys(v)), color: theme.bar, flags: f, radius: theme.markerRadius * k * 0.8)
            }
        }
        var d = "小多图：\(table.townships.count)个乡镇\(yearSpan(table.years))的\(chart.title)，每个乡镇一幅，纵轴相同。"
        if omitted > 0 {
            d += "只画出最近一年数值最高的\(towns.count)个乡镇，另有\(omitted)个未画出。"
            omission = words.onlyTopDrawn.replacingOccurrences(of: "{shown}", with: String(towns.count))
                .replacingOccurrences(of: "{all}", with: String(table.townships.count))
        }
        return d
    }
}
