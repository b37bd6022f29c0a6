import Extraction
import Foundation
import GRDB

/// `Data/corrections.csv`: township,county,year,indicator,value,note,replaces,force,decision,reviewer,at — the
/// file a person may edit and keep in git. `replaces` (the value the correction replaced), `force` (a rate
/// over 100 confirmed), `decision` (set, accept, candidate or not_stated; empty is set), `reviewer` and `at`
/// (who made it, and when) are optional, so that a file written before them still loads. A `not_stated`
/// row has an empty value.
public enum CorrectionsFile {
    public static let header = ["township", "county", "year", "indicator", "value", "note", "replaces", "force",
                                "decision", "reviewer", "at"]
    static let required = ["township", "county", "year", "indicator", "value"]

    /// The file's corrections, each checked by `rules` but for its township (its indicator as the catalog's
    /// id; a rate over 100 where its `force` is true). A row that is
    /// not a valid correction is named by line; with `skipBad` it is left out and listed in `bad`,
    /// without it the first one throws `FileRowError`. A missing file has no corrections.
    public static func load(_ url: URL, rules: ValueRules, skipBad: Bool = false) throws -> (corrections: [Correction], bad: [LineProblem]) {
        guard FileManager.default.fileExists(atPath: url.path) else { return ([], []) }
        let file = url.path
        var bad: [LineProblem] = []
        func refuse(_ p: LineProblem) throws {
            if !skipBad { throw FileRowError(file: file, problem: p) }
            bad.append(p)
        }
        do {
            let reader = try StrictCSVReader(url: url)
            guard let head = try reader.next() else { return ([], []) }
            let names = head.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            var column: [String: Int] = [:]
            for (i, n) in names.enumerated() where column[n] == nil { column[n] = i }
            for c in required where column[c] == nil {
                throw FileRowError(file: file, problem: LineProblem(line: head.line, reason: "缺少列 \(c) (missing column \(c))"))
            }
            var corrections: [Correction] = []
            while let record = try reader.next() {
                guard record.fields.count == names.count else {
                    try refuse(LineProblem(line: record.line, reason: "有 \(record.fields.count) 列，表头有 \(names.count) 列 "
                        + "(\(record.fields.count) fields; the header has \(names.count))"))
                    continue
                }
                func text(_ name: String) -> String {
                    column[name].map { CSV.unguarded(CSV.trimmed(record.fields[$0])) } ?? ""
                }
                guard !text("township").isEmpty else { try refuse(LineProblem(line: record.line, reason: "缺少镇街 (no township)")); continue }
                guard let year = Int(text("year")) else {
                    try refuse(LineProblem(line: record.line, reason: "年份无效 (bad year): \(text("year"))")); continue
                }
                let decisionText = text("decision")
                guard let decision = decisionText.isEmpty ? CorrectionDecision.set : CorrectionDecision(rawValue: decisionText) else {
                    try refuse(LineProblem(line: record.line, reason: "未知的核对结论 (unknown decision): \(decisionText)；"
                        + "可为 set、accept、candidate、not_stated")); continue
                }
                let value: Double?
                if decision == .notStated {
                    guard text("value").isEmpty else {
                        try refuse(LineProblem(line: record.line, reason: "“未述及”不应有数值 (not_stated has no value): \(text("value"))")); continue
                    }
                    value = nil
                } else {
                    guard CSV.isPlainNumber(text("value")), let number = Double(text("value")) else {
                        try refuse(LineProblem(line: record.line, reason: "数值无效 (not a number): \(text("value"))")); continue
                    }
                    value = number
                }
                var rowRules = rules
                rowRules.allowRateOver100 = rules.allowRateOver100 || text("force") == "true"
                // A township is checked when a correction is made (`correct`, the review page); one made
                // with --new-township, for a place no report has yet, stays valid in the file.
                rowRules.allowNewTownships = true
                // A value not stated is checked for its place, year and indicator (0 stands in for the value).
                let incoming = IncomingValue(township: text("township"), county: text("county"), year: year,
                                             indicator: text("indicator"), value: value ?? 0)
                switch rowRules.check(incoming) {
                case .failure(let p): try refuse(LineProblem(line: record.line, reason: p.reason))
                case .success(let v):
                    let replaces = text("replaces")
                    corrections.append(Correction(township: v.township!, county: v.county ?? "", year: year,
                                                  indicator: v.indicator, value: value, note: text("note"),
                                                  replaces: CSV.isPlainNumber(replaces) ? Double(replaces) : nil,
                                                  force: text("force") == "true",
                                                  decision: decisionText.isEmpty ? nil : decision,
                                                  reviewer: text("reviewer").isEmpty ? nil : text("reviewer"),
                                                  at: text("at").isEmpty ? nil : text("at")))
                }
            }
            return (corrections, bad)
        } catch let e as CSVSyntaxError {
            throw FileRowError(file: file, problem: LineProblem(line: e.line, reason: e.reason))
        }
    }

    /// The whole file's text for these corrections (UTF-8, no BOM, formula-safe cells).
    public static func text(_ corrections: [Correction]) -> String {
        var text = CSV.line(header)
        for c in corrections {
            text += CSV.line([c.township, c.county, String(c.year), c.indicator, c.value.map(formatNumber) ?? "", c.note,
                              c.replaces.map(formatNumber) ?? "", c.force ? "true" : "",
                              c.decision?.rawValue ?? "", c.reviewer ?? "", c.at ?? ""])
        }
        return text
    }
}

/// Writes a file so that a failure never destroys the one before: the bytes go to a temporary file in
/// the same folder, which is renamed over the target only once complete (and is removed on failure).
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let fm = FileManager.default
        let folder = url.deletingLastPathComponent()
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            guard fm.createFile(atPath: temporary.path, contents: nil) else {
                throw StoreError("无法写入 (cannot write) \(temporary.path)")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                try handle.write(contentsOf: data)
                try handle.synchronize()
                try handle.close()
            } catch { try? handle.close(); throw error }
            guard rename(temporary.path, url.path) == 0 else {
                throw StoreError("无法替换 (cannot replace) \(url.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw StoreError("\(url.path): 写入失败，原文件未改变 (writing failed; the previous file is unchanged): \(error)")
        }
    }
}

/// What a correction changes: the value before it and where that came from (`correction`, a report's
/// path, `import:FILE`).
public struct Replaced: Sendable, Equatable {
    public let value: Double
    public let source: String
}

extension ReportStore {
    /// The value `correction`'s key has now (a correction before it, a report's, an import's), if any.
    public func currentValue(township: String, county: String, year: Int, indicator: String) throws -> Replaced? {
        try db.read { db in
            try Self.currentValue(db, township: township, county: county, year: year, indicator: indicator,
                                  skippingCorrections: false)
        }
    }

    static func currentValue(_ db: Database, township: String, county: String, year: Int, indicator: String,
                             skippingCorrections: Bool) throws -> Replaced? {
        do {
            if !skippingCorrections, let c = try Correction.filter(sql: "township = ? AND county IN (?, '') AND year = ? AND indicator = ?",
                                             arguments: [township, county, year, indicator])
                .order(Column("id").desc).fetchOne(db) {
                // "Not stated in this report": the key has no value now.
                return c.value.map { Replaced(value: $0, source: "correction") }
            }
            if let row = try Row.fetchOne(db, sql: """
                SELECT f.value, r.sourcePath FROM finding f JOIN report r ON r.id = f.reportId
                WHERE f.chosen AND r.township = ? AND (? = '' OR r.county IS ?) AND r.year = ? AND f.indicator = ?
                ORDER BY r.id LIMIT 1
                """, arguments: [township, county, county, year, indicator]) {
                return Replaced(value: row[0], source: row[1])
            }
            if let row = try Row.fetchOne(db, sql: """
                SELECT value, 'import:' || sourceFile FROM imported
                WHERE township = ? AND (? = '' OR county IS ?) AND year = ? AND indicator = ? LIMIT 1
                """, arguments: [township, county, county, year, indicator]) {
                return Replaced(value: row[0], source: row[1])
            }
            return nil
        }
    }

    /// Changes the corrections in the store and in the corrections file together, or neither: inside one
    /// write transaction (which holds SQLite's write lock, so that another process's change — a second
    /// review session, `fazhi correct`, `extract` reloading the file — comes wholly before or after) the
    /// file (the source a person edits) is read and checked, `change` edits its list, the store's
    /// corrections are replaced, and the file is written atomically; if the store cannot commit, the
    /// file's previous bytes are put back. Returns `change`'s result.
    public func changeCorrections<T>(file url: URL, rules: ValueRules,
                                     _ change: (inout [Correction]) throws -> T) throws -> T {
        try changeCorrections(file: url, rules: rules) { list, _ in try change(&list) }
    }

    /// `changeCorrections`, with `change` given the transaction's database to read what it needs.
    func changeCorrections<T>(file url: URL, rules: ValueRules,
                              _ change: (inout [Correction], Database) throws -> T) throws -> T {
        var previous: Data?
        var renamed = false
        do {
            return try write { db in
                var list = try CorrectionsFile.load(url, rules: rules).corrections
                let result = try change(&list, db)
                previous = try? Data(contentsOf: url)
                _ = try Correction.deleteAll(db)
                for var c in list {
                    c.id = nil
                    try c.insert(db)
                }
                try AtomicFile.write(Data(CorrectionsFile.text(list).utf8), to: url)
                renamed = true
                return result
            }
        } catch {
            if renamed {
                if let previous { try? AtomicFile.write(previous, to: url) } else { try? FileManager.default.removeItem(at: url) }
            }
            throw error
        }
    }

    /// A person sets a value (`fazhi correct`, the review page): checked by `rules` (which say whether a
    /// rate over 100 or a new township may pass), stored with the value it replaces, in the store and
    /// the corrections file together (`changeCorrections`). `decision` says what kind of decision it is
    /// (`.notStated` takes no value: `incoming.value` is then only checked as a placeholder and not kept);
    /// `reviewer` and `at` say who and when (`at` defaults to now, ISO 8601 UTC).
    /// Throws `StoreError` naming the reason.
    @discardableResult
    public func correct(_ incoming: IncomingValue, note: String, file url: URL, rules: ValueRules,
                        decision: CorrectionDecision? = nil, reviewer: String? = nil,
                        at: Date = Date()) throws -> (correction: Correction, replaced: Replaced?) {
        guard let township = incoming.township, let year = incoming.year else {
            throw StoreError("更正须有镇街和年份 (a correction needs a township and a year)")
        }
        let checked: IncomingValue
        switch rules.check(incoming) {
        case .success(let v): checked = v
        case .failure(let problem): throw StoreError("无法更正 (not corrected): \(problem)")
        }
        let county = incoming.county ?? ""
        let value: Double? = decision == .notStated ? nil : checked.value
        let stamp = ISO8601DateFormatter().string(from: at)
        return try changeCorrections(file: url, rules: rules) { list, db in
            // Read inside the transaction, so that the value replaced is the one current at the change.
            let replaced = try Self.currentValue(db, township: township, county: county, year: year,
                                                 indicator: checked.indicator, pending: list)
            let correction = Correction(township: township, county: county, year: year, indicator: checked.indicator,
                                        value: value, note: note, replaces: replaced?.value,
                                        force: rules.allowRateOver100 && (value ?? 0) > 100,
                                        decision: decision, reviewer: reviewer, at: stamp)
            list.append(correction)
            return (correction, replaced)
        }
    }

    /// The value a key has given the corrections `pending` (the file's, about to be written) and else
    /// what the store has: used inside `changeCorrections`, where the store's corrections may lag the file.
    static func currentValue(_ db: Database, township: String, county: String, year: Int, indicator: String,
                             pending: [Correction]) throws -> Replaced? {
        if let c = pending.last(where: { $0.township == township && ($0.county == county || $0.county.isEmpty)
                                         && $0.year == year && $0.indicator == indicator }) {
            return c.value.map { Replaced(value: $0, source: "correction") }
        }
        return try currentValue(db, township: township, county: county, year: year, indicator: indicator,
                                skippingCorrections: true)
    }

    /// Takes back correction `number` (1-based, in the file's order, as `fazhi corrections` numbers them),
    /// in the store and the file together. Returns it.
    @discardableResult
    public func undoCorrection(_ number: Int, file url: URL, rules: ValueRules) throws -> Correction {
        try changeCorrections(file: url, rules: rules) { list -> Correction in
            guard (1...max(1, list.count)).contains(number), number <= list.count else {
                throw StoreError("没有第 \(number) 条更正 (no correction \(number)); 共 \(list.count) 条 (there are \(list.count))")
            }
            return list.remove(at: number - 1)
        }
    }

    /// Takes back the last correction equal to `correction` (but for its id) — the one a review session
    /// made, wherever other sessions' corrections have put it in the file since — in the store and the
    /// file together. Throws `StoreError` when the file no longer has it.
    public func undoCorrection(_ correction: Correction, file url: URL, rules: ValueRules) throws {
        var wanted = correction
        wanted.id = nil
        try changeCorrections(file: url, rules: rules) { list in
            guard let i = list.lastIndex(where: { var c = $0; c.id = nil; return c == wanted }) else {
                throw StoreError("更正文件中已没有这条更正 (the corrections file no longer has this correction): "
                    + "\(correction.township) \(correction.year) \(correction.indicator)")
            }
            list.remove(at: i)
        }
    }

    /// Loads the corrections file into the store (what `extract` does after storing): the good rows
    /// replace the store's corrections; the bad ones are returned, by line, and left out. The file is
    /// read inside the write transaction, so a correction written meanwhile by another process is not lost.
    @discardableResult
    public func reloadCorrections(file url: URL, rules: ValueRules) throws -> [LineProblem] {
        try write { db in
            let (corrections, bad) = try CorrectionsFile.load(url, rules: rules, skipBad: true)
            _ = try Correction.deleteAll(db)
            for var c in corrections {
                c.id = nil
                try c.insert(db)
            }
            return bad
        }
    }

    /// Takes reports out of the store, their findings with them, in one transaction. `sources` are
    /// paths as the store shows them or any path to the same file. Returns, per report removed, its
    /// shown path and how many findings went; a path the store does not have throws, nothing removed.
    public func removeReports(_ sources: [String]) throws -> [(source: String, findings: Int)] {
        try write { db in
            var removed: [(String, Int)] = []
            for source in sources {
                let identity = Self.identity(of: source)
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT id, sourcePath FROM report WHERE sourcePath = ? OR resolvedPath = ? OR resolvedPath = ?
                    """, arguments: [source, identity, source]) else {
                    throw StoreError("数据库中没有报告 \(source) (no such report in the store; `fazhi reports` lists them)")
                }
                let id: Int64 = row[0]
                let findings = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM finding WHERE reportId = ? AND chosen", arguments: [id]) ?? 0
                try db.execute(sql: "DELETE FROM report WHERE id = ?", arguments: [id])
                removed.append((row[1], findings))
            }
            return removed
        }
    }

    /// The stored reports whose files are gone, among those under `folders` (resolved paths).
    public func reportsMissing(under folders: [String]) throws -> [String] {
        let roots = folders.map { Self.identity(of: $0) }
        return try reports().compactMap { r in
            let identity = r.resolvedPath ?? Self.identity(of: r.sourcePath)
            guard roots.contains(where: { identity == $0 || identity.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else { return nil }
            return FileManager.default.fileExists(atPath: identity) ? nil : r.sourcePath
        }
    }
}
