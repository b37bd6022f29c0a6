import Extraction
import Foundation
import GRDB
@testable import Store
import Testing

/// A store file written by the first schema, with one report and two findings in it.
private func versionOneStore() throws -> (path: String, folder: URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-store-v1-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("fazhi.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try ReportStore.migrator.migrate(queue, upTo: "v1")
    try queue.write { db in
        try db.execute(sql: """
            INSERT INTO report (sourcePath, contentHash, township, county, city, province, year)
            VALUES ('old/石桥镇-2023.txt', '00000000000000aa', '石桥镇', '平坝区', '安顺市', '贵州省', 2023)
            """)
        let reportId = db.lastInsertedRowID
        try db.execute(sql: """
            INSERT INTO finding (reportId, indicator, value, unit, qualifier, written, evidence, offset, chosen)
            VALUES (?, 'legal.literates', 54, '人', 'exact', '54', '全镇培育“法律明白人”54人。', 10, 1),
                   (?, 'publicity.events', 30, '场', 'more_than', '30余', '开展普法活动30余场。', 40, 1)
            """, arguments: [reportId, reportId])
    }
    try queue.close()
    return (path, folder)
}

@Test func aVersionOneStoreMigratesAndKeepsItsRows() throws {
    let (path, folder) = try versionOneStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try ReportStore(path: path)
    #expect(try store.counts() == ["report": 1, "finding": 2, "correction": 0, "imported": 0])
    let values = try store.values()
    #expect(values.map(\.value).sorted() == [30, 54])
    #expect(values.allSatisfy { $0.statedChange == nil && $0.statedGrowthPercent == nil })
    #expect(values.first { $0.indicator == "legal.literates" }?.evidence == "全镇培育“法律明白人”54人。")
    // Keyed by identity: a report stored before v4 by its path resolved from the current folder.
    #expect(try store.contentHashes() == [ReportStore.identity(of: "old/石桥镇-2023.txt"): "00000000000000aa"])
    // Opening it again migrates nothing more.
    #expect(try ReportStore(path: path).counts()["finding"] == 2)
}

@Test func aStoredFindingWithAStatedChangeReadsBackWithIt() throws {
    let (path, folder) = try versionOneStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try ReportStore(path: path)
    let metadata = ReportMetadata(township: "石桥镇", county: "平坝区", city: "安顺市", province: "贵州省", year: 2024)
    let finding = Finding(indicator: "legal.literates", value: 80, unit: "人", qualifier: .exact, written: "80",
                          evidence: "全镇培育“法律明白人”80人,较上年增加26人,增长48.1%。", offset: 0,
                          numberOffset: 10, score: 14, chosen: true, statedChange: 26, statedGrowthPercent: 48.1)
    let unstated = Finding(indicator: "publicity.events", value: 12, unit: "场", qualifier: .exact, written: "12",
                           evidence: "开展普法活动12场。", offset: 40, numberOffset: 46, score: 14, chosen: true)
    let report = ExtractedReport(source: "new/石桥镇-2024.txt", metadata: metadata, findings: [finding, unstated])
    #expect(try store.ingest([(report, contentHash: "00000000000000bb")]) == IngestSummary(added: 1))

    let values = try store.values().filter { $0.year == 2024 }
    let literates = try #require(values.first { $0.indicator == "legal.literates" })
    #expect(literates.statedChange == 26)
    #expect(literates.statedGrowthPercent == 48.1)
    let events = try #require(values.first { $0.indicator == "publicity.events" })
    #expect(events.statedChange == nil && events.statedGrowthPercent == nil)
    let records = try store.findings(sourcePath: "new/石桥镇-2024.txt")
    #expect(records.map(\.statedChange) == [26, nil])

    // What a run shows for a file it skips as unchanged carries the change too.
    let stored = try #require(try store.storedReports(sourcePaths: ["new/石桥镇-2024.txt"])["new/石桥镇-2024.txt"])
    #expect(stored.metadata == metadata)
    #expect(stored.findings.map(\.statedChange) == [26, nil])
    #expect(stored.findings.map(\.statedGrowthPercent) == [48.1, nil])
}

@Test func aCorrectionClearsTheStatedChange() throws {
    let (path, folder) = try versionOneStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try ReportStore(path: path)
    let finding = Finding(indicator: "legal.literates", value: 80, unit: "人", qualifier: .exact, written: "80",
                          evidence: "培育“法律明白人”80人,较上年增加26人。", offset: 0, numberOffset: 8,
                          score: 14, chosen: true, statedChange: 26)
    let report = ExtractedReport(source: "new/石桥镇-2024.txt",
                                 metadata: ReportMetadata(township: "石桥镇", county: "平坝区", year: 2024),
                                 findings: [finding])
    try store.ingest([(report, contentHash: "00000000000000bb")])
    try store.addCorrection(Correction(township: "石桥镇", county: "平坝区", year: 2024,
                                       indicator: "legal.literates", value: 81, note: "核对原件"))
    let value = try #require(try store.values(indicator: "legal.literates").first { $0.year == 2024 })
    #expect(value.value == 81)
    #expect(value.statedChange == nil)
}

@Test func anEmptyTextIsStoredAsEmptyText() throws {
    let (store, dir) = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    let finding = Finding(indicator: "publicity.events", value: 5, unit: "场", qualifier: .exact, written: "",
                          evidence: "", offset: 0, numberOffset: 0, score: 10, chosen: true)
    let report = ExtractedReport(source: "empty/a.txt", metadata: ReportMetadata(township: "石桥镇", year: 2024),
                                 findings: [finding])
    try store.ingest([(report, contentHash: "0000000000000001")])
    let records = try store.findings(sourcePath: "empty/a.txt")
    #expect(records.map(\.written) == [""])
    #expect(records.map(\.evidence) == [""])
}
