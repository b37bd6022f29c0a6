import Extraction
import Foundation
import ReportText
import Store
import Trends

/// The contexts the templates render: dictionaries of texts (escaped by Mustache when rendered with
/// `{{…}}`) and, for the report's text only, HTML built by `markedText` from escaped pieces.
extension Workbench {
    /// A report's page, or nil for an id the store does not have.
    func reportPage(id: Int64, documents: DocumentCache) throws -> [String: Any]? {
        guard let report = try store.report(id: id) else { return nil }
        let snapshot = try self.snapshot()
        let findings = try store.reportFindings(reportId: id)
        let document = documents.text(for: report)
        let items = try items(of: report, findings: findings, snapshot: snapshot, document: try? document.get())
        var marks: [TextMark] = []
        if case .success(let text) = document {
            for (n, item) in items.enumerated() {
                for f in item.findings {
                    guard let span = numberSpan(of: f, in: text) else { continue }
                    let tip = "\(item.name)：\(valueText(f.value, qualifier: f.qualifier, unit: f.unit))"
                        + (f.chosen ? "（选定值" : "（候选值") + (f.confidence == "review" ? "，待核）" : "）")
                    marks.append(TextMark(range: span, id: "m\(f.id)", chosen: f.chosen, tip: tip, item: n))
                }
            }
        }
        let order = reportOrder(snapshot: snapshot, queue: snapshot.queue)
        let position = order.firstIndex(of: id)
        let next = position.flatMap { $0 + 1 < order.count ? order[$0 + 1] : nil }
        let previous = position.flatMap { $0 > 0 ? order[$0 - 1] : nil }
        let reportChecks = snapshot.checks.filter { c in
            c.indicator == nil && (c.source == report.sourcePath
                || (c.place?.township == report.township && c.place?.county == report.county && c.year == report.year && c.year != nil))
        }.map(\.message)
        var page: [String: Any] = [
            "title": reportTitle(report),
            "source": report.sourcePath,
            "reportId": String(id),
            "items": items.enumerated().map { itemContext($1, index: $0) },
            "hasItems": !items.isEmpty,
            "reportChecks": reportChecks,
            "unsettled": report.township == nil || report.year == nil,
            "reviewedCount": String(items.filter { $0.correction != nil }.count),
            "itemCount": String(items.count),
        ]
        switch document {
        case .success(let text): page["textHTML"] = markedText(text, marks: marks)
        case .failure(let error): page["readError"] = error.description
        }
        if let next { page["next"] = String(next) }
        if let previous { page["previous"] = String(previous) }
        return page
    }

    /// 例山镇 · 示例县 · 2024年.
    func reportTitle(_ r: ReportRecord) -> String {
        [r.township ?? "（镇街未定）", r.county ?? "（县区未定）", r.year.map { "\($0)年" } ?? "（年份未定）"].joined(separator: " · ")
    }

    /// The reports in the order the queue takes them: those with open items first (most first), then the rest.
    func reportOrder(snapshot: Snapshot, queue: [QueueItem]) -> [Int64] {
        var open: [Int64: Int] = [:]
        for item in queue where !item.done { if let id = item.report?.id { open[id, default: 0] += 1 } }
        return snapshot.reports.compactMap(\.id).enumerated().sorted { a, b in
            let oa = open[a.element] ?? 0, ob = open[b.element] ?? 0
            return oa != ob ? oa > ob : a.offset < b.offset
        }.map(\.element)
    }

    /// One value of the report page: an indicator the report gives, a headline indicator it lacks, or one a
    /// correction sets.
    struct Item {
        var indicator: Indicator
        var name: String { indicator.name }
        var key: ValueKey?
        var chosen: ReportFinding?
        /// Every finding of the indicator, the chosen one first.
        var findings: [ReportFinding]
        var correction: Correction?
        var current: ValueTable.Row?
        var currentText: String?
        var previousText: String
        var jump: String?
        var checks: [String]
        var page: Int?
    }

    func items(of report: ReportRecord, findings: [ReportFinding], snapshot: Snapshot, document: DocumentText?) throws -> [Item] {
        var indicators: [String] = []
        for f in findings where f.chosen && !indicators.contains(f.indicator) { indicators.append(f.indicator) }
        func key(_ indicator: String) -> ValueKey? {
            guard let township = report.township, let year = report.year else { return nil }
            return ValueKey(township: township, county: report.county ?? "", year: year, indicator: indicator)
        }
        for i in catalog.indicators where i.headline && !indicators.contains(i.id) { indicators.append(i.id) }
        if let township = report.township, let year = report.year {
            for c in snapshot.corrections.values where c.township == township && c.year == year
                && (c.county.isEmpty || c.county == (report.county ?? "")) && !indicators.contains(c.indicator) {
                indicators.append(c.indicator)
            }
        }
        let order = Dictionary(uniqueKeysWithValues: catalog.indicators.enumerated().map { ($1.id, $0) })
        indicators.sort { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
        return indicators.compactMap { id -> Item? in
            guard let indicator = catalog.indicator(id) else { return nil }
            let k = key(id)
            let all = findings.filter { $0.indicator == id }
            let chosen = all.first(where: \.chosen)
            let current = k.flatMap { snapshot.row($0) }
            var previousText = "上年无报告"
            var jump: String?
            if var before = k {
                before.year -= 1
                if let p = snapshot.row(before) {
                    previousText = "\(before.year)年 " + valueText(p.value, qualifier: snapshot.table[p.qualifier], unit: snapshot.table[p.unit])
                    if let current, p.value > 0, current.value > 0 {
                        let factor = current.value / p.value
                        if factor > 5 { jump = "为上年的\(formatNumber((factor * 10).rounded() / 10))倍" }
                        if factor < 0.2 { jump = "不足上年的五分之一" }
                    }
                } else {
                    previousText = "\(before.year)年 无数"
                }
            }
            let checks = snapshot.checks.filter { c in
                c.indicator == id && c.kind != .lowConfidence && c.kind != .jump && c.year == report.year
                    && c.place?.township == report.township && (c.place?.county ?? "") == (report.county ?? "")
            }.map(\.message)
            var page: Int?
            if let chosen, let document, !document.pageStarts.isEmpty {
                page = (document.pageStarts.lastIndex { $0 <= document.shown(chosen.offset) } ?? 0) + 1
            }
            return Item(indicator: indicator, key: k, chosen: chosen, findings: (chosen.map { [$0] } ?? []) + all.filter { !$0.chosen },
                        correction: k.flatMap { snapshot.correction($0) }, current: current,
                        currentText: current.map { valueText($0.value, qualifier: snapshot.table[$0.qualifier], unit: snapshot.table[$0.unit]) },
                        previousText: previousText, jump: jump, checks: checks, page: page)
        }
    }

    func itemContext(_ item: Item, index: Int) -> [String: Any] {
        let candidates = item.findings.filter { !$0.chosen }.prefix(9).enumerated().map { n, f -> [String: Any] in
            ["n": String(n + 1), "id": String(f.id), "valueText": valueText(f.value, qualifier: f.qualifier, unit: f.unit),
             "evidence": f.evidence, "mark": "m\(f.id)"]
        }
        var status = "未核对"
        var statusClass = "open"
        if let c = item.correction {
            let who = [c.reviewer, c.at.map { $0.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC") }]
                .compactMap { $0 }.joined(separator: " · ")
            switch c.kind {
            case .accept: status = "已接受"
            case .candidate: status = "已改选候选值"
            case .set: status = "已改为 \(c.value.map(formatNumber) ?? "")\(item.indicator.unit)"
            case .notStated: status = "标为报告未述及"
            }
            if !who.isEmpty { status += "（\(who)）" }
            if !c.note.isEmpty && c.kind != .accept { status += "：\(c.note)" }
            statusClass = c.kind == .notStated ? "done notstated" : "done"
        }
        var context: [String: Any] = [
            "index": String(index),
            "indicator": item.indicator.id,
            "name": item.name,
            "unit": item.indicator.unit,
            "valueText": item.currentText ?? (item.correction?.kind == .notStated ? "未述及" : "未提取"),
            "previousText": item.previousText,
            "status": status,
            "statusClass": statusClass,
            "candidates": Array(candidates),
            "hasCandidates": !candidates.isEmpty,
            "checks": item.checks,
            "headline": item.indicator.headline,
            "settled": item.key != nil,
        ]
        if let chosen = item.chosen {
            context["mark"] = "m\(chosen.id)"
            context["evidence"] = chosen.evidence
            if chosen.confidence == "review" { context["reason"] = chosen.reviewReason ?? "提取待核" }
            if let current = item.current, current.value != chosen.value || item.correction?.kind == .notStated {
                context["extracted"] = valueText(chosen.value, qualifier: chosen.qualifier, unit: chosen.unit)
            }
        }
        if let jump = item.jump { context["jump"] = jump }
        if let page = item.page { context["page"] = "第 \(page) 页" }
        return context
    }

    /// The queue page, from `snapshot` (the store's current one by default).
    func queuePage(_ given: Snapshot? = nil) throws -> [String: Any] {
        let snapshot = try given ?? self.snapshot()
        let queue = snapshot.queue
        let open = queue.filter { !$0.done }
        var byTownship: [String: (open: Int, done: Int)] = [:]
        for item in queue {
            let t = item.key?.township ?? item.report?.township ?? "（未定）"
            if item.done { byTownship[t, default: (0, 0)].done += 1 } else { byTownship[t, default: (0, 0)].open += 1 }
        }
        let shown = open.prefix(300) + queue.filter(\.done).prefix(100)
        let rows = shown.enumerated().map { n, item -> [String: Any] in
            var row: [String: Any] = [
                "n": String(n + 1), "kind": item.kind.label, "kindClass": "k\(item.kind.rawValue)",
                "township": item.key?.township ?? item.report?.township ?? "—",
                "year": (item.key?.year ?? item.report?.year).map(String.init) ?? "—",
                "indicator": item.indicatorName, "message": item.message,
                "status": item.done ? "已核对" : "待核", "done": item.done,
            ]
            if let id = item.report?.id {
                row["href"] = "/report/\(id)" + (item.key.map { "#i-\($0.indicator)" } ?? "")
            }
            return row
        }
        let order = reportOrder(snapshot: snapshot, queue: queue)
        var openByReport: [Int64: Int] = [:]
        for item in open { if let id = item.report?.id { openByReport[id, default: 0] += 1 } }
        let reportsById = Dictionary(uniqueKeysWithValues: snapshot.reports.compactMap { r in r.id.map { ($0, r) } })
        let reportRows = order.compactMap { id -> [String: Any]? in
            guard let r = reportsById[id] else { return nil }
            return ["href": "/report/\(id)", "title": reportTitle(r), "source": (r.sourcePath as NSString).lastPathComponent,
                    "open": String(openByReport[id] ?? 0), "clear": (openByReport[id] ?? 0) == 0]
        }
        let progress = snapshot.progressByYear().reversed().map { p -> [String: Any] in
            ["year": String(p.year), "reviewed": String(p.reviewed), "total": String(p.total)]
        }
        let townships = byTownship.keys.sorted().map { t -> [String: Any] in
            ["township": t, "open": String(byTownship[t]!.open), "done": String(byTownship[t]!.done)]
        }
        return ["rows": rows, "openCount": String(open.count), "itemCount": String(queue.count),
                "more": open.count > 300, "progress": Array(progress), "townships": townships,
                "reports": reportRows, "reportCount": String(reportRows.count),
                "first": order.first.map { String($0) } ?? ""]
    }
}
