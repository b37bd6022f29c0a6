import Foundation
import GRDB

extension ReportStore {
    /// How many values `forEachValue` will give before its corrections of their own: for a progress bar.
    public func valueCount() throws -> Int {
        try db.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM finding WHERE chosen) + (SELECT COUNT(*) FROM imported)") ?? 0
        }
    }

    /// Every stored value, as `values()` gives them (a correction overriding what it matches, one that
    /// matches nothing a value of its own, given last), one at a time and in constant memory: the rows of
    /// one township and county come together, by year. Values without a township come first.
    public func forEachValue(_ body: (StoredValue) throws -> Void) throws {
        try db.read { db in
            let corrections = try Correction.order(Column("id")).fetchAll(db)
            struct Key: Hashable { let township: String, county: String, year: Int, indicator: String }
            var byKey: [Key: Correction] = [:]
            for c in corrections { byKey[Key(township: c.township, county: c.county, year: c.year, indicator: c.indicator)] = c }
            var used = Set<Key>()
            /// The first place seen for a township and county: city and province for corrections of their own.
            var firstPlace: [String: (String?, String?)] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT r.township, r.county, r.city, r.province, r.year, f.indicator, f.value, f.unit, f.qualifier,
                       r.sourcePath AS source, f.statedChange, f.statedGrowthPercent, f.evidence
                FROM finding f JOIN report r ON r.id = f.reportId
                WHERE f.chosen
                UNION ALL
                SELECT township, county, city, province, year, indicator, value, unit, qualifier,
                       'import:' || sourceFile AS source, NULL, NULL, NULL
                FROM imported
                ORDER BY 1, 2, 5, 6, 10
                """)
            while let row = try rows.next() {
                var v = StoredValue(township: row[0], county: row[1], city: row[2], province: row[3], year: row[4],
                                    indicator: row[5], value: row[6], unit: row[7], qualifier: row[8], source: row[9],
                                    evidence: row[12], statedChange: row[10], statedGrowthPercent: row[11])
                if let township = v.township, let year = v.year {
                    if corrections.count > 0 {
                        let exact = Key(township: township, county: v.county ?? "", year: year, indicator: v.indicator)
                        let anyCounty = Key(township: township, county: "", year: year, indicator: v.indicator)
                        // As `ValueTable.apply`: reviewed; not stated drops it; an accepted value the report
                        // still gives keeps its report.
                        if let (key, c) = byKey[exact].map({ (exact, $0) }) ?? byKey[anyCounty].map({ (anyCounty, $0) }) {
                            used.insert(key)
                            v.reviewed = true
                            guard let value = c.value, c.kind != .notStated else { continue }
                            if !(c.kind == .accept && value == v.value) {
                                v.value = value
                                v.qualifier = "exact"
                                v.source = "correction"
                                v.statedChange = nil
                                v.statedGrowthPercent = nil
                            }
                        }
                        let placeKey = township + "\u{1F}" + (v.county ?? "")
                        if firstPlace[placeKey] == nil && firstPlace.count < 1_000_000 { firstPlace[placeKey] = (v.city, v.province) }
                    }
                }
                try body(v)
            }
            for c in corrections {
                let key = Key(township: c.township, county: c.county, year: c.year, indicator: c.indicator)
                guard !used.contains(key), byKey[key] == c else { continue }
                used.insert(key)
                guard let value = c.value, c.kind != .notStated else { continue }
                let place = firstPlace[c.township + "\u{1F}" + c.county]
                try body(StoredValue(township: c.township, county: c.county.isEmpty ? nil : c.county, city: place?.0 ?? nil,
                                     province: place?.1 ?? nil, year: c.year, indicator: c.indicator, value: value,
                                     unit: "", qualifier: "exact", source: "correction", reviewed: true))
            }
        }
    }
}
