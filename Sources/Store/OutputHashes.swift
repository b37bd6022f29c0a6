import Foundation
import GRDB

/// What a drawn output was made from: the hash of its data, and a note the drawer keeps with it
/// (a chart's text description, which a page needs when the chart is not drawn again).
public struct OutputHash: Sendable, Equatable {
    public var hash: String
    public var note: String

    public init(hash: String, note: String) {
        self.hash = hash
        self.note = note
    }
}

extension ReportStore {
    /// Every recorded output by name (a path relative to the output folder,
    /// `例山省/例石溪市/petitions.closure_rate-children-rank-2025.png`). Empty for a store that has none.
    public func outputHashes() throws -> [String: OutputHash] {
        try Self.mapErrors(path) {
            try db.read { db in
                var out: [String: OutputHash] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT name, hash, note FROM outputHash") {
                    out[row[0]] = OutputHash(hash: row[1], note: row[2])
                }
                return out
            }
        }
    }

    /// Records the outputs just drawn (replacing what was recorded for those names) and forgets `removed`,
    /// in one transaction. Throws `StoreError` (a read-only store, a full disk).
    public func recordOutputHashes(_ hashes: [String: OutputHash], removed: [String] = []) throws {
        try write { db in
            let insert = try db.makeStatement(sql: "INSERT OR REPLACE INTO outputHash (name, hash, note) VALUES (?, ?, ?)")
            for (name, h) in hashes { try insert.execute(arguments: [name, h.hash, h.note]) }
            let delete = try db.makeStatement(sql: "DELETE FROM outputHash WHERE name = ?")
            for name in removed { try delete.execute(arguments: [name]) }
        }
    }
}
