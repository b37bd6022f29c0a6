import Foundation
import ReportText

/// The fictional county every sample report belongs to. It is in no gazetteer, on purpose.
public let sampleCountyName = "示例县"

/// What a generated report truly says: the metadata the extractor should find and the value of
/// every indicator the text states, in the format of shared/gold/seeds.json, plus how each value
/// is written and any inconsistency put there on purpose.
public struct SampleTruth: Sendable, Equatable {
    public var file: String
    public var township: String
    public var county: String
    /// Nil: the fictional county belongs to no real city or province.
    public var city: String? = nil
    public var province: String? = nil
    public var year: Int
    /// Indicator id → the value the report states.
    public var values: [String: Double]
    /// Values a careful reader may or may not take (a figure that only implies the indicator).
    public var optional: [String: Double]
    /// Indicator id → the number as written with its measure word: `2万余份`, `百分之百`.
    public var written: [String: String]
    public var inconsistencies: [SampleInconsistency]
}

/// A figure that disagrees with another on purpose, for `fazhi check` to find.
public struct SampleInconsistency: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A stated rate that the stated counts do not give (办结率100% with 45 of 50 closed).
        case rateMismatch = "rate_mismatch"
        /// More resolved or closed than received.
        case partExceedsWhole = "part_exceeds_whole"
        /// 较上年增加K人 where last year's report says otherwise.
        case changeMismatch = "change_mismatch"
    }
    public var kind: Kind
    public var indicators: [String]
    /// What the report states, and what the other figures imply.
    public var stated: Double
    public var expected: Double
    public var note: String
}

/// How a report's bytes are stored.
public enum SampleEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"
}

public struct SampleReport: Sendable {
    public var fileName: String
    public var text: String
    public var encoding: SampleEncoding
    public var truth: SampleTruth

    /// The file's bytes in its encoding.
    public func bytes() -> Data {
        switch encoding {
        case .utf8: return Data(text.utf8)
        case .gb18030: return Iconv.encode(text, to: "GB18030") ?? Data(text.utf8)
        }
    }
}

/// One township of 示例县 as the generator sees it.
public struct SampleTownship: Sendable, Equatable {
    public var name: String
    /// Rough population in 万 people: drives every count.
    public var scale: Double
    public var villages: Int
}

public struct SampleSet: Sendable {
    public var seed: UInt64
    public var years: ClosedRange<Int>
    public var townships: [SampleTownship]
    /// Township by township, year by year.
    public var reports: [SampleReport]

    /// truth.json: one object per report, keys in a fixed order, so the same set gives the same bytes.
    public func truthJSON() -> String {
        var out = "[\n"
        for (n, r) in reports.enumerated() {
            out += Self.truthEntry(r)
            out += n == reports.count - 1 ? "\n" : ",\n"
        }
        return out + "]\n"
    }

    /// One report's object of truth.json, without the comma or line break after it.
    public static func truthEntry(_ r: SampleReport) -> String {
        let t = r.truth
        var out = "  {\n"
        out += "    \"file\": \(JSONText.quote(t.file)),\n"
        out += "    \"township\": \(JSONText.quote(t.township)), \"county\": \(JSONText.quote(t.county)), "
        out += "\"city\": \(t.city.map(JSONText.quote) ?? "null"), \"province\": \(t.province.map(JSONText.quote) ?? "null"), "
        out += "\"year\": \(t.year),\n"
        out += "    \"encoding\": \(JSONText.quote(r.encoding.rawValue)),\n"
        out += "    \"values\": \(JSONText.object(t.values, order: indicatorOrder)),\n"
        out += "    \"optional\": \(JSONText.object(t.optional, order: indicatorOrder)),\n"
        out += "    \"written\": \(JSONText.stringObject(t.written, order: indicatorOrder)),\n"
        out += "    \"inconsistencies\": ["
        for (k, i) in t.inconsistencies.enumerated() {
            out += k == 0 ? "\n" : ",\n"
            out += "      {\"kind\": \(JSONText.quote(i.kind.rawValue)), \"indicators\": ["
            out += i.indicators.map(JSONText.quote).joined(separator: ", ")
            out += "], \"stated\": \(JSONText.number(i.stated)), \"expected\": \(JSONText.number(i.expected)), "
            out += "\"note\": \(JSONText.quote(i.note))}"
        }
        out += t.inconsistencies.isEmpty ? "]\n" : "\n    ]\n"
        return out + "  }"
    }
}

/// The catalog's indicator ids in catalog order (Data/catalog.json): the order of truth.json's keys.
public let indicatorOrder: [String] = [
    "mediation.disputes", "mediation.resolved", "mediation.resolution_rate", "mediation.committees",
    "mediation.mediators", "petitions.received", "petitions.closed", "petitions.closure_rate",
    "enforcement.certified_staff", "enforcement.certificates_issued", "enforcement.certificates_revoked",
    "enforcement.certified_rate", "publicity.events", "publicity.materials", "legal.consultations",
    "legal.literates", "legal.advisers", "review.reconsideration_cases", "review.litigation_cases",
    "review.head_appearance_rate", "review.legality_reviews",
]

enum JSONText {
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 { out += String(format: "\\u%04x", c.value) } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }

    static func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        return NumberWriter.rate(v)
    }

    static func object(_ d: [String: Double], order: [String]) -> String {
        let keys = order.filter { d[$0] != nil } + d.keys.filter { !order.contains($0) }.sorted()
        if keys.isEmpty { return "{}" }
        return "{" + keys.map { "\(quote($0)): \(number(d[$0]!))" }.joined(separator: ", ") + "}"
    }

    static func stringObject(_ d: [String: String], order: [String]) -> String {
        let keys = order.filter { d[$0] != nil } + d.keys.filter { !order.contains($0) }.sorted()
        if keys.isEmpty { return "{}" }
        return "{" + keys.map { "\(quote($0)): \(quote(d[$0]!))" }.joined(separator: ", ") + "}"
    }
}
