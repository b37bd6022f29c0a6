import Foundation

extension Builder {
    /// Rows of one year (the chart's or the latest), one per township.
    /// `missing` are those without a value; `unsent` those of them that sent no report at all (未报送).
    func oneYear() -> (year: Int?, reported: [(String, Double, ValueFlags)], missing: [String], flags: ValueFlags, unsent: Set<String>) {
        let year = chart.year ?? chart.rows.compactMap(\.year).max()
        var order: [String] = [], byTown: [String: Row] = [:]
        for r in chart.rows where r.year == nil || r.year == year {
            if byTown[r.township] == nil { order.append(r.township) }
            if byTown[r.township]?.value == nil || r.value != nil { byTown[r.township] = r }
        }
        var reported: [(String, Double, ValueFlags)] = [], missing: [String] = [], flags: ValueFlags = []
        var unsent = Set<String>()
        for t in order {
            if let v = byTown[t]?.value, v.isFinite { reported.append((t, v, byTown[t]!.flags)); flags.formUnion(byTown[t]!.flags) } else {
                missing.append(t)
                if byTown[t]?.submitted == false { unsent.insert(t) }
            }
        }
        reported.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        // Those that reported without the value before those that sent nothing.
        missing = missing.filter { !unsent.contains($0) } + missing.filter(unsent.contains)
        return (year, reported, missing, flags, unsent)
    }

    func buildRank() -> String {
        let (year, reported, missing, flags, unsent) = oneYear()
        let plot = frame(note: flagNote(flags, markers: false))
        guard !(reported.isEmpty && missing.isEmpty), plot.h > 40 * k else { emptyMessage(plot); return "条形图：无数据。" }
        let tickH = lineHeight(tickFont)
        let lh = lineHeight(labelFont)
        _ = lh
        // Header row: unit (left) and the median label.
        let headerTop = plot.y
        let barsTop = plot.y + tickH + gap
        let axisH = tickH + gap
        let barsBottom = plot.maxY - axisH
        // Many bars: smaller type down to 70 %, then leave out the middle. More than a few townships that
        // sent nothing take one line (另有N个乡镇未报送), as `fittingHeight` counts them.
        let total0 = Double(max(1, reported.count + missing.count - unsent.count + (unsent.count > 5 ? 1 : unsent.count)))
        let rf = FontSpec(size: min(labelFont.size, max(labelFont.size * 0.7, (barsBottom - barsTop) / total0 / 1.2)))
        let minBand = rf.size * 1.2
        let capacity = max(1, Int(((barsBottom - barsTop) / minBand).rounded(.down)))
        enum Item { case bar(String, Double, ValueFlags), gap(String), missing(String) }
        var items: [Item] = []
        let total = reported.count + missing.count
        if total <= capacity {
            items = reported.map { .bar($0.0, $0.1, $0.2) } + missing.map { .missing($0) }
        } else {
            let missRows = missing.isEmpty ? 0 : 1
            let room = max(0, capacity - 1 - missRows)
            let head = (room + 1) / 2, tail = room / 2
            if reported.count <= room { items = reported.map { .bar($0.0, $0.1, $0.2) } }
            else {
                items = reported.prefix(head).map { .bar($0.0, $0.1, $0.2) }
                items.append(.gap(words.middleLeftOut.replacingOccurrences(of: "{n}", with: String(reported.count - head - tail))))
                items += reported.suffix(tail).map { .bar($0.0, $0.1, $0.2) }
            }
            if !missing.isEmpty {
                if items.count + missing.count <= capacity { items += missing.map { .missing($0) } }
                else {
                    // Those without the figure by name while there is room; those that sent nothing counted.
                    let notReported = missing.filter { !unsent.contains($0) }
                    let room = capacity - items.count - (unsent.isEmpty ? 0 : 1) - (notReported.isEmpty ? 0 : 1)
                    if !notReported.isEmpty, notReported.count <= room { items += notReported.map { .missing($0) } }
                    else if !notReported.isEmpty {
                        items.append(.gap(words.moreNotReported.replacingOccurrences(of: "{n}", with: String(notReported.count))))
                    }
                    if !unsent.isEmpty {
                        items.append(.gap(words.moreNotSubmitted.replacingOccurrences(of: "{n}", with: String(unsent.count))))
                    }
                }
            }
            if items.count > capacity { items = Array(items.prefix(capacity)) }
        }
        let values = reported.map(\.1)
        let labels = self.labels(reported.map { ($0.1, $0.2) })
        var labelOf: [String: String] = [:]
        for (r, l) in zip(reported, labels) { labelOf[r.0] = l }
        let valueW = max(labels.map { engine.width($0, rf) }.max() ?? 0, engine.width(words.notReported, rf),
                         unsent.isEmpty ? 0 : engine.width(words.notSubmitted, rf))
        let maxNameW = min(W * 0.28, 10 * rf.size)
        let namesW = min(maxNameW, items.map { item -> Double in
            switch item { case .bar(let t, _, _), .missing(let t): return engine.width(t, rf); case .gap: return 0 }
        }.max() ?? 0)
        let x0 = plot.x + namesW + gap
        let hasNeg = (values.min() ?? 0) < 0
        let barLeft = x0 + (hasNeg ? valueW + gap : 0)
        let barRight = plot.maxX - valueW - gap
        let (lo, hi) = valueDomain(values.isEmpty ? [0, 1] : values, zero: true)
        let ticks = horizontalTicks(lo, hi, length: barRight - barLeft, integer: integerData)
        let xs = LinearScale(domain: (ticks.first!, ticks.last!), range: (barLeft, barRight))
        let band = BandScale(count: items.count, range: (barsTop, barsTop + min(barsBottom - barsTop, Double(items.count) * rf.size * 2.6)), padding: 0.25)
        let axisY = band.range.1
        // Grid and axis labels.
        let tickTexts = tickLabels(ticks)
        for (i, t) in ticks.enumerated() {
            let x = crisp(xs(t))
            vline(x, barsTop, axisY, color: t == 0 ? theme.axis : theme.grid)
            text(tickTexts[i], xs(t), axisY + gap, .middle, .top, font: tickFont, color: theme.mutedText)
        }
        if let med = values.median, values.count > 2 {
            vline(crisp(xs(med)), barsTop - 2, axisY, color: theme.text, width: 1, dash: [4 * k, 3 * k])
        }
        let sel = Set(chart.highlight)
        for (i, item) in items.enumerated() {
            let cy = band.center(i)
            switch item {
            case let .bar(t, v, f):
                text(engine.fit(t, rf, maxWidth: namesW), x0 - gap, cy, .end, .middle, font: rf, color: sel.contains(t) ? theme.text : theme.text)
                let a = xs(0), b = xs(v)
                let fill = sel.contains(t) ? theme.categorical[1 % theme.categorical.count] : theme.bar
                marks.append(.rect(Rect(x: min(a, b), y: band.start(i), w: abs(b - a), h: band.bandwidth),
                                   fill: f.contains(.approximate) ? fill.mix(theme.background, 0.35) : fill, stroke: nil, lineWidth: 0))
                let l = labelOf[t] ?? label(v, f)
                // A background behind the value keeps the median line from crossing it.
                let lb = box(l, v >= 0 ? b + gap / 2 : b - gap / 2, cy, v >= 0 ? .start : .end, .middle, font: rf)
                marks.append(.rect(Rect(x: lb.x - 1, y: cy - rf.size * 0.6, w: lb.w + 2, h: rf.size * 1.2), fill: theme.background, stroke: nil, lineWidth: 0))
                if v >= 0 { text(l, b + gap / 2, cy, .start, .middle, font: rf) }
                else { text(l, b - gap / 2, cy, .end, .middle, font: rf) }
            case let .missing(t):
                text(engine.fit(t, rf, maxWidth: namesW), x0 - gap, cy, .end, .middle, font: rf, color: theme.mutedText)
                text(unsent.contains(t) ? words.notSubmitted : words.notReported, xs(0) + gap / 2, cy, .start, .middle, font: rf, color: theme.mutedText)
            case let .gap(s):
                let str = engine.fit(s, rf, maxWidth: plot.w)
                var bx = box(str, (plot.x + plot.maxX) / 2, cy, .middle, .middle, font: rf)
                bx.x -= gap; bx.w += 2 * gap
                marks.append(.rect(bx, fill: theme.background, stroke: nil, lineWidth: 0))
                text(engine.fit(s, rf, maxWidth: plot.w), (plot.x + plot.maxX) / 2, cy, .middle, .middle, font: rf, color: theme.mutedText)
            }
        }
        // Median line over all reported values.
        var unitBox: Rect?
        if let u = unitText() { unitBox = text(u, x0, headerTop, font: tickFont, color: theme.mutedText).box }
        if let med = values.median, values.count > 2 {
            let x = crisp(xs(med))
            let s = words.median + " " + formatted(med)
            let w = engine.width(s, tickFont)
            let cx = min(max(x, x0 + w / 2), plot.maxX - w / 2)
            let b = box(s, cx, headerTop, .middle, .top, font: tickFont)
            if let ub = unitBox, ub.intersects(b, tolerance: -gap) {
                text(s, plot.maxX, headerTop, .end, .top, font: tickFont, color: theme.text)
            } else {
                text(s, cx, headerTop, .middle, .top, font: tickFont, color: theme.text)
            }
        }
        var d = "条形图：\(year.map { "\($0)年" } ?? "")\(reported.count)个乡镇\(chart.title)由高到低排列。"
        if let f = reported.first, let l = reported.last, reported.count > 1 {
            d += "最高为\(f.0)（\(label(f.1, f.2))），最低为\(l.0)（\(label(l.1, l.2))）"
            if let m = values.median { d += "，中位数为\(NumberFormat.value(m, style: style))" }
            d += "。"
        }
        if missing.count > unsent.count { d += "\(missing.count - unsent.count)个乡镇未报告。" }
        if !unsent.isEmpty { d += "\(unsent.count)个乡镇未报送。" }
        return d
    }
}
