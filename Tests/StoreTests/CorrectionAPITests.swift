import Extraction
import Foundation
@testable import Store
import Testing

/// The Store-level API that `fazhi correct` and the review page share.
@Test func aCorrectionThroughTheStoreAPIIsCheckedSavedWithWhatItReplacesAndUndone() throws {
    let (store, dir) = try temporaryStore()
    defer { try? FileManager.default.removeItem(at: dir) }
    try store.ingest(sampleReports)
    let file = dir.appendingPathComponent("corrections.csv")
    let rules = ValueRules(catalog: standardExtractor.catalog, townships: try store.townshipNames(), gazetteer: nil)
    let (correction, replaced) = try store.correct(
        IncomingValue(township: "天龙镇", county: "平坝区", year: 2024, indicator: "矛盾纠纷化解数", value: 160),
        note: "核对原件", file: file, rules: rules)
    #expect(correction.indicator == "mediation.disputes")
    #expect(replaced?.value == 158)
    #expect(try store.corrections().map(\.value) == [160])
    #expect(try CorrectionsFile.load(file, rules: rules).corrections.map(\.replaces) == [158])
    // Refused: a township no one knows, a fractional count; nothing changes.
    #expect(throws: StoreError.self) {
        try store.correct(IncomingValue(township: "天笼镇", county: nil, year: 2024, indicator: "mediation.disputes", value: 1),
                          note: "", file: file, rules: rules)
    }
    #expect(throws: StoreError.self) {
        try store.correct(IncomingValue(township: "天龙镇", county: nil, year: 2024, indicator: "mediation.disputes", value: 1.5),
                          note: "", file: file, rules: rules)
    }
    #expect(try store.corrections().count == 1)
    #expect(try store.undoCorrection(1, file: file, rules: rules).value == 160)
    #expect(try store.corrections().isEmpty)
    #expect(try CorrectionsFile.load(file, rules: rules).corrections.isEmpty)
    #expect(throws: StoreError.self) { try store.undoCorrection(1, file: file, rules: rules) }
}
