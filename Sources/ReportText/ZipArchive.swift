import CInflate
import Foundation
import ZIPFoundation

/// Zip archives over bytes held in memory, read safely: ZIPFoundation finds the entries, and an entry's
/// bytes are read here, within the archive's bytes.
///
/// Fuzzing found three faults in ZIPFoundation 0.9.20 (inputs in Fuzz/findings): its in-memory archive
/// traps when an offset points past the end (ending a whole batch) and leaks the bytes of an archive it
/// cannot open; and its `extract` loops forever when a deflate stream does not end before the file does
/// (a truncated .docx hangs the batch). So the archive is opened from a temporary file, and the entry
/// is inflated here, where running out of bytes is an error.
enum ZipArchive {
    enum Failure: Error { case damaged }

    /// An archive of `data`, opened from a temporary file (removed at once; the open file stays readable).
    static func reading(_ data: Data) throws -> Archive {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("fazhi-zip-\(getpid())-\(UUID().uuidString).zip")
        try data.write(to: url)
        defer { unlink(url.path) }
        return try Archive(url: url, accessMode: .read)
    }

    /// The uncompressed bytes of `entry` of the archive `data`, passed to `consumer` in chunks.
    /// Throws `Failure.damaged` when its local header is not found, its bytes run past the archive's
    /// end, or its deflate stream is damaged or does not end within them.
    static func contents(of entry: Entry, in data: Data, consumer: (Data) throws -> Void) throws {
        try contents(of: entry, inBytes: [UInt8](data), consumer: consumer)
    }

    /// `contents(of:in:consumer:)` over the archive's bytes as an array, read once for all its entries.
    static func contents(of entry: Entry, inBytes bytes: [UInt8], consumer: (Data) throws -> Void) throws {
        // The name as the local header stores it: ISO 8859-1 gives each byte back (a GB18030 name too).
        let name = entry.path(using: .isoLatin1).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        guard let start = dataOffset(of: name, in: bytes) else { throw Failure.damaged }
        guard entry.compressedSize <= UInt64(bytes.count - start) else { throw Failure.damaged }
        let body = bytes[start..<(start + Int(entry.compressedSize))]
        // The CRC-32 the archive states, checked as ZIPFoundation's extract checked it.
        var crc = crc32(0, nil, 0)
        func checked(_ chunk: Data) throws {
            crc = chunk.withUnsafeBytes { crc32(crc, $0.bindMemory(to: Bytef.self).baseAddress, uInt($0.count)) }
            try consumer(chunk)
        }
        if entry.isCompressed { try inflate(body, consumer: checked) } else { try checked(Data(body)) }
        guard UInt32(truncatingIfNeeded: crc) == entry.checksum else { throw Failure.damaged }
    }

    /// Where the data of the entry named `path` starts: after the first local file header
    /// (PK\u{3}\u{4}) that carries that name.
    static func dataOffset(of path: String, in bytes: [UInt8]) -> Int? {
        dataOffset(of: Array(path.utf8), in: bytes)
    }

    static func dataOffset(of name: [UInt8], in bytes: [UInt8]) -> Int? {
        var i = 0
        while i + 30 + name.count <= bytes.count {
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04 {
                let nameLength = Int(bytes[i + 26]) | Int(bytes[i + 27]) << 8
                let extraLength = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
                if nameLength == name.count && bytes[(i + 30)..<(i + 30 + nameLength)].elementsEqual(name) {
                    let start = i + 30 + nameLength + extraLength
                    return start <= bytes.count ? start : nil
                }
            }
            i += 1
        }
        return nil
    }

    /// Raw deflate (no zlib header), in 64 KB chunks of output.
    static func inflate(_ input: ArraySlice<UInt8>, consumer: (Data) throws -> Void) throws {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure.damaged
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: 1 << 16)
        var input = Array(input)
        try input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            while true {
                let (result, produced): (Int32, Int) = output.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    let result = CInflate.inflate(&stream, Z_NO_FLUSH)
                    return (result, outBuffer.count - Int(stream.avail_out))
                }
                if produced > 0 { try consumer(Data(output[..<produced])) }
                if result == Z_STREAM_END { return }
                // Out of input (Z_BUF_ERROR) before the stream's end, or damaged data.
                guard result == Z_OK, produced > 0 || stream.avail_in > 0 else { throw Failure.damaged }
            }
        }
    }
}
