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
