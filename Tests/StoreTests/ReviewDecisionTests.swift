import Extraction
import Foundation
import GRDB
@testable import Store
import Testing

/// The store of the five sample reports, its corrections file, and the rules a person's value passes.
private func reviewedStore() throws -> (ReportStore, URL, ValueRules) {
    let (store, dir) = try temporaryStore()
    try store.ingest(sampleReports)
    var rules = ValueRules(catalog: standardExtractor.catalog, townships: try store.townshipNames(), gazetteer: nil)
    rules.allowRateOver100 = true
    return (store, dir, rules)
}

/// A store shared by the threads of a test: GRDB's pool is safe to use from several threads at once.
private final class Shared: @unchecked Sendable {
    let store: ReportStore
    init(_ store: ReportStore) { self.store = store }
}

private func value(_ store: ReportStore, _ township: String, _ indicator: String) throws -> StoredValue? {
    try store.values().first { $0.township == township && $0.indicator == indicator }
}

@Test func anAcceptedValueKeepsItsReportAndSentenceAndIsMarkedReviewed() throws {
    let (store, dir, rules) = try reviewedStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    let before = try #require(try value(store, "天龙镇", "mediation.disputes"))
    #expect(before.reviewed == false)
    let file = dir.appendingPathComponent("corrections.csv")
    try store.correct(IncomingValue(township: "天龙镇", county: before.county, year: before.year, indicator: "mediation.disputes",
                                    value: before.value), note: "核对无误", file: file, rules: rules, decision: .accept, reviewer: "张三")
    let after = try #require(try value(store, "天龙镇", "mediation.disputes"))
    #expect(after.reviewed)
    #expect(after.source == before.source && after.evidence == before.evidence && after.qualifier == before.qualifier)
    let row = try #require(try CorrectionsFile.load(file, rules: rules).corrections.first)
    #expect(row.decision == .accept && row.reviewer == "张三" && row.at?.hasSuffix("Z") == true)
    // The export says so in its last column.
    #expect(LongTable.csvLine(after).hasSuffix(",true\n"))
    #expect(LongTable.columns.last == "reviewed")
}

@Test func aValueMarkedNotStatedIsDroppedEverywhereAndComesBackWhenUndone() throws {
    let (store, dir, rules) = try reviewedStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("corrections.csv")
    let before = try #require(try value(store, "天龙镇", "mediation.disputes"))
    let (made, replaced) = try store.correct(
        IncomingValue(township: "天龙镇", county: before.county, year: before.year, indicator: "mediation.disputes", value: 0),
        note: "报告未述及", file: file, rules: rules, decision: .notStated, reviewer: "李四")
    #expect(made.value == nil && replaced?.value == before.value)
    #expect(try value(store, "天龙镇", "mediation.disputes") == nil)
    var streamed: [StoredValue] = []
    try store.forEachValue { streamed.append($0) }
    #expect(!streamed.contains { $0.township == "天龙镇" && $0.indicator == "mediation.disputes" })
    // The file has an empty value for it, and loads again.
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains(",mediation.disputes,,报告未述及,\(formatNumber(before.value)),,not_stated,李四,"), "\(text)")
    #expect(try store.reloadCorrections(file: file, rules: rules).isEmpty)
    #expect(try value(store, "天龙镇", "mediation.disputes") == nil)
    try store.undoCorrection(made, file: file, rules: rules)
    #expect(try value(store, "天龙镇", "mediation.disputes")?.value == before.value)
}

@Test func aNotStatedRowWithAValueOrAnUnknownDecisionIsRefusedByLine() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-decisions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("corrections.csv")
    try Data(("township,county,year,indicator,value,note,replaces,force,decision,reviewer,at\n"
        + "天龙镇,平坝区,2024,mediation.disputes,5,x,,,not_stated,,\n"
        + "天龙镇,平坝区,2024,publicity.events,5,x,,,maybe,,\n"
        + "天龙镇,平坝区,2024,legal.literates,,x,,,not_stated,,\n").utf8).write(to: file)
    let rules = ValueRules(catalog: standardExtractor.catalog, townships: ["天龙镇"], gazetteer: nil)
    let (good, bad) = try CorrectionsFile.load(file, rules: rules, skipBad: true)
    #expect(bad.map(\.line) == [2, 3])
    #expect(good.count == 1 && good[0].kind == .notStated && good[0].value == nil)
}

@Test func aStoreWithCorrectionsOfTheSchemaBeforeDecisionsMigratesThem() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-v4-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("fazhi.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try ReportStore.migrator.migrate(queue, upTo: "v4-lines-and-replaced")
    try queue.write { db in
        try db.execute(sql: """
            INSERT INTO correction (township, county, year, indicator, value, note, replaces, force)
            VALUES ('天龙镇', '平坝区', 2024, 'mediation.disputes', 160, '核对原件', 158, 0)
            """)
    }
    try queue.close()
    let store = try ReportStore(path: path)
    let c = try #require(try store.corrections().first)
    #expect(c.value == 160 && c.replaces == 158 && c.note == "核对原件" && c.kind == .set && c.reviewer == nil)
    #expect(try store.values().first?.reviewed == true)
}

@Test func twoStoresCorrectingDifferentValuesAtOnceBothLand() throws {
    let (store, dir, rules) = try reviewedStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("corrections.csv")
    // Two connections to one file, as two review sessions or a session and `fazhi correct` in another process.
    let stores = [Shared(store), Shared(try ReportStore(path: store.path))]
    let indicators = ["mediation.disputes", "publicity.events", "legal.literates", "mediation.committees"]
    DispatchQueue.concurrentPerform(iterations: 8) { i in
        let s = stores[i % 2].store
        _ = try? s.correct(IncomingValue(township: "天龙镇", county: "平坝区", year: 2024, indicator: indicators[i % 4],
                                         value: Double(100 + i)), note: "并发 \(i)", file: file, rules: rules, reviewer: "r\(i)")
    }
    let inFile = try CorrectionsFile.load(file, rules: rules).corrections
    #expect(inFile.count == 8)
    #expect(Set(inFile.map(\.note)) == Set((0..<8).map { "并发 \($0)" }))
    #expect(try store.corrections().count == 8)
}

@Test func aCorrectionMadeWhileTheFileIsReloadedIsKept() throws {
    let (store, dir, rules) = try reviewedStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("corrections.csv")
    let reviewer = Shared(store), extractor = Shared(try ReportStore(path: store.path))
    // `extract` ingests and reloads the file; a person corrects in between and during.
    DispatchQueue.concurrentPerform(iterations: 12) { i in
        if i % 2 == 0 {
            _ = try? extractor.store.ingest(sampleReports)
            _ = try? extractor.store.reloadCorrections(file: file, rules: rules)
        } else {
            _ = try? reviewer.store.correct(IncomingValue(township: "天龙镇", county: "平坝区", year: 2024, indicator: "mediation.disputes",
                                                 value: Double(200 + i)), note: "第 \(i) 次", file: file, rules: rules)
        }
    }
    // Every correction is in the file, and the store holds what the file holds: no reload put back a list
    // read before a correction was written.
    let inFile = try CorrectionsFile.load(file, rules: rules).corrections
    #expect(inFile.count == 6)
    #expect(try store.corrections().map(\.note) == inFile.map(\.note))
}
