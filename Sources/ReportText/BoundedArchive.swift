import Foundation
import ZIPFoundation

/// A zip archive read within `ReadLimits`: every container fazhi opens (a .zip of reports, a
/// .docx, an .ofd) goes through this, so no entry count, inflated size or compression ratio can
/// run past its limit. Sizes are counted as the bytes come out of the inflater, not taken from
/// the headers (which a hostile file can forge), and reading stops at the first chunk past a limit.
public final class BoundedArchive {
    /// One file entry: its path decoded (UTF-8, else GB18030 as Windows' zip writes Chinese names),
    /// and its sizes as the archive states them.
    public struct Member: Sendable {
        public let path: String
        public let compressedSize: UInt64
        public let statedSize: UInt64
        fileprivate let index: Int
    }

    /// Why an archive could not be read.
    public enum Failure: Error, Sendable, Equatable {
        /// Not a zip archive, or its directory is damaged.
        case notAZip
        /// An entry's data is damaged (bad deflate stream or checksum), or encrypted.
        case damagedEntry(String)
        /// A limit was passed.
        case overLimit(ReadLimits.Exceeded)
    }

    /// Running totals shared by an archive and the archives inside it.
    public final class Budget: @unchecked Sendable {
        private let lock = NSLock()
        private var inflated = 0
        public init() {}

        /// Inflated bytes so far.
        var spent: Int { lock.lock(); defer { lock.unlock() }; return inflated }

        /// Adds `bytes` to the total; false when that passes `limit`.
        func spend(_ bytes: Int, limit: Int) -> Bool {
            lock.lock(); defer { lock.unlock() }
            inflated += bytes
            return inflated <= limit
        }
    }

    private let archive: Archive
    /// The archive's bytes: an entry is inflated from them here (`ZipArchive`), not by ZIPFoundation,
    /// whose extract loops forever on a deflate stream that runs past the end of the file.
    private let bytes: [UInt8]
    private let entries: [Entry]
    public let members: [Member]
    public let limits: ReadLimits
    public let budget: Budget

    /// Opens an archive from a file (read in place, not loaded). Throws `Failure`.
    public convenience init(url: URL, limits: ReadLimits = .standard, budget: Budget = Budget()) throws {
        let archive: Archive
        let bytes: [UInt8]
        do {
            archive = try Archive(url: url, accessMode: .read)
            bytes = [UInt8](try Data(contentsOf: url, options: .mappedIfSafe))
        } catch { throw Failure.notAZip }
        try self.init(archive: archive, bytes: bytes, limits: limits, budget: budget)
    }

    /// Opens an archive held in memory (an archive inside an archive). Throws `Failure`.
    public convenience init(data: Data, limits: ReadLimits = .standard, budget: Budget = Budget()) throws {
        // From a temporary file: ZIPFoundation's in-memory archive traps on an offset past the end.
        let archive: Archive
        do { archive = try ZipArchive.reading(data) } catch { throw Failure.notAZip }
        try self.init(archive: archive, bytes: [UInt8](data), limits: limits, budget: budget)
    }

    private init(archive: Archive, bytes: [UInt8], limits: ReadLimits, budget: Budget) throws {
        self.archive = archive
        self.bytes = bytes
        self.limits = limits
        self.budget = budget
        var entries: [Entry] = []
        var members: [Member] = []
        // The central directory is walked once; its stated entry count is not trusted.
        for entry in archive {
            if entries.count >= limits.maxEntries { throw Failure.overLimit(.entries(limits.maxEntries)) }
            entries.append(entry)
            guard entry.type == .file else { continue }
            members.append(Member(path: Self.decodedPath(entry), compressedSize: entry.compressedSize,
                                  statedSize: entry.uncompressedSize, index: entries.count - 1))
        }
        self.entries = entries
        self.members = members
    }

    /// The member at `path` (exact, as decoded), or nil.
    public func member(_ path: String) -> Member? {
        members.first { $0.path == path }
    }

    /// The inflated bytes of a member, within the limits. Throws `Failure`.
    public func read(_ member: Member) throws -> Data {
        let entry = entries[member.index]
        let limits = self.limits
        var out = Data()
        // Reserve by what the header says only when that is within the limit; it may lie.
        out.reserveCapacity(Int(min(member.statedSize, UInt64(min(limits.maxEntryBytes, 16 << 20)))))
        let compressed = max(1, Int(clamping: member.compressedSize))
        do {
            try ZipArchive.contents(of: entry, inBytes: bytes) { chunk in
                out.append(chunk)
                if out.count > limits.maxEntryBytes { throw Failure.overLimit(.entryBytes(limits.maxEntryBytes)) }
                if out.count > limits.ratioFloorBytes, out.count / compressed > limits.maxRatio {
                    throw Failure.overLimit(.ratio(limits.maxRatio))
                }
                if !self.budget.spend(chunk.count, limit: limits.maxTotalBytes) {
                    throw Failure.overLimit(.totalBytes(limits.maxTotalBytes))
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.damagedEntry(member.path)
        }
        return out
    }

    /// A path's bytes as UTF-8 when they are valid UTF-8, else as GB18030 (zip tools on Chinese
    /// Windows write names in the system code page and do not set the UTF-8 flag).
    static func decodedPath(_ entry: Entry) -> String {
        // ISO 8859-1 maps each byte to the scalar of the same value: the raw bytes back.
        let bytes = entry.path(using: .isoLatin1).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        if let utf8 = String(validating: bytes, as: UTF8.self) { return utf8 }
        if let gb = Iconv.convert(bytes, from: "GB18030", to: "UTF-8"),
           let text = String(validating: gb, as: UTF8.self) { return text }
        return entry.path
    }
}
