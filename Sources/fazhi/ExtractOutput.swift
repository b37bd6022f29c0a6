import Extraction
import Foundation

/// How `fazhi extract` prints what it found: JSON for programs, CSV for spreadsheets, a table for people.
enum ExtractOutput {
    struct ReportJSON: Encodable {
        let report: ExtractedReport
        let findings: [Finding]
        enum Keys: String, CodingKey { case source, township, county, city, province, year, indicators }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            let m = report.metadata
            try c.encode(report.source, forKey: .source)
            try c.encode(m.township, forKey: .township)
            try c.encode(m.county, forKey: .county)
            try c.encode(m.city, forKey: .city)
            try c.encode(m.province, forKey: .province)
            try c.encode(m.year, forKey: .year)
            try c.encode(findings.map(FindingJSON.init), forKey: .indicators)
        }
    }

    struct FindingJSON: Encodable {
        let finding: Finding
        enum Keys: String, CodingKey { case id, value, unit, qualifier, written, evidence, offset }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(finding.indicator, forKey: .id)
            try c.encode(Decimal(string: formatValue(finding.value)), forKey: .value)
            try c.encode(finding.unit, forKey: .unit)
            try c.encode(finding.qualifier.rawValue, forKey: .qualifier)
            try c.encode(finding.written, forKey: .written)
            try c.encode(finding.evidence, forKey: .evidence)
            try c.encode(finding.offset, forKey: .offset)
        }
    }

    static func json(_ reports: [ExtractedReport], catalog: Catalog) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(reports.map { ReportJSON(report: $0, findings: $0.chosen(in: catalog)) })
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func csv(_ reports: [ExtractedReport], catalog: Catalog) -> String {
        var out = "source,township,county,city,province,year,indicator,value,unit,qualifier,written,evidence,offset\n"
        for report in reports {
            let m = report.metadata
            for f in report.chosen(in: catalog) {
                let fields = [report.source, m.township ?? "", m.county ?? "", m.city ?? "", m.province ?? "",
                              m.year.map(String.init) ?? "", f.indicator, formatValue(f.value), f.unit,
                              f.qualifier.rawValue, f.written, f.evidence, String(f.offset)]
                out += fields.map(csvField).joined(separator: ",") + "\n"
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
                return [name, qualifierMark(f) + formatValue(f.value), f.unit, "“" + f.written + "”"]
            }
            out += TextTable(header: ["指标", "数值", "单位", "原文"], rows: rows).render()
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

    static func qualifierMark(_ f: Finding) -> String {
        switch f.qualifier {
        case .exact: return ""
        case .moreThan: return ">"
        case .about: return "≈"
        case .nearly: return "近"
        case .atLeast: return "≥"
        }
    }

    static func csvField(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
