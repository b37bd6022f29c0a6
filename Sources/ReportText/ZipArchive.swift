import Foundation
import ZIPFoundation

/// Zip archives over bytes held in memory, read safely.
enum ZipArchive {
    /// An archive of `data`, read through a temporary file (removed at once; the open file stays readable)
    /// rather than through ZIPFoundation's in-memory file, which traps — ending a whole batch — when an
    /// offset in the archive points past its end, and leaks the bytes of an archive it cannot open
    /// (both found by fuzzing: Fuzz/findings/docx-zipfoundation-memoryfile-*.bin). Reading a file past
    /// its end is a short read, which ZIPFoundation reports as an error.
    static func reading(_ data: Data) throws -> Archive {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("fazhi-zip-\(getpid())-\(UUID().uuidString).zip")
        try data.write(to: url)
        defer { unlink(url.path) }
        return try Archive(url: url, accessMode: .read)
    }
}
