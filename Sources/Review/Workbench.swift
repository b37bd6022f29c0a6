import Extraction
import Foundation
import Store
import Trends

/// Where the workbench reads and writes: the store, the corrections file, who is reviewing.
public struct ReviewSettings: Sendable {
    /// The SQLite store (`--db`).
    public var storePath: String
    /// The corrections file every decision is written to, as `fazhi correct` writes it (`--corrections`).
    public var correctionsPath: String
    /// Recorded with every decision (`--reviewer`, else the system user).
    public var reviewer: String
    /// The roster file (`--roster`), for the summary's and charts' coverage; nil for the gazetteer's.
    public var rosterPath: String?

    public init(storePath: String, correctionsPath: String, reviewer: String, rosterPath: String? = nil) {
        self.storePath = storePath
        self.correctionsPath = correctionsPath
        self.reviewer = reviewer
        self.rosterPath = rosterPath
    }
}

/// The key of a value a person decides on: township, county ("" when unknown), year and indicator — the
/// key of a correction.
public struct ValueKey: Hashable, Sendable {
    public var township: String
    public var county: String
    public var year: Int
    public var indicator: String
}

/// What the review pages read and the decisions they write, through the Store's one path for a value a
/// person sets (`ReportStore.correct`, `undoCorrection`): validated, one transaction with the corrections
/// file, surviving re-extraction. Thread-safe: the store is a GRDB pool (one writer, many readers); the
/// catalog and gazetteer are read once.
public final class Workbench: @unchecked Sendable {
    public let settings: ReviewSettings
    let store: ReportStore
    public let catalog: Catalog
    let gazetteer: Gazetteer

    /// Opens the store for reading and writing (creating nothing but what `ReportStore` creates).
    /// Throws `StoreError` for a store that cannot be opened, or the catalog's or gazetteer's load error.
    public init(settings: ReviewSettings) throws {
        guard FileManager.default.fileExists(atPath: settings.storePath) else {
            throw StoreError("没有数据库 \(settings.storePath) (no store there: run `fazhi extract` first)")
        }
        self.settings = settings
        store = try ReportStore(path: settings.storePath)
        catalog = try Catalog.standard()
        gazetteer = try Gazetteer.standard()
    }

    private var cached: (fingerprint: [Int64], snapshot: Snapshot)?
    private let cacheLock = NSLock()

    /// The store as the pages show it, made again only when the store changed since: its row counts and
    /// largest row ids change with every ingest, removal, import and change of the corrections (which
    /// are written anew each time, under new ids).
    func snapshot() throws -> Snapshot {
        let fingerprint = try store.changeFingerprint()
        if let cached = cacheLock.withLock({ cached }), cached.fingerprint == fingerprint { return cached.snapshot }
        let made = try Snapshot(self)
        cacheLock.withLock { cached = (fingerprint, made) }
        return made
    }

    var correctionsURL: URL { URL(fileURLWithPath: settings.correctionsPath) }

    /// The latest correction of each key (a correction with an empty county counts for the township in
    /// any county: it is stored under both its own key and, when looked up, matched by `correction(for:)`).
    func latestCorrections() throws -> [ValueKey: Correction] {
        var out: [ValueKey: Correction] = [:]
        for c in try store.corrections() {
            out[ValueKey(township: c.township, county: c.county, year: c.year, indicator: c.indicator)] = c
        }
        return out
    }

    static func correction(for key: ValueKey, in corrections: [ValueKey: Correction]) -> Correction? {
        if let c = corrections[key] { return c }
        var any = key
        any.county = ""
        return corrections[any]
    }

    /// The rules a decision must pass: the store's and the gazetteer's townships; a rate over 100 only
    /// where the report states it (accepting or choosing a value the report gives) or the reviewer confirms it.
    func rules(allowRateOver100: Bool) throws -> ValueRules {
        var rules = ValueRules(catalog: catalog, townships: try store.townshipNames(), gazetteer: gazetteer)
        rules.allowRateOver100 = allowRateOver100
        return rules
    }
}
