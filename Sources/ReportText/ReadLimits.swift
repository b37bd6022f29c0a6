/// How much a reader may take in before it gives up on a file: a zip bomb, a forged size in a
/// .docx or a 2 GB "report" gets a one-line error instead of filling the memory or the disk.
///
/// Sizes are in bytes. Archive limits are checked while inflating, chunk by chunk, so reading
/// stops as soon as one is passed; they apply to every container fazhi opens (zip, DOCX, OFD)
/// and, for an archive inside an archive, to the outermost archive's running totals.
public struct ReadLimits: Sendable, Equatable {
    /// Entries in one archive (all of them, read or not).
    public var maxEntries: Int
    /// Inflated bytes of one entry.
    public var maxEntryBytes: Int
    /// Inflated bytes of everything read from one archive, nested archives included.
    public var maxTotalBytes: Int
    /// Inflated ÷ compressed bytes of one entry, checked once an entry has inflated past
    /// `ratioFloorBytes` (small XML parts compress very well and are harmless).
    public var maxRatio: Int
    /// Below this many inflated bytes an entry's ratio is not checked.
    public var ratioFloorBytes: Int
    /// Bytes of a single file read as a whole (text, HTML, PDF, OFD…): far beyond any real report.
    public var maxFileBytes: Int
    /// Archives inside archives.
    public var maxDepth: Int

    public init(maxEntries: Int = 10_000, maxEntryBytes: Int = 64 << 20, maxTotalBytes: Int = 256 << 20,
                maxRatio: Int = 100, ratioFloorBytes: Int = 1 << 20, maxFileBytes: Int = 50 << 20,
                maxDepth: Int = 3) {
        self.maxEntries = maxEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
        self.ratioFloorBytes = ratioFloorBytes
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
    }

    /// The limits `fazhi extract` reads with: 10,000 entries, 64 MB an entry, 256 MB an archive,
    /// a ratio of 100 past 1 MB, 50 MB a file, archives three deep.
    public static let standard = ReadLimits()

    /// Which limit a file passed, for the error message.
    public enum Exceeded: Sendable, Equatable {
        case entries(Int)
        case entryBytes(Int)
        case totalBytes(Int)
        case ratio(Int)
        case fileBytes(Int)
        case depth(Int)

        /// Chinese, then a short English gloss.
        public var message: String {
            switch self {
            case .entries(let n):
                return "压缩包内文件超过 \(n) 个 (more than \(n) entries)"
            case .entryBytes(let n):
                return "压缩包内单个文件解压后超过 \(Self.megabytes(n)) (an entry inflates past \(Self.megabytes(n)))"
            case .totalBytes(let n):
                return "压缩包解压后总量超过 \(Self.megabytes(n)) (inflates past \(Self.megabytes(n)) in all)"
            case .ratio(let n):
                return "压缩比超过 \(n) 倍，疑似压缩炸弹 (compression ratio above \(n), a zip bomb?)"
            case .fileBytes(let n):
                return "文件超过 \(Self.megabytes(n))，不像一份报告 (file larger than \(Self.megabytes(n)))"
            case .depth(let n):
                return "压缩包嵌套超过 \(n) 层 (archives nested more than \(n) deep)"
            }
        }

        static func megabytes(_ bytes: Int) -> String { "\(bytes >> 20) MB" }
    }
}
