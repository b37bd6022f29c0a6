import Foundation
import Testing

@Test func sampleWritesReportsAndTruthAndRewritesItsOwnOutput() throws {
    let dir = try temporaryFolder().appendingPathComponent("示例县")
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    let first = try runFazhi(["sample", "--townships", "3", "--years", "2023-2024", "--out", dir.path, "--seed", "7"])
    #expect(first.status == 0, "\(first.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("reports").path)
    #expect(files.count == 6)
    let truth = try Data(contentsOf: dir.appendingPathComponent("truth.json"))
    let list = try #require(try JSONSerialization.jsonObject(with: truth) as? [[String: Any]])
    #expect(list.count == 6 && list.allSatisfy { $0["county"] as? String == "示例县" })
    // Writing again over its own output gives the same bytes.
    let second = try runFazhi(["sample", "--townships", "3", "--years", "2023-2024", "--out", dir.path, "--seed", "7"])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(try Data(contentsOf: dir.appendingPathComponent("truth.json")) == truth)
}

@Test func sampleRefusesAFolderThatHoldsSomethingElseAndLeavesItAlone() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let keep = dir.appendingPathComponent("notes.txt")
    try Data("mine".utf8).write(to: keep)
    let run = try runFazhi(["sample", "--townships", "2", "--years", "2024", "--out", dir.path])
    #expect(run.status == 1)
    #expect(run.stderr.split(separator: "\n").count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["notes.txt"])
}
