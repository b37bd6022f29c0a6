import Foundation

extension Builder {
    func buildScatter() -> String {
        let indicators = chart.rows.compactMap(\.indicator).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let xi = chart.xIndicator ?? indicators.first
        let yi = chart.yIndicator ?? indicators.first(where: { $0 != xi })
        let year = chart.year ?? chart.rows.compactMap(\.year).max()
        var xv: [String: (Double, ValueFlags)] = [:], yv: [String: (Double, ValueFlags)] = [:]
        var order: [String] = []
        for r in chart.rows where r.year == nil || r.year == year {
            guard let v = r.value, v.isFinite, let ind = r.indicator else { continue }
            if ind == xi { xv[r.township] = (v, r.flags) } else if ind == yi { yv[r.township] = (v, r.flags) } else { continue }
            if !order.contains(r.township) { order.append(r.township) }
        }
        let pts = order.filter { xv[$0] != nil && yv[$0] != nil }
        let flags = pts.reduce(ValueFlags()) { $0.union(xv[$1]!.1).union(yv[$1]!.1) }
        let plot = frame(note: flagNote(flags, markers: true))
        guard let xName = xi, let yName = yi, !pts.isEmpty, plot.h > 60 * k else {
            emptyMessage(plot, (xi == nil || yi == nil) && !chart.rows.isEmpty && words == .chinese ? "无数据：散点图需要两个指标" : nil)
            return "散点图：无数据。"
        }
        let tickH = lineHeight(tickFont)
        let axisTitle = FontSpec(size: tickFont.size, bold: true)
        let top = plot.y
        text(engine.fit(yName, axisTitle, maxWidth: plot.w / 2), plot.x, top, font: axisTitle, color: theme.mutedText)
        let xsv = pts.map { xv[$0]!.0 }, ysv = pts.map { yv[$0]!.0 }
        let areaTop = top + tickH + gap + tickH / 2
        let areaBottom = plot.maxY - 2 * tickH - 2 * gap
        let yt = verticalTicks(ysv.min()!, ysv.max()!, length: areaBottom - areaTop, integer: false)
        let yLabW = yLabelWidth(yt)
        let area0 = Rect(x: plot.x + yLabW + gap, y: areaTop, w: plot.w - yLabW - gap - engine.width("0000", tickFont) / 2, h: areaBottom - areaTop)
        let xt = horizontalTicks(xsv.min()!, xsv.max()!, length: area0.w, integer: false)
        let xTickLabels = tickLabels(xt)
        let pad = (xTickLabels.map { engine.width($0, tickFont) }.max() ?? 0) / 2
        let area = Rect(x: area0.x + max(0, pad - yLabW - gap), y: area0.y, w: area0.w - max(0, pad - yLabW - gap), h: area0.h)
        let ys = LinearScale(domain: (yt.first!, yt.last!), range: (area.maxY, area.y))
        let xs = LinearScale(domain: (xt.first!, xt.last!), range: (area.x, area.maxX))
        yAxis(area, ys, yt)
        for (i, t) in xt.enumerated() {
            vline(crisp(xs(t)), area.y, area.maxY, color: i == 0 ? theme.axis : theme.grid)
            text(xTickLabels[i], xs(t), area.maxY + gap, .middle, .top, font: tickFont, color: theme.mutedText)
        }
        text(engine.fit(xName, axisTitle, maxWidth: area.w), area.maxX, area.maxY + 2 * gap + tickH, .end, .top, font: axisTitle, color: theme.mutedText)
        // Points.
        let sel = Set(chart.highlight)
        let r = theme.markerRadius * k * 1.2
        var obstacles: [Rect] = []
        for t in pts {
            let p = Point(xs(xv[t]!.0), ys(yv[t]!.0))
            let c = sel.contains(t) ? theme.categorical[1] : theme.bar
            marker(p, color: c.mix(theme.background, sel.isEmpty || sel.contains(t) ? 0 : 0.3), flags: xv[t]!.1.union(yv[t]!.1), radius: r)
            obstacles.append(Rect(x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r))
        }
        // Outliers: furthest from the centre in standard units; few points are all labelled.
        func sd(_ v: [Double]) -> Double {
            let m = v.reduce(0, +) / Double(v.count)
            let s = (v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count)).squareRoot()
            return s == 0 ? 1 : s
        }
        let mx = xsv.reduce(0, +) / Double(xsv.count), my = ysv.reduce(0, +) / Double(ysv.count)
        let sx = sd(xsv), sy = sd(ysv)
        let dist = Dictionary(uniqueKeysWithValues: pts.map { t in (t, (pow((xv[t]!.0 - mx) / sx, 2) + pow((yv[t]!.0 - my) / sy, 2)).squareRoot()) })
        var toLabel = pts.filter { sel.contains($0) }
        let outliers = pts.sorted { dist[$0]! > dist[$1]! }.filter { pts.count <= 8 || dist[$0]! > 1.5 }
        for t in outliers where !toLabel.contains(t) && toLabel.count < max(pts.count <= 8 ? 8 : 6, sel.count) { toLabel.append(t) }
        var placedBoxes: [Rect] = []
        var labelled: [String] = []
        for t in toLabel {
            let p = Point(xs(xv[t]!.0), ys(yv[t]!.0))
            let s = engine.fit(t, labelFont, maxWidth: W * 0.2)
            let o = r + 2
            let candidates: [(Double, Double, HAnchor, VAnchor)] = [
                (p.x + o, p.y, .start, .middle), (p.x - o, p.y, .end, .middle), (p.x, p.y - o, .middle, .bottom),
                (p.x, p.y + o, .middle, .top), (p.x + o, p.y - o, .start, .bottom), (p.x - o, p.y - o, .end, .bottom),
                (p.x + o, p.y + o, .start, .top), (p.x - o, p.y + o, .end, .top),
            ]
            for (x, y, ha, va) in candidates {
                let bx = box(s, x, y, ha, va, font: labelFont)
                let ink = Rect(x: bx.x, y: bx.y + (bx.h - min(bx.h, labelFont.size * 1.2)) / 2, w: bx.w, h: min(bx.h, labelFont.size * 1.2))
                guard area.contains(ink, tolerance: 0), !placedBoxes.contains(where: { $0.intersects(ink, tolerance: 0) }),
                      !obstacles.contains(where: { $0.intersects(ink, tolerance: 0) }) else { continue }
                text(s, x, y, ha, va, font: labelFont, color: sel.contains(t) ? theme.categorical[1] : theme.text)
                placedBoxes.append(ink)
                labelled.append(t)
                break
            }
        }
        var d = "散点图：\(pts.count)个乡镇\(year.map { "\($0)年" } ?? "")的\(xName)（横轴）与\(yName)（纵轴）。"
        if !labelled.isEmpty { d += "标出偏离较大的乡镇：\(labelled.joined(separator: "、"))。" }
        return d
    }
}
