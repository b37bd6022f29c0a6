import Foundation
import GRDB
import GRDBSQLite

/// The stored values (see `ReportStore.values`) with every text held once: a row names its township,
/// indicator, unit, source… by number in `texts`. A store of 500,000 values repeats a few thousand
/// texts; reading them as numbers makes one String for each instead of eight for every row, and
/// leaves a caller integer keys to index by.
public struct ValueTable: Sendable {
    public struct Row: Sendable, Equatable {
        /// Numbers in `texts`; nil where the store has none.
        public var township: Int32?
        public var county: Int32?
        public var city: Int32?
        public var province: Int32?
        public var year: Int?
        public var indicator: Int32
        public var value: Double
        public var unit: Int32
        public var qualifier: Int32
        /// The report's path, `correction`, or `import:FILE`.
        public var source: Int32
        /// The sentence the value came from, or a correction's note.
        public var evidence: Int32?
        public var statedChange: Double?
        public var statedGrowthPercent: Double?
        /// A person has decided on this value (see `StoredValue.reviewed`).
        public var reviewed: Bool = false
    }

    /// Every distinct text the rows name, each once (and perhaps a few that no row names).
    public let texts: [String]
    public let rows: [Row]

    public subscript(_ number: Int32) -> String { texts[Int(number)] }

    /// The same values with texts, for a caller without its own use for the numbers.
    public init(_ values: [StoredValue]) {
        var numbering = TextNumbering()
        rows = values.map { v in
            func number(_ text: String) -> Int32 { numbering.number(of: text) }
            return Row(township: v.township.map(number), county: v.county.map(number), city: v.city.map(number),
                       province: v.province.map(number), year: v.year, indicator: number(v.indicator), value: v.value,
                       unit: number(v.unit), qualifier: number(v.qualifier), source: number(v.source),
                       evidence: v.evidence.map(number), statedChange: v.statedChange,
                       statedGrowthPercent: v.statedGrowthPercent, reviewed: v.reviewed)
        }
        texts = numbering.texts
    }

    init(texts: [String], rows: [Row]) {
        self.texts = texts
        self.rows = rows
    }

    /// The rows as `StoredValue`s, texts and all.
    public var storedValues: [StoredValue] {
        func text(_ number: Int32?) -> String? { number.map { texts[Int($0)] } }
        return rows.map { r in
            StoredValue(township: text(r.township), county: text(r.county), city: text(r.city), province: text(r.province),
                        year: r.year, indicator: self[r.indicator], value: r.value, unit: self[r.unit],
                        qualifier: self[r.qualifier], source: self[r.source], evidence: text(r.evidence),
                        statedChange: r.statedChange, statedGrowthPercent: r.statedGrowthPercent, reviewed: r.reviewed)
        }
    }
}

extension ReportStore {
    /// The values of these indicators (of all, with nil), as `values(indicator:ordered:)` describes them,
    /// as a `ValueTable`.
    public func valueTable(indicators: [String]? = nil, ordered: Bool = false) throws -> ValueTable {
        try db.read { db in
            let filter = indicators.map { " AND indicator IN (\(Array(repeating: "?", count: $0.count).joined(separator: ", ")))" } ?? ""
            // An imported value's source is `import:` and the file's name. Joined by SQLite, that text is
            // made anew for every row; unless the order needs it whole, the scan joins it (column 13).
            let importedSource = ordered ? "'import:' || sourceFile" : "sourceFile"
            let importedPrefix = ordered ? "NULL" : "'import:'"
            // Columns by position, as `ValueScan` reads them.
            let sql = """
                SELECT r.township, r.county, r.city, r.province, r.year, f.indicator, f.value, f.unit, f.qualifier,
                       r.sourcePath AS source, f.evidence AS evidence,
                       f.statedChange AS statedChange, f.statedGrowthPercent AS statedGrowthPercent, NULL AS sourcePrefix
                FROM finding f JOIN report r ON r.id = f.reportId
                WHERE f.chosen\(filter.replacingOccurrences(of: "indicator", with: "f.indicator"))
                UNION ALL
                SELECT township, county, city, province, year, indicator, value, unit, qualifier,
                       \(importedSource) AS source, NULL AS evidence,
                       NULL AS statedChange, NULL AS statedGrowthPercent, \(importedPrefix) AS sourcePrefix
                FROM imported WHERE 1\(filter)
                \(ordered ? "ORDER BY 5, 1, 2, 6, 10" : "")
                """
            var numbering = TextNumbering()
            var corrections = try Correction.order(Column("id")).fetchAll(db)
            // The largest row ids bound the rows (found at once, where counting would read every finding):
            // room for them all at the start spares copying a growing array of half a million rows.
            let bound = try Int.fetchOne(db, sql: "SELECT IFNULL((SELECT MAX(id) FROM finding), 0) + IFNULL((SELECT MAX(id) FROM imported), 0)") ?? 0
            var rows = try ValueScan.rows(db, sql: sql, arguments: (indicators ?? []) + (indicators ?? []),
                                          capacity: bound + corrections.count, numbering: &numbering)
            if let indicators {
                let wanted = Set(indicators)
                corrections = corrections.filter { wanted.contains($0.indicator) }
            }
            Self.apply(corrections, to: &rows, numbering: &numbering)
            return ValueTable(texts: numbering.texts, rows: rows)
        }
    }

    /// A correction overrides every value that matches its township, county, year and indicator (with an
    /// empty county, the township in any county); one that matches nothing is a value of its own. By its
    /// decision: an accepted value the report still gives keeps its report, qualifier and sentence; one it
    /// no longer gives is set like a typed value; `notStated` drops the values it matches and adds none.
    /// Every value a correction matches is marked reviewed.
    static func apply(_ corrections: [Correction], to rows: inout [ValueTable.Row], numbering: inout TextNumbering) {
        guard !corrections.isEmpty else { return }
        // An unknown county and an empty one are the same key, as a correction writes both as "".
        let empty = numbering.number(of: "")
        func key(_ c: Correction) -> CorrectionKey {
            CorrectionKey(township: numbering.number(of: c.township), county: numbering.number(of: c.county),
                          year: c.year, indicator: numbering.number(of: c.indicator))
        }
        // The last correction for a key wins.
        var byKey: [CorrectionKey: (correction: Correction, note: Int32?)] = [:]
        for c in corrections { byKey[key(c)] = (c, c.note.isEmpty ? nil : numbering.number(of: c.note)) }
        let exact = numbering.number(of: "exact"), correction = numbering.number(of: "correction")
        var used = Set<CorrectionKey>()
        var dropped: [Int] = []
        for i in rows.indices {
            let r = rows[i]
            guard let township = r.township, let year = r.year else { continue }
            let exactKey = CorrectionKey(township: township, county: r.county ?? empty, year: year, indicator: r.indicator)
            let anyCountyKey = CorrectionKey(township: township, county: empty, year: year, indicator: r.indicator)
            guard let (matched, c) = byKey[exactKey].map({ (exactKey, $0) }) ?? byKey[anyCountyKey].map({ (anyCountyKey, $0) })
            else { continue }
            used.insert(matched)
            rows[i].reviewed = true
            guard let value = c.correction.value, c.correction.kind != .notStated else {
                dropped.append(i)
                continue
            }
            if c.correction.kind == .accept && value == r.value { continue }
            rows[i].value = value
            rows[i].qualifier = exact
            rows[i].source = correction
            // The report's sentence no longer supports the value; the correction's note does.
            rows[i].evidence = c.note
            rows[i].statedChange = nil
            rows[i].statedGrowthPercent = nil
        }
        if !dropped.isEmpty {
            let drop = Set(dropped)
            rows = rows.indices.filter { !drop.contains($0) }.map { rows[$0] }
        }
        let stored = rows.count
        var firstUnit: [Int32: Int32] = [:]
        for r in rows where firstUnit[r.indicator] == nil { firstUnit[r.indicator] = r.unit }
        for c in corrections {
            let k = key(c)
            guard !used.contains(k), let chosen = byKey[k], chosen.correction == c else { continue }
            used.insert(k)
            guard let value = c.value, c.kind != .notStated else { continue }
            // City and province from the first stored value of the place.
            let place = rows[..<stored].first { $0.township == k.township && ($0.county ?? empty) == k.county }
            rows.append(ValueTable.Row(
                township: k.township, county: c.county.isEmpty ? nil : k.county, city: place?.city,
                province: place?.province, year: c.year, indicator: k.indicator, value: value,
                unit: firstUnit[k.indicator] ?? empty, qualifier: exact, source: correction, evidence: nil,
                statedChange: nil, statedGrowthPercent: nil, reviewed: true))
        }
    }
}

private struct CorrectionKey: Hashable {
    let township: Int32, county: Int32, year: Int, indicator: Int32
}

/// Numbers texts by their UTF-8 bytes, so that the bytes SQLite hands over become a String only the
/// first time they are met.
struct TextNumbering {
    private(set) var texts: [String] = []
    /// Every text's UTF-8, one after another; text n is `bytes[starts[n]..<starts[n + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing: a text's number + 1, or 0 for a free slot. Never more than half full.
    private var slots = [Int32](repeating: 0, count: 1024)

    mutating func number(of text: String) -> Int32 {
        var text = text
        return text.withUTF8 { number(of: $0) }
    }

    mutating func number(of text: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(text)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let n = Int(slots[slot] - 1)
            if hashes[n] == hash && equals(n, text) { return Int32(n) }
            slot = (slot + 1) & mask
        }
        let n = texts.count
        texts.append(String(decoding: text, as: UTF8.self))
        bytes.append(contentsOf: text)
        starts.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(n + 1)
        if texts.count * 2 > slots.count { grow() }
        return Int32(n)
    }

    /// Whether text `n` has these bytes.
    func equals(_ n: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            let start = starts[n], count = starts[n + 1] - start
            guard count == text.count else { return false }
            if count == 0 { return true }
            return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, text.baseAddress!, count) == 0 }
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (n, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(n + 1)
        }
    }

    /// FNV-1a, then mixed so that the low bits (the slot) depend on every byte.
    private static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return (h ^ (h >> 29)) &* 0xbf58_476d_1ce4_e5b9
    }
}

/// One read of the values query straight through SQLite: texts are numbered from the bytes SQLite
/// holds, without a String nor a GRDB row for each.
enum ValueScan {
    static func rows(_ db: Database, sql: String, arguments: [String], capacity: Int,
                     numbering: inout TextNumbering) throws -> [ValueTable.Row] {
        let connection = db.sqliteConnection!
        var statement: OpaquePointer?
        var code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard code == SQLITE_OK else { throw error(connection, code) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (i, argument) in arguments.enumerated() {
            sqlite3_bind_text(statement, Int32(i + 1), argument, -1, transient)
        }
        // Rows of one report or one township come together, and a township's rows cycle through a few
        // indicators and units: each column first tries the last few texts it had, which spares most lookups.
        let recentCount = 4
        let recent = UnsafeMutablePointer<Int32>.allocate(capacity: 14 * recentCount)
        recent.initialize(repeating: -1, count: 14 * recentCount)
        defer { recent.deallocate() }
        // A column is read through its value: one call into SQLite (which takes the connection's lock)
        // rather than one for the pointer and one for the length. The value is used before the next
        // step on this thread only, as the unprotected value of `sqlite3_column_value` must be.
        func text(_ column: Int32) -> Int32? {
            let value = sqlite3_column_value(statement, column)
            guard let pointer = sqlite3_value_text(value) else { return nil }
            let text = UnsafeBufferPointer(start: pointer, count: Int(sqlite3_value_bytes(value)))
            let known = recent + Int(column) * recentCount
            for i in 0..<recentCount {
                guard known[i] >= 0 else { break }
                if numbering.equals(Int(known[i]), text) { return known[i] }
            }
            let n = numbering.number(of: text)
            for i in stride(from: recentCount - 1, to: 0, by: -1) { known[i] = known[i - 1] }
            known[0] = n
            return n
        }
        func double(_ column: Int32) -> Double? {
            let value = sqlite3_column_value(statement, column)
            return sqlite3_value_type(value) == SQLITE_NULL ? nil : sqlite3_value_double(value)
        }
        func integer(_ column: Int32) -> Int? {
            let value = sqlite3_column_value(statement, column)
            return sqlite3_value_type(value) == SQLITE_NULL ? nil : Int(sqlite3_value_int64(value))
        }
        // Never NULL in the schema; an empty text keeps a damaged store readable.
        let empty = numbering.number(of: "")
        /// The source with the prefix SQL left off (see `valueTable`), for the last source read.
        var lastPrefixed: (prefix: Int32, text: Int32, source: Int32) = (-1, -1, -1)
        func source() -> Int32 {
            let given = text(9) ?? empty
            guard let prefix = text(13) else { return given }
            if lastPrefixed.prefix != prefix || lastPrefixed.text != given {
                lastPrefixed = (prefix, given, numbering.number(of: numbering.texts[Int(prefix)] + numbering.texts[Int(given)]))
            }
            return lastPrefixed.source
        }
        var rows: [ValueTable.Row] = []
        rows.reserveCapacity(capacity)
        while true {
            code = sqlite3_step(statement)
            guard code == SQLITE_ROW else { break }
            rows.append(ValueTable.Row(
                township: text(0), county: text(1), city: text(2), province: text(3), year: integer(4),
                indicator: text(5) ?? empty, value: sqlite3_value_double(sqlite3_column_value(statement, 6)),
                unit: text(7) ?? empty, qualifier: text(8) ?? empty, source: source(), evidence: text(10),
                statedChange: double(11), statedGrowthPercent: double(12)))
        }
        guard code == SQLITE_DONE else { throw error(connection, code) }
        return rows
    }

    private static func error(_ connection: OpaquePointer, _ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
    }
}
