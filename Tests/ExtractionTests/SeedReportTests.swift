import Foundation
import Testing
@testable import Extraction
import ReportText

/// The five sample reports in Data/reports, under the seed names that shared/gold/seeds.json uses.
let seedSampleNames = [
    "000_b993b223cae07d45.txt": "广东省-廉江市-良垌镇-2024.txt",
    "001_32e1b51370f8cf47.txt": "贵州省-平坝区-天龙镇-2024.txt",
    "002_f77eaa0c39738870.txt": "广东省-遂溪县-遂城街道-2022.txt",
    "003_a6f007c1eaff930b.txt": "广东省-雷州市-北和镇-2022.txt",
    "004_2e5f9dc757ee03de.txt": "福建省-泉港区-后龙镇-2024.txt",
]

func extractSample(_ name: String) throws -> (ReportDocument, ExtractedReport) {
    let url = dataDirectory.appendingPathComponent("reports").appendingPathComponent(name)
    let document = try ReportReader.read(url)
    return (document, standardExtractor.extract(document, source: name))
}

@Test func sampleReportsScoreAtLeast97PercentF1AgainstTheSeedGold() throws {
    let goldURL = sharedDirectory.appendingPathComponent("gold/seeds.json")
    guard let data = try? Data(contentsOf: goldURL) else {
        print("skipped: \(goldURL.path) is not here")
        return
    }
    let gold = try JSONDecoder().decode([GoldReport].self, from: data)
    var score = Score()
    for report in gold {
        let (_, extracted) = try extractSample(try #require(seedSampleNames[report.file]))
        let found = Dictionary(uniqueKeysWithValues: extracted.chosen(in: standardCatalog).map { ($0.indicator, $0.value) })
        score.add(gold: report, found: found)
        let m = extracted.metadata
        #expect(m == ReportMetadata(township: report.township, county: report.county, city: report.city,
                                    province: report.province, year: report.year), "\(report.file)")
    }
    print("seed extraction: P \(score.precision) R \(score.recall) F1 \(score.f1)\n" + score.misses.joined(separator: "\n"))
    #expect(score.f1 >= 0.97, "\(score.misses)")
}

@Test func everyPrintedNumberStandsInItsEvidenceAndTheOffsetPointsAtIt() throws {
    for name in seedSampleNames.values.sorted() {
        let (document, extracted) = try extractSample(name)
        let original = Array(document.original.unicodeScalars)
        for finding in extracted.findings {
            let evidence = Array(finding.evidence.unicodeScalars)
            #expect(Array(original[finding.offset..<finding.offset + evidence.count]) == evidence, "\(name) \(finding.indicator)")
            #expect(finding.evidence.contains(finding.written), "\(name) \(finding.indicator): \(finding.written)")
            let reparsed = NumberScanner.scan(finding.written).first { $0.role == .quantity || $0.role == .percent }
            #expect(reparsed?.value == finding.value, "\(name) \(finding.indicator): \(finding.written) ≠ \(finding.value)")
        }
    }
}

@Test func devCorpusOpeningsScoreAtLeast95PercentF1AgainstOurLabels() throws {
    let corpus = sharedDirectory.appendingPathComponent("corpus/dev")
    guard FileManager.default.fileExists(atPath: corpus.path) else {
        print("dev corpus not found at \(corpus.path): skipped")
        return
    }
    let goldURL = repositoryRoot.appendingPathComponent("Tests/ExtractionTests/Fixtures/dev-gold.json")
    let gold = try JSONDecoder().decode([GoldReport].self, from: Data(contentsOf: goldURL))
    var score = Score()
    for report in gold {
        let document = try ReportReader.read(corpus.appendingPathComponent(report.file))
        let extracted = standardExtractor.extract(document, source: report.file)
        score.add(gold: report, found: Dictionary(uniqueKeysWithValues:
            extracted.chosen(in: standardCatalog).map { ($0.indicator, $0.value) }))
    }
    print("dev extraction: P \(score.precision) R \(score.recall) F1 \(score.f1) over \(gold.count) openings\n"
          + score.misses.joined(separator: "\n"))
    #expect(score.truePositives >= 20)
    #expect(score.f1 >= 0.95, "\(score.misses)")
}
