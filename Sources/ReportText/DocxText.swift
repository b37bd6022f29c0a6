import Foundation
import ZIPFoundation

/// The body paragraphs of a Word (.docx) file.
public enum DocxText {
    public enum Failure: Error, Sendable, Equatable {
        /// Not a zip archive, or the archive is damaged.
        case notAZip
        /// A zip archive without `word/document.xml`.
        case noDocumentXML
    }

    /// Paragraphs of `word/document.xml` in body order; empty paragraphs dropped.
    /// Throws `DocxText.Failure`.
    public static func paragraphs(_ data: Data) throws -> [String] {
        let archive: Archive
        do {
            archive = try ZipArchive.reading(data)
        } catch {
            throw Failure.notAZip
        }
        guard let entry = archive["word/document.xml"] else { throw Failure.noDocumentXML }
        var xml = Data()
        // The size the archive claims is only a hint: reserving 4 GB because a crafted header says so
        // ended the fuzzer's process (Fuzz/findings/docx-claimed-size-oom.bin).
        xml.reserveCapacity(Int(clamping: min(entry.uncompressedSize, UInt64(data.count) * 16)))
        do {
            try ZipArchive.contents(of: entry, in: data) { chunk in xml.append(chunk) }
        } catch {
            throw Failure.notAZip
        }
        return paragraphs(documentXML: [UInt8](xml))
    }

    /// Paragraphs from the bytes of a WordprocessingML document part.
    static func paragraphs(documentXML x: [UInt8]) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        var inText = false
        var fallbackDepth = 0   // inside <mc:Fallback>: duplicate content of a text box
        let n = x.count
        var i = 0
        if n >= 3, x[0] == 0xEF, x[1] == 0xBB, x[2] == 0xBF { i = 3 }

        func flush() {
            if current.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
                result.append(String(decoding: current, as: UTF8.self))
            }
            current.removeAll(keepingCapacity: true)
        }

        while i < n {
            let c = x[i]
            if c != 0x3C {  // '<'
                if inText && fallbackDepth == 0 {
                    if c == 0x26, let (decoded, next) = xmlEntity(x, at: i) {  // '&'
                        current.append(contentsOf: decoded)
                        i = next
                        continue
                    }
                    current.append(c)
                }
                i += 1
                continue
            }
            // A tag: its name runs to a space, '/' or '>'.
            var j = i + 1
            let isEnd = j < n && x[j] == 0x2F
            if isEnd { j += 1 }
            let nameStart = j
            while j < n, x[j] != 0x20, x[j] != 0x2F, x[j] != 0x3E, x[j] != 0x09, x[j] != 0x0A, x[j] != 0x0D { j += 1 }
            let name = x[nameStart..<j]
            // Skip to the end of the tag, respecting quoted attribute values.
            var quote: UInt8 = 0
            var k = j
            while k < n {
                let b = x[k]
                if quote != 0 { if b == quote { quote = 0 } }
                else if b == 0x22 || b == 0x27 { quote = b }
                else if b == 0x3E { break }
                k += 1
            }
            let selfClosing = k > 0 && k < n && x[k - 1] == 0x2F
            i = k + 1
            if name.first == 0x21 || name.first == 0x3F { continue }  // <!-- --> / <?xml ?>
            if name.elementsEqual(tagFallback) {
                if !selfClosing { fallbackDepth += isEnd ? -1 : 1 }
                if fallbackDepth < 0 { fallbackDepth = 0 }
                continue
            }
            if fallbackDepth > 0 { continue }
            if name.elementsEqual(tagP) {
                // A paragraph nested in a paragraph (a text box) becomes its own paragraph.
                flush()
                inText = false
            } else if name.elementsEqual(tagT) {
                inText = !isEnd && !selfClosing
            } else if !isEnd {
                if name.elementsEqual(tagTab) || name.elementsEqual(tagPTab) { current.append(0x09) }
                else if name.elementsEqual(tagBr) || name.elementsEqual(tagCr) { current.append(0x0A) }
                else if name.elementsEqual(tagNoBreakHyphen) { current.append(0x2D) }
            }
        }
        flush()
        return result
    }

    private static let tagP = Array("w:p".utf8)
    private static let tagT = Array("w:t".utf8)
    private static let tagTab = Array("w:tab".utf8)
    private static let tagPTab = Array("w:ptab".utf8)
    private static let tagBr = Array("w:br".utf8)
    private static let tagCr = Array("w:cr".utf8)
    private static let tagNoBreakHyphen = Array("w:noBreakHyphen".utf8)
    private static let tagFallback = Array("mc:Fallback".utf8)

    /// An XML entity at `start` (an '&') as UTF-8 bytes, and the index after its ';'.
    static func xmlEntity(_ x: [UInt8], at start: Int) -> ([UInt8], Int)? {
        var k = start + 1
        let n = x.count
        while k < n, k - start <= 12, x[k] != 0x3B { k += 1 }
        guard k < n, x[k] == 0x3B else { return nil }
        let body = String(decoding: x[(start + 1)..<k], as: UTF8.self)
        var scalar: Unicode.Scalar?
        switch body {
        case "amp": scalar = "&"
        case "lt": scalar = "<"
        case "gt": scalar = ">"
        case "quot": scalar = "\""
        case "apos": scalar = "'"
        default:
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                scalar = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if body.hasPrefix("#") {
                scalar = UInt32(body.dropFirst(1)).flatMap(Unicode.Scalar.init)
            }
        }
        guard let scalar else { return nil }
        return (Array(String(scalar).utf8), k + 1)
    }
}
