import Foundation
import Testing
import ReportText
@testable import Extraction

/// The written reports (Fixtures/written: invented figures in the genre's language, real township names,
/// labelled by writers who had not read the rules; see its README). These floors guard the scores each
/// group reached against regressions; the README's accuracy table gives the blind figures.
private let writtenCorpus = repositoryRoot.appendingPathComponent("Tests/ExtractionTests/Fixtures/written")

private func scoreWritten(_ sets: [String]) throws -> (score: Score, metadata: Double, reports: Int) {
    var score = Score()
    var right = 0, reports = 0
    for set in sets {
        let part = try scoreGold(writtenCorpus.appendingPathComponent("gold-\(set).json"),
                                 folder: writtenCorpus.appendingPathComponent(set))
        score.truePositives += part.score.truePositives
        score.falsePositives += part.score.falsePositives
        score.falseNegatives += part.score.falseNegatives
        score.misses += part.score.misses
        right += part.rightFields
        reports += part.reports
    }
    return (score, Double(right) / Double(5 * reports), reports)
}

@Test func writtenFullReportsKeepTheirScore() throws {
    let (score, metadata, reports) = try scoreWritten(["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w11", "w12", "w14", "w15"])
    print("written full reports: F1 \(score.f1) (P \(score.precision) R \(score.recall)), metadata \(metadata) over \(reports)\n"
          + score.misses.joined(separator: "\n"))
    #expect(reports == 174)
    #expect(score.f1 >= 0.98)
    #expect(metadata == 1)
}

@Test func writtenPortalOpeningsAndPagesKeepTheirScore() throws {
    let (score, metadata, reports) = try scoreWritten(["w9", "w10", "w13"])
    print("written openings and HTML pages: F1 \(score.f1) (P \(score.precision) R \(score.recall)), metadata \(metadata) over \(reports)\n"
          + score.misses.joined(separator: "\n"))
    #expect(reports == 47)
    #expect(score.f1 >= 0.95)
    #expect(metadata == 1)
}
