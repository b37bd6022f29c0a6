import Extraction
import Foundation
import GRDB

/// A row of a file that did not go in, by its line.
public struct LineProblem: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let reason: String
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
    public var description: String { "第 \(line) 行 (line \(line)): \(reason)" }
}

/// A file that was refused as a whole: the first bad row, named by file and line.
public struct FileRowError: Error, CustomStringConvertible {
    public let file: String
    public let problem: LineProblem
    public init(file: String, problem: LineProblem) {
        self.file = file
        self.problem = problem
    }
    public var description: String {
        "\(file): \(problem)；未导入任何行 (nothing was imported; --skip-bad takes the good rows)"
    }
}

/// What one import did.
public struct ImportSummary: Sendable {
    public var imported = 0
    /// Rows left out (with `skipBad`), the first 100 of them with their reasons.
    public var skipped: [LineProblem] = []
    public var skippedCount = 0
    /// Rows marked derived: computed again from what is stored, never imported.
    public var derivedSkipped = 0
    /// Imported values for a township, year and indicator that a report gives another value for:
    /// both are kept, and named here (the first 100).
    public var conflicts: [LineProblem] = []
    public var conflictCount = 0
    /// "UTF-8" or "GB18030".
    public var encoding = ""
    /// The first and last line of the rows read (after the header), or nil for a file of a header alone.
    public var lines: ClosedRange<Int>?
}

extension ReportStore {
    /// Every township name the store holds (reports and imports), for `ValueRules`.
    public func townshipNames() throws -> Set<String> {
        try db.read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT township FROM report WHERE township IS NOT NULL
                UNION SELECT township FROM imported WHERE township IS NOT NULL
                """))
        }
    }

    /// Imports a long table (`LongTable.columns`; township, county, year, indicator and value required)
    /// as the source `import:FILE`, replacing that file's earlier rows, in ONE transaction and in constant
    /// memory: rows stream from the file into SQLite. Every row passes `rules`; a row that does not, a
    /// row of the wrong width, a quoting error, or two rows giving one township, year and indicator
    /// different values, is named by line. Without `skipBad` the first such row refuses the whole file
    /// (throws `FileRowError`, the store unchanged); with it the good rows go in and the bad ones are
    /// counted. `progress(bytesRead, totalBytes)` is called every few thousand rows.
    public func importCSV(_ url: URL, sourceFile: String, rules: ValueRules, skipBad: Bool,
                          progress: ((Int, Int) -> Void)? = nil) throws -> ImportSummary {
        let file = url.path
        let reader: StrictCSVReader
        do { reader = try StrictCSVReader(url: url) } catch let e as CSVSyntaxError {
            throw FileRowError(file: file, problem: LineProblem(line: e.line, reason: e.reason))
        }
        var summary = ImportSummary()
        summary.encoding = reader.encodingName
        func refuse(_ p: LineProblem) throws {
            if !skipBad { throw FileRowError(file: file, problem: p) }
            summary.skippedCount += 1
            if summary.skipped.count < 100 { summary.skipped.append(p) }
        }
        let header: CSVRecord
        do {
            guard let first = try reader.next() else { throw FileRowError(file: file, problem: LineProblem(line: 1, reason: "空文件 (empty file)")) }
            header = first
        } catch let e as CSVSyntaxError { throw FileRowError(file: file, problem: LineProblem(line: e.line, reason: e.reason)) }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var column: [String: Int] = [:]
        for (i, name) in names.enumerated() where column[name] == nil { column[name] = i }
        for required in ["township", "county", "year", "indicator", "value"] where column[required] == nil {
            throw FileRowError(file: file, problem: LineProblem(line: header.line, reason: "缺少列 \(required) (missing column \(required))"))
        }
        // Townships and indicators repeat: each distinct text is judged once.
        var townshipKnown: [String: Bool] = [:]
        try write { db in
            try db.execute(sql: "DELETE FROM imported WHERE sourceFile = ?", arguments: [sourceFile])
            let insert = try db.cachedStatement(sql: """
                INSERT INTO imported (township, county, city, province, year, indicator, value, unit, qualifier, sourceFile, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var rowsSinceProgress = 0
            while true {
                let record: CSVRecord
                do {
                    guard let next = try reader.next() else { break }
                    record = next
                } catch let e as CSVSyntaxError {
                    // The rest of the file cannot be told apart into rows.
                    try refuse(LineProblem(line: e.line, reason: e.reason + "；此后各行无法读取 (the rest of the file cannot be read)"))
                    break
                }
                summary.lines = (summary.lines?.lowerBound ?? record.line)...record.line
                rowsSinceProgress += 1
                if rowsSinceProgress == 4096 { rowsSinceProgress = 0; progress?(reader.bytesRead, reader.totalBytes) }
                guard record.fields.count == names.count else {
                    try refuse(LineProblem(line: record.line, reason: "有 \(record.fields.count) 列，表头有 \(names.count) 列 "
                        + "(\(record.fields.count) fields; the header has \(names.count))"))
                    continue
                }
                func text(_ name: String) -> String? {
                    guard let i = column[name] else { return nil }
                    let t = CSV.unguarded(CSV.trimmed(record.fields[i]))
                    return t.isEmpty ? nil : t
                }
                if text("derived") == "true" { summary.derivedSkipped += 1; continue }
                guard let indicatorText = text("indicator") else {
                    try refuse(LineProblem(line: record.line, reason: "缺少指标 (no indicator)")); continue
                }
                guard let valueText = text("value"), CSV.isPlainNumber(valueText), let value = Double(valueText) else {
                    try refuse(LineProblem(line: record.line, reason: "数值无效 (not a number): \(text("value") ?? "")")); continue
                }
                var year: Int? = nil
                if let y = text("year") {
                    guard let parsed = Int(y) else {
                        try refuse(LineProblem(line: record.line, reason: "年份无效 (bad year): \(y)")); continue
                    }
                    year = parsed
                }
                let township = text("township")
                var known: Bool? = nil
                if let township, !rules.allowNewTownships {
                    known = townshipKnown[township] ?? rules.isKnown(township)
                    townshipKnown[township] = known
                }
                let incoming = IncomingValue(township: township, county: text("county"), year: year,
                                             indicator: indicatorText, value: value,
                                             qualifier: text("qualifier") ?? "exact")
                let checked: IncomingValue
                switch rules.check(incoming, townshipIsKnown: known) {
                case .success(let v): checked = v
                case .failure(let p): try refuse(LineProblem(line: record.line, reason: p.reason)); continue
                }
                let unit = text("unit") ?? rules.catalog.indicator(checked.indicator)?.unit ?? ""
                insert.setUncheckedArguments([checked.township, checked.county, text("city"), text("province"), checked.year,
                                              checked.indicator, checked.value, unit, checked.qualifier, sourceFile, record.line])
                try insert.execute()
                summary.imported += 1
            }
            progress?(reader.totalBytes, reader.totalBytes)
            // Two rows of this file for one township, county, year and indicator with different values.
            let duplicates = try Row.fetchCursor(db, sql: """
                SELECT a.line, b.line, b.id, a.value, b.value FROM imported a JOIN imported b
                  ON b.township = a.township AND b.year = a.year AND b.indicator = a.indicator
                 AND b.county IS a.county AND b.sourceFile = a.sourceFile AND b.line > a.line
                WHERE a.sourceFile = ? AND b.value != a.value
                ORDER BY b.line
                """, arguments: [sourceFile])
            var dropped: [Int64] = []
            while let row = try duplicates.next() {
                let first: Int = row[0], second: Int = row[1]
                try refuse(LineProblem(line: second, reason: "与第 \(first) 行冲突 (conflicts with line \(first)): "
                    + "\(formatNumber(row[3])) 与 \(formatNumber(row[4]))"))
                dropped.append(row[2])
            }
            for id in Set(dropped) { try db.execute(sql: "DELETE FROM imported WHERE id = ?", arguments: [id]) }
            summary.imported -= Set(dropped).count
            // Values a report of the store gives otherwise: kept, and named.
            let conflicts = try Row.fetchCursor(db, sql: """
                SELECT i.line, i.township, i.year, i.indicator, i.value, f.value, r.sourcePath
                FROM imported i JOIN report r ON r.township = i.township AND r.year = i.year
                     AND (i.county IS NULL OR r.county IS NULL OR r.county = i.county)
                JOIN finding f ON f.reportId = r.id AND f.chosen AND f.indicator = i.indicator
                WHERE i.sourceFile = ? AND f.value != i.value
                ORDER BY i.line
                """, arguments: [sourceFile])
            while let row = try conflicts.next() {
                summary.conflictCount += 1
                guard summary.conflicts.count < 100 else { continue }
                let township: String = row[1], year: Int = row[2], indicator: String = row[3], source: String = row[6]
                summary.conflicts.append(LineProblem(line: row[0], reason: "\(township) \(year) \(indicator): 导入 \(formatNumber(row[4]))，"
                    + "报告 \(source) 为 \(formatNumber(row[5])) (imported \(formatNumber(row[4])), the report gives \(formatNumber(row[5])); both kept)"))
            }
        }
        return summary
    }
}
