import Extraction
import GRDB

/// A chosen value that extraction marked for a person's review (`Finding.confidence == .review`),
/// with where it is from and why.
public struct ReviewValue: Sendable, Equatable {
    public var sourcePath: String
    public var township: String?
    public var county: String?
    public var city: String?
    public var province: String?
    public var year: Int?
    public var indicator: String
    public var value: Double
    /// Why it needs a look, as extraction wrote it (`前有分项词“其中” (a subset word nearby)`).
    public var reason: String
    /// The sentence the value came from.
    public var evidence: String
}

extension ReportStore {
    /// Every chosen value extraction marked `review`, by report path and indicator. A value a person
    /// has corrected since is still listed: the correction is shown beside it by the caller.
    public func valuesForReview() throws -> [ReviewValue] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.sourcePath, r.township, r.county, r.city, r.province, r.year,
                       f.indicator, f.value, COALESCE(f.reviewReason, ''), f.evidence
                FROM finding f JOIN report r ON r.id = f.reportId
                WHERE f.chosen AND f.confidence = 'review'
                ORDER BY r.sourcePath, f.indicator
                """).map { row in
                ReviewValue(sourcePath: row[0], township: row[1], county: row[2], city: row[3], province: row[4],
                            year: row[5], indicator: row[6], value: row[7], reason: row[8], evidence: row[9])
            }
        }
    }
}

/// One number extraction found in a report, chosen or not, as the review page shows it: the chosen value
/// and the other candidates for its indicator.
public struct ReportFinding: Sendable, Equatable {
    public var id: Int64
    public var indicator: String
    public var value: Double
    public var unit: String
    public var qualifier: String
    /// The number as the report writes it (`2万余`).
    public var written: String
    public var evidence: String
    /// Where the evidence starts in the decoded file, in Unicode scalars.
    public var offset: Int
    public var chosen: Bool
    /// `high` or `review`.
    public var confidence: String
    public var reviewReason: String?
}

extension ReportStore {
    /// Numbers that change whenever the store's content does: the count and largest id of reports,
    /// findings, corrections and imported rows. Ids are never reused (AUTOINCREMENT), and an ingest,
    /// a removal, an import or a change of the corrections (rewritten whole) moves at least one of them.
    /// A reader that caches what it computed from the store compares these.
    public func changeFingerprint() throws -> [Int64] {
        try db.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM report), (SELECT IFNULL(MAX(id), 0) FROM report),
                       (SELECT COUNT(*) FROM finding), (SELECT IFNULL(MAX(id), 0) FROM finding),
                       (SELECT COUNT(*) FROM correction), (SELECT IFNULL(MAX(id), 0) FROM correction),
                       (SELECT COUNT(*) FROM imported), (SELECT IFNULL(MAX(id), 0) FROM imported)
                """)!
            return (0..<8).map { row[$0] as Int64 }
        }
    }

    /// The stored report with this id, or nil.
    public func report(id: Int64) throws -> ReportRecord? {
        try db.read { db in try ReportRecord.fetchOne(db, key: id) }
    }

    /// Every finding of a report, chosen values and other candidates, in the order extraction stored them.
    public func reportFindings(reportId: Int64) throws -> [ReportFinding] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, indicator, value, unit, qualifier, written, evidence, offset, chosen, confidence, reviewReason
                FROM finding WHERE reportId = ? ORDER BY id
                """, arguments: [reportId]).map { r in
                ReportFinding(id: r[0], indicator: r[1], value: r[2], unit: r[3], qualifier: r[4], written: r[5],
                              evidence: r[6], offset: r[7], chosen: r[8], confidence: r[9], reviewReason: r[10])
            }
        }
    }
}
