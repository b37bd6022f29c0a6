import Foundation
@testable import ReportText

enum TestSupport {
    /// The repository root, from this file's path.
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The 良垌镇 2024 sample report: Data/reports in the repository, else ../shared/seeds.
    static let seedURL: URL? = {
        let candidates = [
            repoRoot.appendingPathComponent("Data/reports/广东省-廉江市-良垌镇-2024.txt"),
            repoRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds/000_b993b223cae07d45.txt"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("fazhi-text-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func utf16(_ text: String, bigEndian: Bool) -> Data {
        var data = Data(bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE])
        for unit in text.utf16 {
            let bytes = bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            data.append(contentsOf: bytes)
        }
        return data
    }

    /// The sentences of a document as strings.
    static func sentenceStrings(_ text: NormalizedText) -> [String] {
        SentenceSplitter.split(text).map { text.slice($0.range) }
    }
}

extension ReadError.Reason {
    var isUnsupportedExtension: Bool { if case .unsupportedExtension = self { true } else { false } }
    var isUnreadable: Bool { if case .unreadable = self { true } else { false } }
}

/// The reason a read fails with, or nil when it succeeds.
func readFailure(_ body: () throws -> ReportDocument) -> ReadError.Reason? {
    do {
        _ = try body()
        return nil
    } catch let error as ReadError {
        return error.reason
    } catch {
        return nil
    }
}
