import Extraction
import Foundation
import Publish
import Store

/// How `fazhi extract` prints what it found: JSON for programs, CSV for spreadsheets, a table for people.
enum ExtractOutput {
    /// `notes` by source: a finding of a paged document (PDF, OFD) gets its `page`; a report read
    /// by OCR gets `"review": "OCR"`.
    static func json(_ reports: [ExtractedReport], catalog: Catalog, notes: [String: ReadNotes] = [:]) -> String {
        JSON.renderedArray(reports) { report in
            let m = report.metadata
            let note = notes[report.source]
            var fields: [(String, JSON)] = [
                ("source", .string(report.source)),
                ("township", .optional(m.township)), ("county", .optional(m.county)),
                ("city", .optional(m.city)), ("province", .optional(m.province)), ("year", .optional(m.year)),
                ("indicators", .array(report.chosen(in: catalog).map { f in
                    var fields: [(String, JSON)] = [
                        ("id", .string(f.indicator)), ("value", .number(formatValue(f.value))),
                        ("unit", .string(f.unit)), ("qualifier", .string(f.qualifier.rawValue)),
                        ("written", .string(f.written)), ("evidence", .string(f.evidence)), ("offset", .int(f.offset)),
                        ("confidence", .string(f.confidence.rawValue)),
                    ]
                    if let reason = f.reviewReason { fields.append(("review_reason", .string(reason))) }
                    if let page = note?.page(at: f.offset) { fields.append(("page", .int(page))) }
                    // Only where the report states a change from last year beside the value.
                    if let change = f.statedChange { fields.append(("stated_change", .number(formatValue(change)))) }
                    if let growth = f.statedGrowthPercent {
                        fields.append(("stated_growth_percent", .number(formatValue(growth))))
                    }
                    return .object(fields)
                })),
            ]
            if let review = note?.review { fields.append(("review", .string(review))) }
            return .object(fields)
        } + "\n"
    }

    /// UTF-8 with a BOM, so that Excel and WPS read the Chinese right; text cells formula-safe (`CellText`).
    static func csv(_ reports: [ExtractedReport], catalog: Catalog) -> String {
        var out = "\u{FEFF}source,township,county,city,province,year,indicator,value,unit,qualifier,written,evidence,offset,confidence,review_reason\n"
        for report in reports {
            let m = report.metadata
            for f in report.chosen(in: catalog) {
                let text = [report.source, m.township ?? "", m.county ?? "", m.city ?? "", m.province ?? "",
                             m.year.map(String.init) ?? "", f.indicator].map(CellText.field)
                out += (text + [CellText.number(f.value)] + [f.unit, f.qualifier.rawValue, f.written, f.evidence].map(CellText.field)
                        + [String(f.offset)] + [f.confidence.rawValue, f.reviewReason ?? ""].map(CellText.field))
                    .joined(separator: ",") + "\n"
            }
        }
        return out
    }

    static func table(_ reports: [ExtractedReport], catalog: Catalog) -> String {
        let missing = "—"
        let metaRows = reports.map { r -> [String] in
            let m = r.metadata
            return [m.province ?? missing, m.city ?? missing, m.county ?? missing, m.township ?? missing,
                    m.year.map(String.init) ?? missing, String(r.chosen(in: catalog).count), r.source]
        }
        var out = TextTable(header: ["省", "市", "县(区)", "镇(街道)", "年度", "指标数", "文件"], rows: metaRows).render()
        for report in reports {
            let chosen = report.chosen(in: catalog)
            if chosen.isEmpty { continue }
            let m = report.metadata
            out += "\n\(m.township ?? missing) \(m.year.map { "\($0)年" } ?? missing)  (\(report.source))\n"
            let rows = chosen.map { f -> [String] in
                let name = catalog.indicator(f.indicator)?.name ?? f.indicator
                return [name, ValueText.qualified(formatValue(f.value), f.qualifier.rawValue), f.unit, "“" + f.written + "”",
                        f.confidence == .high ? "" : "待核 " + (f.reviewReason ?? "")]
            }
            out += TextTable(header: ["指标", "数值", "单位", "原文", "可信度"], rows: rows).render()
        }
        return out
    }

    /// A value as the report means it: 20000, 90.52 — never an invented decimal.
    static func formatValue(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var s = String(format: "%.6f", value)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// One CSV cell, formula-safe: the one writer every command's CSV goes through (`CSV.field`).
    static func csvField(_ s: String) -> String { CSV.field(s) }
}
