import Foundation
import Plot

/// Writes `data` to `url` only when its bytes differ, or for a PNG its pixels (Plot.samePNGImage: the
/// deflate library may pick another equally valid encoding of the same image), so that drawing the same
/// set twice changes no file. Creates the folder; writes to a temporary name and renames.
/// - Returns: whether the file was written. Throws what `Data.write` throws.
@discardableResult
public func writeIfChanged(_ data: Data, to url: URL) throws -> Bool {
    if let old = try? Data(contentsOf: url) {
        if old == data { return false }
        if url.pathExtension.lowercased() == "png" && samePNGImage(old, data) { return false }
    }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url, options: .atomic)
    return true
}
