import Foundation

extension Builder {
    func buildSlope() -> String {
        let table = YearTable(chart.rows)
        let (a, b) = chart.slopeYears ?? (table.years.first ?? 0, table.years.last ?? 0)
        let both = table.townships.filter { table.values[$0]?[a] != nil && table.values[$0]?[b] != nil }
        let plot = frame(note: flagNote(table.flagsUsed, markers: false))
        guard !both.isEmpty, a != b, plot.h > 60 * k else {
            emptyMessage(plot, table.townships.isEmpty || words != .chinese ? nil : "无数据：需要两个年份都有数值的乡镇")
            return "斜率图：无数据。"
        }
        let coloured = colouredTownships(both) { table.values[$0]?[b]?.0 }
        let labelH = lineHeight(labelFont) + 1
        let tickH = lineHeight(tickFont)
        var top = plot.y
        if let u = unitText() { text(u, plot.x, top, font: tickFont, color: theme.mutedText); top += tickH + gap }
        let header = FontSpec(size: labelFont.size, bold: true)
        let headH = lineHeight(header)
        let maxNameW = min(W * 0.2, 8 * labelFont.size)
        func leftLabel(_ t: String) -> String { engine.fit(t, labelFont, maxWidth: maxNameW) + " " + label(table.values[t]![a]!.0, table.values[t]![a]!.1) }
        func rightLabel(_ t: String) -> String { label(table.values[t]![b]!.0, table.values[t]![b]!.1) + " " + engine.fit(t, labelFont, maxWidth: maxNameW) }
        let lw = coloured.map { engine.width(leftLabel($0), labelFont) }.max() ?? 0
        let rw = coloured.map { engine.width(rightLabel($0), labelFont) }.max() ?? 0
        let area = Rect(x: plot.x + lw + 2 * gap, y: top + headH + gap + labelH / 2, w: plot.w - lw - rw - 4 * gap, h: plot.maxY - top - headH - gap - labelH)
        let vals = both.flatMap { [table.values[$0]![a]!.0, table.values[$0]![b]!.0] }
        var lo = vals.min()!, hi = vals.max()!
        if lo == hi { lo -= 1; hi += 1 }
        let ys = LinearScale(domain: (lo, hi), range: (area.maxY, area.y))
        let x0 = area.x, x1 = area.maxX
        text(words.year(a), x0, top, .middle, .top, font: header)
        text(words.year(b), x1, top, .middle, .top, font: header)
        vline(crisp(x0), area.y - labelH / 2, area.maxY + labelH / 2, color: theme.axis)
        vline(crisp(x1), area.y - labelH / 2, area.maxY + labelH / 2, color: theme.axis)
        let sel = Dictionary(uniqueKeysWithValues: coloured.enumerated().map { ($1, $0) })
        let lwid = theme.lineWidth * k
        for t in both where sel[t] == nil {
            marks.append(.line([Point(x0, ys(table.values[t]![a]!.0)), Point(x1, ys(table.values[t]![b]!.0))], color: theme.context, width: max(1, lwid * 0.5), dash: []))
        }
        for (i, t) in coloured.enumerated().reversed() {
            let c = theme.categorical[i % theme.categorical.count]
            let p0 = Point(x0, ys(table.values[t]![a]!.0)), p1 = Point(x1, ys(table.values[t]![b]!.0))
            marks.append(.line([p0, p1], color: c, width: lwid, dash: []))
            marker(p0, color: c, flags: []); marker(p1, color: c, flags: [])
        }
        let lpos = Builder.spread(coloured.map { ys(table.values[$0]![a]!.0) }, height: labelH, lo: area.y - labelH / 2, hi: area.maxY + labelH / 2)
        let rpos = Builder.spread(coloured.map { ys(table.values[$0]![b]!.0) }, height: labelH, lo: area.y - labelH / 2, hi: area.maxY + labelH / 2)
        for (i, t) in coloured.enumerated() {
            let c = ink(theme.categorical[i % theme.categorical.count])
            if let y = lpos[i] { text(leftLabel(t), x0 - 2 * gap, y, .end, .middle, font: labelFont, color: c) }
            if let y = rpos[i] { text(rightLabel(t), x1 + 2 * gap, y, .start, .middle, font: labelFont, color: c) }
        }
        let up = both.filter { table.values[$0]![b]!.0 > table.values[$0]![a]!.0 }.count
        let down = both.filter { table.values[$0]![b]!.0 < table.values[$0]![a]!.0 }.count
        var d = "斜率图：\(both.count)个乡镇\(a)年与\(b)年的\(chart.title)对比，\(up)个上升，\(down)个下降。"
        if both.count < table.townships.count { d += "\(table.townships.count - both.count)个乡镇缺少其中一年的数值，未画出。" }
        return d
    }
}
