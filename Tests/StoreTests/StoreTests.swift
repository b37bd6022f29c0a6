import Extraction
import Foundation
import ReportText
import Store
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let dataDirectory = repositoryRoot.appendingPathComponent("Data")

/// Loaded once: extracting the sample reports needs the catalog and the gazetteer.
let standardExtractor = ReportExtractor(
    catalog: try! Catalog.load(from: dataDirectory.appendingPathComponent("catalog.json")),
    gazetteer: try! Gazetteer(directory: dataDirectory.appendingPathComponent("gazetteer")))

/// The sample reports, extracted once, with their content hashes.
let sampleReports: [(ExtractedReport, contentHash: String)] = {
    let files = ReportReader.reportFiles(under: [dataDirectory.appendingPathComponent("reports")])
    return files.map { url in
        let document = try! ReportReader.read(url)
        return (standardExtractor.extract(document, source: "Data/reports/" + url.lastPathComponent),
                ContentHash.fnv1a(try! Data(contentsOf: url)))
    }
}()

func temporaryStore() throws -> (ReportStore, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return (try ReportStore(path: dir.appendingPathComponent("fazhi.sqlite").path), dir)
}

@Test func ingestingTheSameReportsTwiceChangesNoRowCount() throws {
    let (store, dir) = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(sampleReports.count == 5)
    let first = try store.ingest(sampleReports)
    #expect(first == IngestSummary(added: 5, updated: 0, unchanged: 0))
    let counts = try store.counts()
    #expect(counts["report"] == 5)
    #expect((counts["finding"] ?? 0) >= 5)
    let second = try store.ingest(sampleReports)
    #expect(second == IngestSummary(added: 0, updated: 0, unchanged: 5))
    #expect(try store.counts() == counts)
    // Reopening the file migrates nothing and keeps every row.
    let reopened = try ReportStore(path: store.path)
    #expect(try reopened.counts() == counts)
}

@Test func changedContentAtAKnownPathReplacesItsFindings() throws {
    let (store, dir) = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    try store.ingest(sampleReports)
    let before = try store.counts()
    var (report, _) = sampleReports[0]
    let path = report.source
    #expect(try store.findings(sourcePath: path).count == report.findings.count)
    var only = try #require(report.findings.first)
    only.value = 42
    report.findings = [only]
    let summary = try store.ingest([(report, contentHash: "changed")])
    #expect(summary == IngestSummary(added: 0, updated: 1, unchanged: 0))
    let findings = try store.findings(sourcePath: path)
    #expect(findings.map(\.value) == [42])
    let after = try store.counts()
    #expect(after["report"] == before["report"])
    #expect(after["finding"] == (before["finding"] ?? 0) - sampleReports[0].0.findings.count + 1)
    #expect(try store.reports().first { $0.sourcePath == path }?.contentHash == "changed")
}

@Test func aNewPathAddsAReport() throws {
    let (store, dir) = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    try store.ingest(sampleReports)
    var (copy, hash) = sampleReports[1]
    copy.source = "elsewhere/copy.txt"
    #expect(try store.ingest([(copy, contentHash: hash)]) == IngestSummary(added: 1))
    #expect(try store.counts()["report"] == 6)
}

@Test func aCorrectionOverridesTheExtractedValueAndSurvivesReingest() throws {
    let (store, dir) = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    try store.ingest(sampleReports)
    let target = try #require(try store.values().first { $0.township != nil && $0.year != nil })
    let correction = Correction(township: target.township!, county: target.county ?? "", year: target.year!,
                                indicator: target.indicator, value: target.value + 1000, note: "核对原件")
    try store.replaceCorrections([correction])

    func corrected() throws -> [StoredValue] {
        try store.values(indicator: target.indicator).filter {
            $0.township == target.township && $0.county == target.county && $0.year == target.year
        }
    }
    #expect(try corrected().map(\.value) == [target.value + 1000])
    #expect(try corrected().map(\.source) == ["correction"])

    // Re-extraction with changed content replaces the findings; the correction still wins.
    let changed = sampleReports.map { ($0.0, contentHash: $0.contentHash + "-v2") }
    #expect(try store.ingest(changed).updated == 5)
    #expect(try corrected().map(\.value) == [target.value + 1000])
    // Values of other indicators are untouched.
    let others = try store.values().filter { $0.source != "correction" }
    #expect(others.count == (try store.values().count) - 1)
}

@Test func aCorrectionForAValueNoReportHasStillGivesAValue() throws {
    let (store, dir) = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    try store.addCorrection(Correction(township: "甲垌镇", county: "某县", year: 2023, indicator: "x", value: 7, note: ""))
    let values = try store.values(indicator: "x")
    #expect(values.map(\.value) == [7])
    #expect(values.first?.source == "correction")
}

@Test func correctionsFileRoundTripsAndQuotesCommas() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-corr-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("corrections.csv")
    let a = Correction(township: "天龙镇", county: "平坝区", year: 2024, indicator: "mediation.resolution_rate", value: 12.5,
                       note: "见原件, 第3页")
    let b = Correction(township: "北和镇", county: "", year: 2022, indicator: "mediation.disputes", value: 3, note: "说\"明\"")
    try AtomicFile.write(Data(CorrectionsFile.text([a, b]).utf8), to: url)
    let rules = ValueRules(catalog: standardExtractor.catalog, townships: ["天龙镇", "北和镇"], gazetteer: nil)
    #expect(try CorrectionsFile.load(url, rules: rules).corrections == [a, b])
    #expect(try String(contentsOf: url, encoding: .utf8).hasPrefix("township,county,year,indicator,value,note,replaces,force,decision,reviewer,at\n"))
}

@Test func exportThenImportGivesTheSameValuesFromTheImport() throws {
    let (store, dir) = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    try store.ingest(sampleReports)
    // The long table carries values, not the sentences they came from.
    let exported = try store.values().map { v -> StoredValue in var v = v; v.evidence = nil; return v }
    #expect(!exported.isEmpty)
    let csv = LongTable.csv(exported)
    #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])

    let (other, otherDir) = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: otherDir) }
    // The long table carries neither the evidence nor the stated changes: compare what it carries.
    let tabled = exported.map { value in
        var v = value
        v.evidence = nil
        v.statedChange = nil
        v.statedGrowthPercent = nil
        return v
    }
    let file = otherDir.appendingPathComponent("long.csv")
    try csv.write(to: file)
    let rules = ValueRules(catalog: standardExtractor.catalog, townships: Set(exported.compactMap(\.township)), gazetteer: nil)
    let summary = try other.importCSV(file, sourceFile: "long.csv", rules: rules, skipBad: false)
    #expect(summary.imported == exported.count && summary.skippedCount == 0)
    let imported = try other.values()
    func key(_ v: StoredValue) -> String {
        [v.township ?? "", v.county ?? "", v.city ?? "", v.province ?? "", v.year.map(String.init) ?? "",
         v.indicator, formatNumber(v.value), v.unit, v.qualifier].joined(separator: "|")
    }
    #expect(imported.map(key).sorted() == exported.map(key).sorted())
    #expect(Set(imported.map(\.source)) == ["import:long.csv"])
    // Importing the same file again replaces its rows.
    _ = try other.importCSV(file, sourceFile: "long.csv", rules: rules, skipBad: false)
    #expect(try other.counts()["imported"] == exported.count)
    // JSON carries the same rows.
    let json = try LongTable.json(exported)
    #expect(try JSONDecoder().decode([StoredValue].self, from: json) == tabled)
}

@Test func contentHashIsStableFNV1a() {
    #expect(ContentHash.fnv1a(Data()) == "cbf29ce484222325")
    #expect(ContentHash.fnv1a(Data("a".utf8)) == "af63dc4c8601ec8c")
}

@Test func aCorrectionWithoutACountyAppliesToTheTownshipInAnyCounty() throws {
    let (store, dir) = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    try store.ingest(sampleReports)
    let target = try #require(try store.values().first { $0.township != nil && $0.county != nil && $0.year != nil })
    try store.replaceCorrections([Correction(township: target.township!, county: "", year: target.year!,
                                             indicator: target.indicator, value: -1, note: "")])
    let values = try store.values(indicator: target.indicator).filter { $0.township == target.township && $0.year == target.year }
    #expect(values.map(\.value) == [-1])
    #expect(values.first?.county == target.county)
}

@Test func replacingCorrectionsFromTheFileKeepsTheirCountAcrossRuns() throws {
    let (store, dir) = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    let rows = [Correction(township: "天龙镇", county: "平坝区", year: 2024, indicator: "a", value: 1, note: "")]
    try store.ingest(sampleReports)
    try store.replaceCorrections(rows)
    let counts = try store.counts()
    try store.ingest(sampleReports)
    try store.replaceCorrections(rows)
    #expect(try store.counts() == counts)
}

@Test func theValueTableHoldsTheStoredValuesWithEachTextOnce() throws {
    let (store, dir) = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    try store.ingest(sampleReports)
    let target = try #require(try store.values().first { $0.township != nil && $0.year != nil })
    try store.replaceCorrections([
        Correction(township: target.township!, county: "", year: target.year!, indicator: target.indicator,
                   value: 5, note: "按台账"),
        Correction(township: "甲垌镇", county: "某县", year: 2023, indicator: target.indicator, value: 7, note: ""),
    ])
    let table = try store.valueTable()
    #expect(Set(table.texts).count == table.texts.count)
    #expect(table.storedValues == (try store.values(ordered: false)))
    let corrected = table.storedValues.filter { $0.source == "correction" }
    #expect(corrected.map(\.value).sorted() == [5, 7])
    #expect(corrected.first { $0.value == 5 }?.evidence == "按台账")
    // Only the indicators asked for, corrections included.
    let one = try store.valueTable(indicators: [target.indicator]).storedValues
    #expect(one == (try store.values(indicator: target.indicator, ordered: false)))
    #expect(Set(one.map(\.indicator)) == [target.indicator])
    #expect(ValueTable(one).storedValues == one)
}
