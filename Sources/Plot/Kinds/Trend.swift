import Foundation

extension Builder {
    /// Townships in colour: the selection, or all when few, or the highest three and the lowest by latest value.
    func colouredTownships(_ townships: [String], latest: (String) -> Double?) -> [String] {
        let max = theme.maxColouredLines
        let sel = chart.highlight.filter { townships.contains($0) }
        if !sel.isEmpty { return Array(sel.prefix(max)) }
        let ordered = townships.sorted { (latest($0) ?? -.infinity) > (latest($1) ?? -.infinity) }
        if townships.count <= max { return ordered }
        return Array(ordered.prefix(3)) + [ordered.last!]
    }

    func valueDomain(_ values: [Double], zero: Bool) -> (Double, Double) {
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if zero || (lo >= 0 && lo < hi * 0.6) { lo = min(lo, 0) }
        if zero { hi = max(hi, 0) }
        if style == .percent && hi <= 100 && hi > 60 && lo >= 0 { hi = max(hi, 100) }
        return (lo, hi)
    }

    var integerData: Bool { chart.rows.allSatisfy { $0.value.map { $0 == $0.rounded() } ?? true } }

    /// Horizontal grid and left labels; returns the label width used.
    func yAxis(_ area: Rect, _ ys: LinearScale, _ ticks: [Double], labels: Bool = true) {
        let texts = tickLabels(ticks)
        for (i, t) in ticks.enumerated() {
            let y = crisp(ys(t))
            hline(area.x, area.maxX, y, color: t == 0 || i == 0 ? theme.axis : theme.grid, width: 1)
            if labels { text(texts[i], area.x - gap, ys(t), .end, .middle, font: tickFont, color: theme.mutedText) }
        }
    }

    func yLabelWidth(_ ticks: [Double]) -> Double {
        tickLabels(ticks).map { engine.width($0, tickFont) }.max() ?? 0
    }

    /// Line segments over consecutive years; isolated points get only their marker.
    func yearLine(_ series: [Int: (Double, ValueFlags)], years: [Int], x: (Int) -> Double, y: LinearScale,
                  color: Color, width: Double, markers: Bool) {
        var segment: [Point] = []
        func flush() {
            if segment.count > 1 { marks.append(.line(segment, color: color, width: width, dash: [])) }
            segment.removeAll()
        }
        for yr in years {
            if let (v, _) = series[yr] { segment.append(Point(x(yr), y(v))) } else { flush() }
        }
        flush()
        if markers {
            for yr in years { if let (v, f) = series[yr] { marker(Point(x(yr), y(v)), color: color, flags: f, radius: markers ? nil : width) } }
        } else {
            // Isolated points must still show.
            for (i, yr) in years.enumerated() {
                guard let (v, _) = series[yr] else { continue }
                let prev = i > 0 ? series[years[i - 1]] : nil, next = i + 1 < years.count ? series[years[i + 1]] : nil
                if prev == nil && next == nil { marks.append(.marker(Point(x(yr), y(v)), shape: .circle, radius: width * 1.2, fill: color, stroke: nil, lineWidth: 0)) }
            }
        }
    }

    func buildTrend() -> String {
        let table = YearTable(chart.rows)
        let coloured = colouredTownships(table.townships) { table.latest($0)?.1 }
        // Grey lines carry no markers when there are many: note only the flags that show.
        let shown = table.townships.count > theme.maxColouredLines ? coloured : table.townships
        let shownFlags = shown.reduce(ValueFlags()) { acc, t in table.values[t]!.values.reduce(acc) { $0.union($1.1) } }
        let plot = frame(note: flagNote(shownFlags, markers: true))
        guard !table.townships.isEmpty, plot.h > 40 * k, plot.w > 80 * k else { emptyMessage(plot); return "折线图：无数据。" }
        let colourIndex = Dictionary(uniqueKeysWithValues: coloured.enumerated().map { ($1, $0) })
        let tickH = lineHeight(tickFont)
        var top = plot.y
        if let u = unitText() { text(u, plot.x, top, font: tickFont, color: theme.mutedText); top += tickH + gap }
        // Direct labels at the line ends.
        let maxLabelW = min(W * 0.22, 9 * labelFont.size)
        let names = coloured.map { engine.fit($0, labelFont, maxWidth: maxLabelW) }
        let labelColW = names.isEmpty ? 0 : (names.map { engine.width($0, labelFont) }.max() ?? 0) + 2 * gap
        let areaTop = top + tickH / 2
        let areaBottom = plot.maxY - tickH - gap
        let (lo, hi) = valueDomain(table.allValues, zero: false)
        let ticks = verticalTicks(lo, hi, length: areaBottom - areaTop, integer: integerData)
        let yLabW = yLabelWidth(ticks)
        let area = Rect(x: plot.x + yLabW + gap, y: areaTop, w: plot.w - yLabW - gap - labelColW, h: areaBottom - areaTop)
        let ys = LinearScale(domain: (ticks.first!, ticks.last!), range: (area.maxY, area.y))
        let halfYear = engine.width(widestYearLabel, tickFont) / 2 + 2
        let first = table.years.first!, last = table.years.last!
        let xs = YearScale(first: first, last: last, range: (area.x + halfYear, area.maxX - halfYear))
        yAxis(area, ys, ticks)
        for yr in yearTicks(first, last, length: area.w - 2 * halfYear) {
            text(words.year(yr), xs(yr), area.maxY + gap, .middle, .top, font: tickFont, color: theme.mutedText)
        }
        let lw = theme.lineWidth * k
        let many = table.townships.count > theme.maxColouredLines
        for t in table.townships where colourIndex[t] == nil {
            yearLine(table.values[t]!, years: table.years, x: { xs($0) }, y: ys, color: theme.context,
                     width: many ? max(1, lw * 0.5) : lw, markers: !many)
        }
        // A grey township with a single year of data has no line to be seen by: a full point and its name.
        for t in table.townships where colourIndex[t] == nil && table.values[t]!.count == 1 {
            let (yr, (v, f)) = table.values[t]!.first!
            let p = Point(xs(yr), ys(v))
            marker(p, color: theme.mutedText, flags: f)
            let name = engine.fit(t, tickFont, maxWidth: maxLabelW)
            let right = p.x + theme.markerRadius * k + gap + engine.width(name, tickFont) <= area.maxX
            text(name, right ? p.x + theme.markerRadius * k + gap : p.x - theme.markerRadius * k - gap, p.y,
                 right ? .start : .end, .middle, font: tickFont, color: theme.mutedText)
        }
        for (i, t) in coloured.enumerated().reversed() {
            yearLine(table.values[t]!, years: table.years, x: { xs($0) }, y: ys, color: theme.categorical[i % theme.categorical.count], width: lw, markers: true)
        }
        // End labels without overlap.
        let lh = lineHeight(labelFont) + 1
        let ends = coloured.map { t -> (Int, Double) in table.latest(t)! }
        let placed = Builder.spread(ends.map { ys($0.1) }, height: lh, lo: top, hi: area.maxY + tickH / 2)
        // One year: labels beside the points; else in the column right of the plot.
        let lx = first == last ? xs(last) + theme.markerRadius * k + 2 * gap : area.maxX + 2 * gap
        for (i, t) in coloured.enumerated() {
            guard let py = placed[i] else { continue }
            let color = theme.categorical[i % theme.categorical.count]
            let (yr, v) = ends[i]
            let px = xs(yr) + theme.markerRadius * k + 2
            if abs(py - ys(v)) > 1 || yr != last {
                marks.append(.line([Point(px, ys(v)), Point(lx - 2, py)], color: color.mix(theme.background, 0.4), width: 1, dash: []))
            }
            text(names[i], lx, py, .start, .middle, font: labelFont, color: ink(color))
            _ = t; _ = colourIndex
        }
        // Description.
        var d = "折线图：\(table.townships.count)个乡镇\(yearSpan(table.years))的\(chart.title)。"
        let latest = table.townships.compactMap { t in table.latest(t).map { (t, $0.1) } }.sorted { $0.1 > $1.1 }
        if let top1 = latest.first, let low = latest.last, latest.count > 1 {
            d += "最近一年最高为\(top1.0)（\(NumberFormat.value(top1.1, style: style))），最低为\(low.0)（\(NumberFormat.value(low.1, style: style))）。"
        } else if let only = latest.first {
            d += "\(only.0)最近一年为\(NumberFormat.value(only.1, style: style))。"
        }
        if many { d += "彩色标出\(coloured.joined(separator: "、"))，其余为灰色。" }
        return d
    }
}
