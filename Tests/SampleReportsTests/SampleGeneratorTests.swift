import Foundation
import Testing
@testable import Extraction
import ReportText
@testable import SampleReports

/// The repository's root, found from this file's place in Tests/SampleReportsTests/.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let dataDirectory = repositoryRoot.appendingPathComponent("Data")
/// Loading the gazetteer takes a moment in debug builds: once for all tests.
let gazetteer: Gazetteer = try! Gazetteer(directory: dataDirectory.appendingPathComponent("gazetteer"))
let catalog: Catalog = try! Catalog.load(from: dataDirectory.appendingPathComponent("catalog.json"))

func isRealPlace(_ name: String) -> Bool {
    !gazetteer.townships(named: name).isEmpty || !gazetteer.counties(named: name).isEmpty
        || !gazetteer.cities(named: name).isEmpty
}

@Test func sameSeedGivesIdenticalBytes() {
    let a = SampleGenerator(townships: 6, years: 2021...2023, seed: 42).generate()
    let b = SampleGenerator(townships: 6, years: 2021...2023, seed: 42).generate()
    #expect(a.truthJSON() == b.truthJSON())
    #expect(a.reports.map { $0.fileName } == b.reports.map { $0.fileName })
    #expect(a.reports.map { $0.bytes() } == b.reports.map { $0.bytes() })
}

@Test func differentSeedsGiveDifferentReports() {
    let a = SampleGenerator(townships: 3, years: 2024...2024, seed: 1).generate()
    let b = SampleGenerator(townships: 3, years: 2024...2024, seed: 2).generate()
    #expect(a.reports.map(\.text) != b.reports.map(\.text))
}

@Test func aTownshipsReportDoesNotChangeWhenMoreTownshipsOrYearsAreAsked() {
    let small = SampleGenerator(townships: 3, years: 2022...2023, seed: 9).generate()
    let large = SampleGenerator(townships: 3, years: 2022...2025, seed: 9).generate()
    let byFile = Dictionary(uniqueKeysWithValues: large.reports.map { ($0.fileName, $0.text) })
    for report in small.reports { #expect(byFile[report.fileName] == report.text) }
}

@Test func townshipAndCountyNamesAreNoRealPlaces() {
    #expect(!isRealPlace(sampleCountyName))
    // The first forty need no gazetteer; beyond them the gazetteer check keeps them clear.
    let names = SampleGenerator(townships: 120, years: 2024...2024).generate(isReserved: isRealPlace).townships.map(\.name)
    #expect(Set(names).count == 120)
    for name in names {
        #expect(name.hasPrefix("例"))
        // Neither the name nor any ending of it (石溪镇 of 例石溪镇) is a real township.
        for k in 0..<(name.count - 1) { #expect(!isRealPlace(String(name.dropFirst(k))), "\(name)") }
    }
}

@Test func everyTruthValueIsWrittenInItsReportAsThatNumber() {
    let set = SampleGenerator(townships: 12, years: 2020...2025, seed: 3).generate()
    for report in set.reports {
        let t = report.truth
        #expect(Set(t.values.keys) == Set(t.written.keys), "\(t.file)")
        for (id, value) in t.values {
            guard let written = t.written[id] else { continue }
            #expect(report.text.contains(written), "\(t.file): \(id) written \(written)")
            let numbers = NumberScanner.scan(TextNormalizer.normalize(written).scalars[...]).filter { $0.role == .quantity || $0.role == .percent }
            #expect(numbers.first?.value == value, "\(t.file): \(id) = \(value), written \(written)")
        }
    }
}

@Test func ratesStayWithinHundredAndAgreeWithTheirCountsUnlessMarkedInconsistent() {
    let set = SampleGenerator(townships: 30, years: 2020...2025, seed: 1).generate()
    var kinds: Set<SampleInconsistency.Kind> = []
    for report in set.reports {
        let t = report.truth
        kinds.formUnion(t.inconsistencies.map(\.kind))
        for id in indicatorOrder where id.hasSuffix("rate") { if let v = t.values[id] { #expect((0...100).contains(v)) } }
        let flagged = Set(t.inconsistencies.flatMap(\.indicators))
        for (part, whole, rate) in [("petitions.closed", "petitions.received", "petitions.closure_rate"),
                                    ("mediation.resolved", "mediation.disputes", "mediation.resolution_rate")] {
            guard flagged.isDisjoint(with: [part, whole, rate]), let p = t.values[part], let w = t.values[whole] else { continue }
            #expect(p <= w, "\(t.file)")
            if let r = t.values[rate] { #expect(abs(p / w * 100 - r) < 0.11, "\(t.file): \(rate) \(r) for \(p)/\(w)") }
        }
    }
    // A county's set carries every kind of deliberate inconsistency, for `fazhi check` to find.
    #expect(kinds == Set(SampleInconsistency.Kind.allCases))
}

@Test func townshipsDifferInSizeSoRankingsSpreadOut() {
    let set = SampleGenerator(townships: 30, years: 2024...2024).generate()
    let disputes = set.reports.compactMap { $0.truth.values["mediation.disputes"] }
    #expect(disputes.max()! >= 4 * disputes.min()!)
}

@Test func someReportsAreGB18030AndDecodeToTheSameText() throws {
    let set = SampleGenerator(townships: 30, years: 2023...2024, seed: 1).generate()
    let gb = set.reports.filter { $0.encoding == .gb18030 }
    #expect(!gb.isEmpty)
    for report in gb.prefix(5) {
        let document = try ReportReader.read(data: report.bytes(), url: URL(fileURLWithPath: "/sample/\(report.fileName)"))
        #expect(document.encoding == "GB18030")
        #expect(document.original == report.text)
    }
}

@Test func extractionOfAGeneratedCountyFindsTheTrueValuesAndMetadata() throws {
    // The README's county: every sentence kind the generator writes, leaders' work and villages' among them.
    let set = SampleGenerator(townships: 30, years: 2020...2025, seed: 1).generate()
    let extractor = ReportExtractor(catalog: catalog, gazetteer: gazetteer)
    var tp = 0, fp = 0, fn = 0, metadataWrong: [String] = []
    for (n, report) in set.reports.enumerated() {
        // A file name that says nothing: the text alone must place the report.
        let document = try ReportReader.read(data: report.bytes(), url: URL(fileURLWithPath: "/sample/\(n).txt"))
        let extracted = extractor.extract(document, source: report.fileName)
        let t = report.truth
        let expected = ReportMetadata(township: t.township, county: t.county, city: t.city, province: t.province, year: t.year)
        if extracted.metadata != expected { metadataWrong.append("\(t.file): \(extracted.metadata)") }
        let found = Dictionary(uniqueKeysWithValues: extracted.chosen(in: catalog).map { ($0.indicator, $0.value) })
        for (id, value) in t.values {
            if let got = found[id], abs(got - value) <= 0.01 { tp += 1 } else { fn += 1; if found[id] != nil { fp += 1 } }
        }
        fp += found.keys.filter { t.values[$0] == nil }.count
    }
    let precision = Double(tp) / Double(tp + fp), recall = Double(tp) / Double(tp + fn)
    let f1 = 2 * precision * recall / (precision + recall)
    #expect(f1 == 1, "F1 \(f1) (tp \(tp) fp \(fp) fn \(fn))")
    #expect(metadataWrong.isEmpty, "\(metadataWrong)")
}
