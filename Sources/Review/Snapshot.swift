import Extraction
import Foundation
import Store
import Trends

/// What the pages read from the store: the reports, the values as every command sees them (corrections
/// applied, reviewed marked), the latest correction of each key, `check`'s findings and the queue. Made
/// again whenever the store changes (`Workbench.snapshot`), by this server or another process.
final class Snapshot: @unchecked Sendable {
    let reports: [ReportRecord]
    let table: ValueTable
    let corrections: [ValueKey: Correction]
    let checks: [CheckFinding]
    /// Value-table rows by key.
    let rowsByKey: [ValueKey: [Int]]
    /// Everything that needs a person (`queue(catalog:)`).
    private(set) var queue: [QueueItem] = []

    init(_ bench: Workbench) throws {
        reports = try bench.store.reports()
        table = try bench.store.valueTable()
        corrections = try bench.latestCorrections()
        let data = Dataset(values: table, reports: reports, catalog: bench.catalog)
        checks = data.checks(reviews: try bench.store.valuesForReview())
        var byKey: [ValueKey: [Int]] = [:]
        let table = self.table
        for (i, r) in table.rows.enumerated() {
            guard let township = r.township, let year = r.year else { continue }
            let key = ValueKey(township: table[township], county: r.county.map { table[$0] } ?? "", year: year,
                               indicator: table[r.indicator])
            byKey[key, default: []].append(i)
        }
        rowsByKey = byKey
        queue = queue(catalog: bench.catalog)
    }

    /// The value a key has in the value table (the first row), or nil.
    func row(_ key: ValueKey) -> ValueTable.Row? {
        rowsByKey[key]?.first.map { table.rows[$0] }
    }

    func correction(_ key: ValueKey) -> Correction? { Workbench.correction(for: key, in: corrections) }

    /// Whether a person has decided on this key.
    func decided(_ key: ValueKey) -> Bool { correction(key) != nil }

    /// Reviewed and all stored values, by year: the progress of the region's year.
    func progressByYear() -> [(year: Int, reviewed: Int, total: Int)] {
        var counts: [Int: (Int, Int)] = [:]
        for r in table.rows {
            guard let year = r.year else { continue }
            counts[year, default: (0, 0)].1 += 1
            if r.reviewed { counts[year]!.0 += 1 }
        }
        return counts.keys.sorted().map { (year: $0, reviewed: counts[$0]!.0, total: counts[$0]!.1) }
    }
}

/// One thing in the queue that needs a person: a value, a report, a finding of `check`.
struct QueueItem {
    enum Kind: Int, Comparable {
        /// The report's township, county or year is not known: its values cannot be keyed.
        case unsettled
        /// A `check` finding (rates, parts, growth, duplicates, places).
        case check
        /// More than 5× or under ⅕ of the township's previous year.
        case jump
        /// Extraction marked it `review`.
        case lowConfidence
        /// A headline indicator the report gives no value for.
        case missingHeadline

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

        var label: String {
            switch self {
            case .unsettled: return "地点或年份未定"
            case .check: return "核查发现"
            case .jump: return "与上年相差悬殊"
            case .lowConfidence: return "提取待核"
            case .missingHeadline: return "重点指标缺失"
            }
        }
    }

    var kind: Kind
    var report: ReportRecord?
    var key: ValueKey?
    var indicatorName: String
    var message: String
    /// A person has decided on its value.
    var done: Bool
}

extension Snapshot {
    /// Everything that needs a person, open items first, then by kind, township and year.
    func queue(catalog: Catalog) -> [QueueItem] {
        var items: [QueueItem] = []
        var byPath: [String: ReportRecord] = [:]
        for r in reports { byPath[r.sourcePath] = r }
        func report(for key: ValueKey?, source: String?) -> ReportRecord? {
            if let source, let r = byPath[source] { return r }
            guard let key else { return nil }
            return reports.first { $0.township == key.township && ($0.county ?? "") == key.county && $0.year == key.year }
        }
        func name(_ id: String?) -> String { id.map { catalog.indicator($0)?.name ?? $0 } ?? "" }
        for r in reports where r.township == nil || r.year == nil || r.county == nil {
            let missing = [r.township == nil ? "镇街" : nil, r.county == nil ? "县区" : nil, r.year == nil ? "年份" : nil]
                .compactMap { $0 }.joined(separator: "、")
            items.append(QueueItem(kind: .unsettled, report: r, key: nil, indicatorName: "", message: "未能确定\(missing)：\(r.sourcePath)",
                                   done: false))
        }
        var seen = Set<String>()
        for c in checks where c.kind != .jump {
            let key = c.place.flatMap { p in
                c.year.flatMap { y in c.indicator.map { ValueKey(township: p.township, county: p.county ?? "", year: y, indicator: $0) } }
            }
            let kind: QueueItem.Kind = c.kind == .lowConfidence ? .lowConfidence : .check
            // The unsettled reports are listed already.
            if c.kind == .unplaced, let source = c.source, let r = byPath[source], r.township == nil || r.county == nil { continue }
            let id = "\(kind)|\(c.source ?? "")|\(c.indicator ?? "")|\(c.message)"
            guard seen.insert(id).inserted else { continue }
            items.append(QueueItem(kind: kind, report: report(for: key, source: c.source), key: key, indicatorName: name(c.indicator),
                                   message: c.message, done: key.map(decided) ?? false))
        }
        // More than 5× or under ⅕ of the year before, for every stored value (derived ones are not stored).
        for (key, rows) in rowsByKey {
            guard let row = rows.first.map({ table.rows[$0] }) else { continue }
            var before = key
            before.year -= 1
            guard let previous = self.row(before), previous.value > 0, row.value > 0 else { continue }
            let factor = row.value / previous.value
            guard factor > 5 || factor < 0.2 else { continue }
            let unit = table[row.unit]
            items.append(QueueItem(kind: .jump, report: report(for: key, source: nil), key: key, indicatorName: name(key.indicator),
                                   message: "\(key.year - 1)年\(formatNumber(previous.value))\(unit) → \(key.year)年\(formatNumber(row.value))\(unit)"
                                       + (factor > 5 ? "，为上年的\(formatNumber((factor * 10).rounded() / 10))倍" : "，不足上年的五分之一"),
                                   done: decided(key)))
        }
        let headline = catalog.indicators.filter(\.headline)
        for r in reports {
            guard let township = r.township, let year = r.year else { continue }
            for indicator in headline {
                let key = ValueKey(township: township, county: r.county ?? "", year: year, indicator: indicator.id)
                let correction = correction(key)
                guard row(key) == nil, correction?.kind != .notStated else { continue }
                items.append(QueueItem(kind: .missingHeadline, report: r, key: key, indicatorName: indicator.name,
                                       message: "报告中未提取到\(indicator.name)", done: correction != nil))
            }
        }
        return items.sorted { a, b in
            if a.done != b.done { return !a.done }
            if a.kind != b.kind { return a.kind < b.kind }
            let ak = (a.key?.township ?? a.report?.township ?? "", a.key?.year ?? a.report?.year ?? 0, a.indicatorName, a.message)
            let bk = (b.key?.township ?? b.report?.township ?? "", b.key?.year ?? b.report?.year ?? 0, b.indicatorName, b.message)
            return ak < bk
        }
    }
}
