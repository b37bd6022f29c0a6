import Extraction
import Foundation
import GRDB
import GRDBSQLite
import ReportText

/// The embedded SQLite store: reports, their findings, corrections and imported rows.
public final class ReportStore {
    public let path: String
    let db: DatabasePool

    /// How a command uses the store: commands that only read open it read-only, so that they never
    /// change its bytes and work on a store whose file or folder is read-only.
    public enum Access: Sendable { case readWrite, readOnly }

    /// How long a write waits for another process's write before giving up (seconds): 10, or
    /// `FAZHI_BUSY_TIMEOUT` (tests wait less).
    public static let busyTimeout: TimeInterval =
        ProcessInfo.processInfo.environment["FAZHI_BUSY_TIMEOUT"].flatMap(Double.init) ?? 10

    /// Opens the store at `path`. `.readWrite` creates it if need be and brings its schema up to date;
    /// `.readOnly` needs an existing store and changes nothing in it. Either refuses a store that a newer
    /// fazhi wrote (a migration this one does not know), naming both schemas, rather than read or damage it.
    /// Throws `StoreError` with a message for a clerk.
    /// `memoryMapped`: reads map the file (faster for `valueTable`, but the mapped pages count in the
    /// process's resident memory); a command that streams a large store passes false.
    public init(path: String, access: Access = .readWrite, memoryMapped: Bool = true) throws {
        self.path = path
        self.access = access
        var config = Configuration()
        config.foreignKeysEnabled = true
        // A second writer (another `extract` or `correct`) waits for the first instead of failing at once.
        config.busyMode = .timeout(Self.busyTimeout)
        // A batch of reports is one transaction: with SQLite's default 2 MB page cache a large one spills
        // and reads its own pages back. Up to 64 MB of cache per connection, used only as needed.
        // Reads map the file rather than copy its pages: loading every value of a large store
        // (`valueTable`) spends a sixth of its time less.
        let mmap = memoryMapped ? 1_073_741_824 : 0
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536; PRAGMA mmap_size = \(mmap)") }
        let fm = FileManager.default
        switch access {
        case .readWrite:
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            if fm.fileExists(atPath: path) && !Self.isWritable(path) {
                throw StoreError("数据库只读，无法写入 (the store is read-only): \(path)")
            }
            // Checked before the pool opens: opening a pool for writing may already write to the file.
            if fm.fileExists(atPath: path) {
                var probe = Configuration()
                probe.readonly = true
                probe.busyMode = .timeout(Self.busyTimeout)
                let queue = try Self.mapErrors(path) { try DatabaseQueue(path: path, configuration: probe) }
                try Self.refuseNewer(queue, path)
                try queue.close()
            }
            db = try Self.mapErrors(path) { try DatabasePool(path: path, configuration: config) }
            try Self.mapErrors(path) { try Self.migrator.migrate(db) }
        case .readOnly:
            guard fm.fileExists(atPath: path) else {
                throw StoreError("没有数据库 \(path) (no store there: run `fazhi extract` first)")
            }
            config.readonly = true
            // A WAL store needs its -shm file; where the file or its folder is read-only, SQLite reads it as
            // an immutable file instead (nothing can be writing it then) — unless a WAL with frames lies
            // beside it, which immutable reading would ignore: then it is opened as usual.
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let walSize = ((try? fm.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0) ?? 0
            if (Self.isWritable(path) && Self.isWritable(folder)) || walSize > 0 {
                db = try Self.mapErrors(path) { try DatabasePool(path: path, configuration: config) }
            } else {
                let uri = "file:" + (URL(fileURLWithPath: path).standardizedFileURL.path
                    .addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
                db = try Self.mapErrors(path) { try DatabasePool(path: uri, configuration: config) }
            }
            try Self.refuseNewer(db, path)
        }
    }

    public let access: Access

    /// Whether a file may be written: the system allows it and its mode is not read-only (a file marked
    /// read-only counts as such even for root, whom the system lets write anything).
    static func isWritable(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return Glibc.access(path, W_OK) == 0 && info.st_mode & 0o222 != 0
    }

    /// The migrations this fazhi knows, oldest first.
    public static var knownSchemas: [String] { migrator.migrations }

    /// Refuses a store with migrations this fazhi does not know: a newer fazhi wrote it.
    static func refuseNewer(_ db: some DatabaseReader, _ path: String) throws {
        // Never through a pooled reader that outlives a migration: it would keep the schema it saw.
        func applied(_ db: Database) throws -> [String] {
            guard try db.tableExists("grdb_migrations") else { return [] }
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        let applied: [String] = try mapErrors(path) {
            try db.read(applied)
        }
        let known = Set(knownSchemas)
        let unknown = applied.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw StoreError("数据库 \(path) 由更新版本的 fazhi 写入 (架构 \(unknown.joined(separator: ", "))), "
                + "本程序只认识到 \(knownSchemas.last ?? "-") (the store's schema is newer than this fazhi's; upgrade fazhi)")
        }
    }

    /// SQLite's errors in a clerk's words: a busy store, a file that is no store, a read-only file.
    static func mapErrors<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw StoreError("数据库正被另一个 fazhi 写入，等待 \(Int(busyTimeout)) 秒后放弃 (the store is busy: "
                    + "another process is writing it; gave up after \(Int(busyTimeout)) s): \(path)")
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                throw StoreError("不是 fazhi 数据库或已损坏 (not a store, or damaged): \(path)")
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
                throw StoreError("数据库无法写入或打开 (the store cannot be written or opened): \(path): \(error.message ?? "")")
            case .SQLITE_FULL, .SQLITE_IOERR:
                // A failed write rolls its transaction back: SQLite's journal keeps the store as it was.
                throw StoreError("磁盘写入失败 (磁盘已满？)，数据库未改变 (a write failed — disk full? The store is unchanged): "
                    + "\(path): \(error.message ?? "")")
            default:
                throw StoreError("数据库错误 (store error): \(path): \(error.message ?? "\(error)")")
            }
        }
    }

    /// A write transaction, its SQLite errors in a clerk's words.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mapErrors(path) { try db.write(body) }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "report") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sourcePath", .text).notNull().unique()
                t.column("contentHash", .text).notNull()
                t.column("township", .text)
                t.column("county", .text)
                t.column("city", .text)
                t.column("province", .text)
                t.column("year", .integer)
            }
            try db.create(indexOn: "report", columns: ["township", "year"])
            try db.create(table: "finding") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("reportId", .integer).notNull().indexed()
                    .references("report", onDelete: .cascade)
                t.column("indicator", .text).notNull()
                t.column("value", .double).notNull()
                t.column("unit", .text).notNull()
                t.column("qualifier", .text).notNull()
                t.column("written", .text).notNull()
                t.column("evidence", .text).notNull()
                t.column("offset", .integer).notNull()
                t.column("chosen", .boolean).notNull()
            }
            try db.create(indexOn: "finding", columns: ["indicator"])
            try db.create(table: "correction") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("township", .text).notNull()
                t.column("county", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("indicator", .text).notNull()
                t.column("value", .double).notNull()
                t.column("note", .text).notNull()
            }
            try db.create(table: "imported") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("township", .text)
                t.column("county", .text)
                t.column("city", .text)
                t.column("province", .text)
                t.column("year", .integer)
                t.column("indicator", .text).notNull()
                t.column("value", .double).notNull()
                t.column("unit", .text).notNull()
                t.column("qualifier", .text).notNull()
                t.column("sourceFile", .text).notNull()
            }
            try db.create(indexOn: "imported", columns: ["sourceFile"])
        }
        // A change from the previous year stated beside a value (较上年增加58人, 增长率109%).
        migrator.registerMigration("v2") { db in
            try db.alter(table: "finding") { t in
                t.add(column: "statedChange", .double)
                t.add(column: "statedGrowthPercent", .double)
            }
        }
        // How sure extraction is of each value: `high`, or `review` with its reason.
        migrator.registerMigration("v3") { db in
            try db.alter(table: "finding") { t in
                t.add(column: "confidence", .text).notNull().defaults(to: "high")
                t.add(column: "reviewReason", .text)
            }
        }
        // A report's identity is its resolved absolute path (symbolic links followed), so that extracting
        // the same file from another working folder updates it instead of storing it twice. Filled in on
        // the next ingest for reports stored before.
        migrator.registerMigration("v4-report-identity") { db in
            try db.alter(table: "report") { t in t.add(column: "resolvedPath", .text) }
            try db.create(index: "report_resolvedPath", on: "report", columns: ["resolvedPath"], unique: true)
        }
        // An imported row remembers its line in the file, so that a conflict can be named by line;
        // a correction remembers the value it replaced and where that came from.
        migrator.registerMigration("v4-lines-and-replaced") { db in
            try db.alter(table: "imported") { t in t.add(column: "line", .integer) }
            try db.create(indexOn: "imported", columns: ["township", "year", "indicator"])
            try db.alter(table: "correction") { t in
                t.add(column: "replaces", .double)
                t.add(column: "force", .boolean).notNull().defaults(to: false)
            }
        }
        // A correction records what was decided (a typed value, an accepted one, another candidate, or "not
        // stated in this report", which has no value), who decided and when. SQLite cannot drop a NOT NULL,
        // so the table is made anew and its rows copied.
        migrator.registerMigration("v5-review-decisions") { db in
            try db.create(table: "correction_v5") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("township", .text).notNull()
                t.column("county", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("indicator", .text).notNull()
                t.column("value", .double)
                t.column("note", .text).notNull()
                t.column("replaces", .double)
                t.column("force", .boolean).notNull().defaults(to: false)
                t.column("decision", .text)
                t.column("reviewer", .text)
                t.column("at", .text)
            }
            try db.execute(sql: """
                INSERT INTO correction_v5 (id, township, county, year, indicator, value, note, replaces, force)
                SELECT id, township, county, year, indicator, value, note, replaces, force FROM correction
                """)
            try db.drop(table: "correction")
            try db.rename(table: "correction_v5", to: "correction")
        }
        // What each drawn output (a chart file of a chart tree) was drawn from: the hash of its data, so that
        // a re-run redraws only the outputs whose data changed. The store knows the names, not the charts.
        migrator.registerMigration("v6-output-hashes") { db in
            try db.create(table: "outputHash") { t in
                t.column("name", .text).primaryKey()
                t.column("hash", .text).notNull()
                t.column("note", .text).notNull().defaults(to: "")
            }
        }
        return migrator
    }

    // MARK: Ingest

    /// Stores a batch of extracted reports in ONE write transaction: a run killed midway leaves
    /// the store as it was before the batch. The same content hash at a known path adds nothing;
    /// changed content at a known path replaces that report's findings; a new path adds a report.
    @discardableResult
    public func ingest(_ reports: [(ExtractedReport, contentHash: String)]) throws -> IngestSummary {
        try write { db in
            // Known reports by identity (resolved path); a report stored before identities by its path resolved now.
            var known: [String: (id: Int64, hash: String)] = [:]
            var displayed = Set<String>()
            for row in try Row.fetchAll(db, sql: "SELECT id, sourcePath, contentHash, resolvedPath FROM report") {
                let source: String = row[1]
                displayed.insert(source)
                known[(row[3] as String?) ?? Self.identity(of: source)] = (row[0], row[2])
            }
            // Prepared once per transaction: the loop below only binds and steps.
            let insertReport = try db.cachedStatement(sql: """
                INSERT INTO report (sourcePath, contentHash, township, county, city, province, year, resolvedPath)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let updateReport = try db.cachedStatement(sql: """
                UPDATE report SET contentHash = ?, township = ?, county = ?, city = ?, province = ?, year = ?,
                                  resolvedPath = ?
                WHERE id = ?
                """)
            let setIdentity = try db.cachedStatement(sql: "UPDATE report SET resolvedPath = ? WHERE id = ? AND resolvedPath IS NULL")
            let deleteFindings = try db.cachedStatement(sql: "DELETE FROM finding WHERE reportId = ?")
            // Findings are most of the rows: bound straight to SQLite, without StatementArguments.
            let insertFinding = try FindingInsert(db)
            defer { insertFinding.finalize() }
            var summary = IngestSummary()
            for (report, hash) in reports {
                let m = report.metadata
                let identity = Self.identity(of: report.source)
                let reportId: Int64
                if let existing = known[identity] {
                    if existing.hash == hash {
                        setIdentity.setUncheckedArguments([identity, existing.id])
                        try setIdentity.execute()
                        summary.unchanged += 1
                        continue
                    }
                    reportId = existing.id
                    updateReport.setUncheckedArguments([hash, m.township, m.county, m.city, m.province, m.year,
                                                        identity, reportId])
                    try updateReport.execute()
                    deleteFindings.setUncheckedArguments([reportId])
                    try deleteFindings.execute()
                    summary.updated += 1
                } else {
                    // Two files shown by the same relative path from different folders: the second by its full path.
                    let source = displayed.contains(report.source) ? identity : report.source
                    displayed.insert(source)
                    insertReport.setUncheckedArguments([source, hash, m.township, m.county, m.city,
                                                        m.province, m.year, identity])
                    try insertReport.execute()
                    reportId = db.lastInsertedRowID
                    summary.added += 1
                }
                known[identity] = (reportId, hash)
                for f in report.findings { try insertFinding.insert(f, reportId: reportId) }
            }
            return summary
        }
    }

    /// A report's identity: its absolute path with symbolic links resolved, `.` and `..` gone.
    /// A relative path is taken from the current folder.
    public static func identity(of path: String) -> String {
        // realpath on the path as given, and for a path that is not there (a report inside a zip, a store
        // moved away from its files) the absolute path with `.` and `..` taken out by hand: going through
        // URL's standardizedFileURL cost more than storing the report's findings.
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Every stored report's path and content hash, read once so that a run can skip unchanged
    /// files before reading them further, let alone extracting them.
    /// Keyed by identity (`identity(of:)`), as a run looks its files up; `sourcePaths` maps an identity to
    /// the path the store shows.
    public func contentHashes() throws -> [String: String] {
        try contentHashesAndSources().hashes
    }

    /// Every stored report's content hash and shown path, both keyed by its identity.
    public func contentHashesAndSources() throws -> (hashes: [String: String], sources: [String: String]) {
        try db.read { db in
            var hashes: [String: String] = [:], sources: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT sourcePath, contentHash, resolvedPath FROM report") {
                let source: String = row[0]
                let identity = (row[2] as String?) ?? Self.identity(of: source)
                hashes[identity] = row[1]
                sources[identity] = source
            }
            return (hashes, sources)
        }
    }

    /// The stored reports at these paths with their chosen findings, as extraction gave them when they
    /// were stored: what `fazhi extract` shows for a file it skipped as unchanged. The store keeps no
    /// score nor number offset: `score` is 0 and `numberOffset` is the evidence's offset.
    public func storedReports(sourcePaths: [String]) throws -> [String: ExtractedReport] {
        if sourcePaths.isEmpty { return [:] }
        let wanted = Set(sourcePaths)
        return try db.read { db in
            var reports: [String: ExtractedReport] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT r.sourcePath, r.township, r.county, r.city, r.province, r.year,
                       f.indicator, f.value, f.unit, f.qualifier, f.written, f.evidence, f.offset,
                       f.statedChange, f.statedGrowthPercent, f.confidence, f.reviewReason
                FROM report r LEFT JOIN finding f ON f.reportId = r.id AND f.chosen
                ORDER BY r.id, f.id
                """)
            while let row = try rows.next() {
                let path: String = row[0]
                guard wanted.contains(path) else { continue }
                if reports[path] == nil {
                    let metadata = ReportMetadata(township: row[1], county: row[2], city: row[3], province: row[4],
                                                  year: row[5])
                    reports[path] = ExtractedReport(source: path, metadata: metadata, findings: [])
                }
                guard let indicator: String = row[6] else { continue }
                let offset: Int = row[12]
                var finding = Finding(indicator: indicator, value: row[7], unit: row[8],
                                      qualifier: Qualifier(rawValue: row[9]) ?? .exact, written: row[10],
                                      evidence: row[11], offset: offset, numberOffset: offset, score: 0, chosen: true)
                finding.statedChange = row[13]
                finding.statedGrowthPercent = row[14]
                finding.confidence = Confidence(rawValue: row[15]) ?? .high
                finding.reviewReason = row[16]
                reports[path]!.findings.append(finding)
            }
            return reports
        }
    }

    // MARK: Corrections

    /// Replaces every correction with `corrections`, in one transaction.
    public func replaceCorrections(_ corrections: [Correction]) throws {
        try write { db in
            _ = try Correction.deleteAll(db)
            for var c in corrections {
                c.id = nil
                try c.insert(db)
            }
        }
    }

    public func addCorrection(_ correction: Correction) throws {
        var c = correction
        c.id = nil
        try write { db in try c.insert(db) }
    }

    public func corrections() throws -> [Correction] {
        try db.read { db in try Correction.order(Column("id")).fetchAll(db) }
    }

    // MARK: Import

    /// Loads rows of the exported long table as a source of their own (`import:FILE`).
    /// Importing the same file name again replaces its earlier rows.
    @discardableResult
    public func importRows(_ rows: [StoredValue], sourceFile: String) throws -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM imported WHERE sourceFile = ?", arguments: [sourceFile])
            for r in rows {
                var record = ImportedRecord(id: nil, township: r.township, county: r.county, city: r.city,
                                            province: r.province, year: r.year, indicator: r.indicator,
                                            value: r.value, unit: r.unit, qualifier: r.qualifier, sourceFile: sourceFile)
                try record.insert(db)
            }
            return rows.count
        }
    }

    // MARK: Reading

    /// Row counts of every table, by table name.
    public func counts() throws -> [String: Int] {
        try db.read { db in
            var counts: [String: Int] = [:]
            for table in ["report", "finding", "correction", "imported"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    public func reports() throws -> [ReportRecord] {
        try db.read { db in try ReportRecord.order(Column("sourcePath")).fetchAll(db) }
    }

    public func findings(sourcePath: String) throws -> [FindingRecord] {
        try db.read { db in
            try FindingRecord.fetchAll(db, sql: """
                SELECT finding.* FROM finding JOIN report ON report.id = finding.reportId
                WHERE report.sourcePath = ? ORDER BY finding.id
                """, arguments: [sourcePath])
        }
    }

    /// The values of one indicator (or of all, with nil): the chosen finding of each report and every
    /// imported row, with a correction overriding wherever it matches township, county, year and indicator.
    /// A correction with an empty county matches the township in any county.
    /// A correction that matches nothing still gives a value of its own.
    /// `ordered` sorts by year, township, county, indicator and source, as the long table is written;
    /// a caller that indexes the values itself saves the sort (a second or more on 500,000 values).
    public func values(indicator: String? = nil, ordered: Bool = true) throws -> [StoredValue] {
        try valueTable(indicators: indicator.map { [$0] }, ordered: ordered).storedValues
    }

    /// Runs `PRAGMA integrity_check`: "ok" for a sound file.
    public func integrityCheck() throws -> String {
        try db.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}

/// The finding insert as a raw prepared SQLite statement, owned for one transaction.
/// Binding each field directly saves the boxing of `StatementArguments`, which cost as much as
/// SQLite's own work per row.
private final class FindingInsert {
    private let connection: OpaquePointer
    private var statement: OpaquePointer?
    /// SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database) throws {
        connection = db.sqliteConnection!
        let sql = """
            INSERT INTO finding (reportId, indicator, value, unit, qualifier, written, evidence, offset, chosen,
                                 statedChange, statedGrowthPercent, confidence, reviewReason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message) }
    }

    private var message: String { String(cString: sqlite3_errmsg(connection)) }

    func insert(_ f: Finding, reportId: Int64) throws {
        sqlite3_bind_int64(statement, 1, reportId)
        sqlite3_bind_double(statement, 3, f.value)
        sqlite3_bind_int64(statement, 8, Int64(f.offset))
        sqlite3_bind_int(statement, 9, f.chosen ? 1 : 0)
        bind(f.statedChange, 10)
        bind(f.statedGrowthPercent, 11)
        sqlite3_bind_text(statement, 12, f.confidence.rawValue, -1, Self.transient)
        if let reason = f.reviewReason {
            sqlite3_bind_text(statement, 13, reason, -1, Self.transient)
        } else {
            sqlite3_bind_null(statement, 13)
        }
        // The texts are bound without a copy (SQLITE_STATIC): each stays valid until the step inside.
        let code = Self.withText(f.indicator) { indicator in
            Self.withText(f.unit) { unit in
                Self.withText(f.qualifier.rawValue) { qualifier in
                    Self.withText(f.written) { written in
                        Self.withText(f.evidence) { evidence in
                            bind(indicator, 2)
                            bind(unit, 4)
                            bind(qualifier, 5)
                            bind(written, 6)
                            bind(evidence, 7)
                            return sqlite3_step(statement)
                        }
                    }
                }
            }
        }
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message) }
    }

    /// A string's UTF-8, contiguous, for the length of `body`.
    private static func withText<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var text = text
        return text.withUTF8(body)
    }

    private func bind(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int32) {
        // A null pointer would bind NULL: an empty string gets SQLite's own empty text.
        if let base = bytes.baseAddress {
            sqlite3_bind_text(statement, index, base, Int32(bytes.count), nil)
        } else {
            sqlite3_bind_text(statement, index, "", 0, Self.transient)
        }
    }

    private func bind(_ value: Double?, _ index: Int32) {
        if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    func finalize() {
        sqlite3_finalize(statement)
        statement = nil
    }
}
