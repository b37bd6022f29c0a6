import Foundation
import GRDB

/// One report file as stored: where it is, what its bytes hashed to, and where it is from.
public struct ReportRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "report"
    public var id: Int64?
    public var sourcePath: String
    public var contentHash: String
    public var township: String?
    public var county: String?
    public var city: String?
    public var province: String?
    public var year: Int?
    /// The file's identity: its absolute path, symbolic links resolved (schema v4; nil for a report
    /// stored before, until it is ingested again).
    public var resolvedPath: String? = nil

    public init(id: Int64? = nil, sourcePath: String, contentHash: String, township: String?, county: String?,
                city: String?, province: String?, year: Int?) {
        self.id = id
        self.sourcePath = sourcePath
        self.contentHash = contentHash
        self.township = township
        self.county = county
        self.city = city
        self.province = province
        self.year = year
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One number found in a report, with the sentence it came from.
public struct FindingRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "finding"
    public var id: Int64?
    public var reportId: Int64
    public var indicator: String
    public var value: Double
    public var unit: String
    public var qualifier: String
    public var written: String
    public var evidence: String
    public var offset: Int
    public var chosen: Bool
    /// The change from the previous year stated beside the value, signed (schema v2).
    public var statedChange: Double? = nil
    /// The growth from the previous year stated beside the value, in percent, signed (schema v2).
    public var statedGrowthPercent: Double? = nil

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What a person decided about a value: the kind of a correction.
public enum CorrectionDecision: String, Codable, Sendable, CaseIterable {
    /// A value typed by hand (`fazhi correct`, the review page's edit): the default, and every correction
    /// of a file written before decisions were recorded.
    case set
    /// The value the report gives is right: kept with its report and sentence, and marked reviewed.
    case accept
    /// Another of the report's candidates for the indicator is the right one.
    case candidate
    /// The report does not state this indicator: the extracted value is dropped. Such a correction
    /// has no value.
    case notStated = "not_stated"
}

/// A value a person set by hand, keyed by township, county, year and indicator (never by finding id),
/// so that it survives re-extraction.
public struct Correction: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "correction"
    public var id: Int64?
    public var township: String
    public var county: String
    public var year: Int
    public var indicator: String
    /// The value; nil only for `.notStated` (schema v5: the column allows NULL).
    public var value: Double?
    public var note: String
    /// The value it replaced when it was made, if there was one (schema v4).
    public var replaces: Double?
    /// A rate over 100 confirmed with `--force` (schema v4).
    public var force: Bool
    /// What the person decided (schema v5; nil reads as `.set`).
    public var decision: CorrectionDecision?
    /// Who made it: `--reviewer`, or the system user (schema v5; nil for older corrections).
    public var reviewer: String?
    /// When, ISO 8601 in UTC (`2026-11-29T14:20:05Z`; schema v5; nil for older corrections).
    public var at: String?

    public init(id: Int64? = nil, township: String, county: String, year: Int, indicator: String, value: Double?, note: String,
                replaces: Double? = nil, force: Bool = false, decision: CorrectionDecision? = nil,
                reviewer: String? = nil, at: String? = nil) {
        self.id = id
        self.township = township
        self.county = county
        self.year = year
        self.indicator = indicator
        self.value = value
        self.note = note
        self.replaces = replaces
        self.force = force
        self.decision = decision
        self.reviewer = reviewer
        self.at = at
    }

    /// `decision`, `.set` where none was recorded.
    public var kind: CorrectionDecision { decision ?? .set }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One row loaded from an exported long table (`fazhi import`): a source of its own.
public struct ImportedRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "imported"
    public var id: Int64?
    public var township: String?
    public var county: String?
    public var city: String?
    public var province: String?
    public var year: Int?
    public var indicator: String
    public var value: Double
    public var unit: String
    public var qualifier: String
    public var sourceFile: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One value as read from the store: from a report file, a correction or an import.
public struct StoredValue: Codable, Sendable, Equatable {
    public var township: String?
    public var county: String?
    public var city: String?
    public var province: String?
    public var year: Int?
    public var indicator: String
    public var value: Double
    public var unit: String
    public var qualifier: String
    /// The report's path, `correction`, or `import:FILE`.
    public var source: String
    /// Computed from other values (by Trends); always false for stored values.
    public var derived: Bool
    /// The sentence the value came from (reports only), exported in the long table's `evidence` column.
    public var evidence: String?
    /// A change from the previous year stated beside the value (较上年增加58人 → +58), signed.
    public var statedChange: Double?
    /// A growth rate stated beside the value, in percent (增长率109% → 109; 下降12% → -12).
    public var statedGrowthPercent: Double?
    /// A person has decided on this value (accepted it, chose a candidate, typed it): any correction of
    /// its township, county, year and indicator. Exported in the long table's `reviewed` column.
    public var reviewed: Bool

    public init(township: String?, county: String?, city: String?, province: String?, year: Int?,
                indicator: String, value: Double, unit: String, qualifier: String, source: String, derived: Bool = false,
                evidence: String? = nil, statedChange: Double? = nil, statedGrowthPercent: Double? = nil,
                reviewed: Bool = false) {
        self.township = township
        self.county = county
        self.city = city
        self.province = province
        self.year = year
        self.indicator = indicator
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.source = source
        self.derived = derived
        self.evidence = evidence
        self.statedChange = statedChange
        self.statedGrowthPercent = statedGrowthPercent
        self.reviewed = reviewed
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(township, forKey: .township)
        try c.encode(county, forKey: .county)
        try c.encode(city, forKey: .city)
        try c.encode(province, forKey: .province)
        try c.encode(year, forKey: .year)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(source, forKey: .source)
        try c.encode(derived, forKey: .derived)
        try c.encode(reviewed, forKey: .reviewed)
    }
}

/// What one ingest did.
public struct IngestSummary: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }
}

/// A stable 64-bit FNV-1a hash of a file's bytes, as 16 hex digits.
public enum ContentHash {
    public static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
