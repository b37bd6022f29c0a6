import Extraction
import Foundation
import Plot
import Publish
import Store
import Trends

/// `fazhi export`'s long table, streamed: the store's values place by place in constant memory, each
/// place's derived values (rates from counts, previous years from stated changes) computed by Trends
/// from that place's values alone, and every stored value written — one without a township or a year,
/// or of an indicator the catalog lacks, too (and counted, so that the command can say so).
enum LongTableExport {
    enum Format { case csv, json }

    struct Stats {
        var rows = 0
        var unplaced = 0
        var unknownIndicators = 0
    }

    /// `language`: nil writes the table `import` reads (ids and stored qualifiers); `zh` or `en` writes it
    /// for people — headers, indicator names, qualifiers (余, 约, 近… or over, about, nearly…), derived
    /// and source in that language. The evidence column is in both.
    static func run(_ store: ReportStore, catalog: Catalog, format: Format, language: TableLanguage? = nil,
                    progress: (Int, Int) -> Void, emit: (String) throws -> Void) throws -> Stats {
        var stats = Stats()
        let total = try store.valueCount()
        var reportsByPlace: [String: [ReportRecord]] = [:]
        for r in try store.reports() { reportsByPlace[placeKey(r.township, r.county), default: []].append(r) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var first = true
        func write(_ v: StoredValue) throws {
            stats.rows += 1
            switch format {
            case .csv: try emit(language.map { localizedLine(v, catalog: catalog, language: $0) } ?? LongTable.csvLine(v))
            case .json:
                try emit((first ? "  " : ",\n  ") + String(decoding: try encoder.encode(v), as: UTF8.self))
                first = false
            }
        }
        try emit(format == .csv ? (language.map(localizedHeader) ?? LongTable.csvHeader) : "[\n")
        var group: [StoredValue] = []
        var groupKey: String? = nil
        func flush() throws {
            defer { group.removeAll(keepingCapacity: true) }
            guard !group.isEmpty else { return }
            for v in group { try write(v) }
            guard group.contains(where: { catalog.indicator($0.indicator)?.kind == .count }) else { return }
            let dataset = Dataset(values: group, reports: reportsByPlace[groupKey ?? ""] ?? [], catalog: catalog)
            for indicator in catalog.indicators {
                for o in dataset.observations(indicator.id) where o.derived {
                    try write(StoredValue(township: o.place.township, county: o.place.county, city: o.place.city,
                                          province: o.place.province, year: o.year, indicator: o.indicator, value: o.value,
                                          unit: o.unit, qualifier: o.qualifier, source: o.source, derived: true))
                }
            }
        }
        var seen = 0
        try store.forEachValue { value in
            var v = value
            seen += 1
            if seen % 8192 == 0 { progress(seen, total) }
            if v.unit.isEmpty, let unit = catalog.indicator(v.indicator)?.unit { v.unit = unit }
            if catalog.indicator(v.indicator) == nil { stats.unknownIndicators += 1 }
            guard v.township != nil, v.year != nil else {
                stats.unplaced += 1
                try write(v)
                return
            }
            let key = placeKey(v.township, v.county)
            if key != groupKey { try flush(); groupKey = key }
            group.append(v)
        }
        try flush()
        progress(total, total)
        if format == .json { try emit(first ? "]\n" : "\n]\n") }
        return stats
    }

    /// The header of the table for people, after a BOM.
    static func localizedHeader(_ language: TableLanguage) -> String {
        let names = language == .en
            ? ["Township", "County", "City", "Province", "Year", "Indicator", "Value", "Unit", "Qualifier", "Source",
               "Derived", "Evidence", "Reviewed"]
            : ["镇街", "县区", "市", "省", "年度", "指标", "数值", "单位", "限定", "来源", "推算", "原文", "已核对"]
        return "\u{FEFF}" + CSV.line(names)
    }

    /// One value for people: the indicator's name, the qualifier as the report's words, the value a number.
    static func localizedLine(_ v: StoredValue, catalog: Catalog, language: TableLanguage) -> String {
        let english = language == .en
        let indicator = catalog.indicator(v.indicator).map { english ? ($0.en ?? $0.id) : $0.name } ?? v.indicator
        let qualifier = ValueFlags.qualifier(v.qualifier).qualify("", english: english)
            .trimmingCharacters(in: .whitespaces)
        let corrected: String = english ? "correction" : "人工更正"
        let source: String = v.source == "correction" ? corrected : v.source
        let yes: String = english ? "yes" : "是", no: String = english ? "no" : "否"
        let year: String = v.year.map { String($0) } ?? ""
        var fields: [String] = [v.township ?? "", v.county ?? "", v.city ?? "", v.province ?? "", year]
        fields += [indicator, formatNumber(v.value), v.unit, qualifier, source, v.derived ? yes : no, v.evidence ?? "",
                   v.reviewed ? yes : no]
        return CSV.line(fields)
    }

    static func placeKey(_ township: String?, _ county: String?) -> String {
        (township ?? "") + "\u{1F}" + (county ?? "")
    }
}

/// Standard output, or a file written under a temporary name in its folder and renamed over the target
/// only when complete: a full disk or a killed run never leaves a truncated file in place of a good one.
final class OutputSink {
    private let target: URL?
    private let temporary: URL?
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String?) throws {
        guard let path else {
            target = nil
            temporary = nil
            handle = FileHandle.standardOutput
            return
        }
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil), let h = try? FileHandle(forWritingTo: temp) else {
            throw StoreError("\(path): 无法写入 (cannot write there)")
        }
        target = url
        temporary = temp
        handle = h
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try drain() }
    }

    private func drain() throws {
        do { try handle.write(contentsOf: buffer) } catch {
            abandon()
            throw StoreError("\(target?.path ?? "stdout"): 写入失败 (writing failed: \(error.localizedDescription))"
                + (target == nil ? "" : "；原文件未改变 (the previous file is unchanged)"))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and, for a file, renames it over the target.
    func finish() throws {
        try drain()
        guard let target, let temporary else { return }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            abandon()
            throw StoreError("\(target.path): 写入失败 (writing failed: \(error.localizedDescription))；原文件未改变 (the previous file is unchanged)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            abandon()
            throw StoreError("\(target.path): 无法替换 (cannot replace)；原文件未改变 (the previous file is unchanged)")
        }
    }

    private func abandon() {
        guard let temporary else { return }
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
