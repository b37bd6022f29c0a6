/// Normalizes decoded report text: full-width ASCII folded to ASCII, Unicode spaces to
/// one space, line breaks to `\n`, zero-width characters removed, spaces collapsed and
/// trimmed at line ends. Every kept scalar remembers its offset in the original.
public enum TextNormalizer {
    public static func normalize(_ original: String) -> NormalizedText {
        var text = original
        text.makeContiguousUTF8()
        if let result = text.utf8.withContiguousStorageIfAvailable({ normalizeUTF8($0) }) {
            return result
        }
        var builder = NormalizingBuilder(capacity: original.utf8.count / 2 + 16, maxNewlines: 2)
        var offset = 0
        for scalar in original.unicodeScalars {
            builder.append(scalar, at: offset)
            offset &+= 1
        }
        return builder.finish()
    }

    /// Decodes valid UTF-8 straight into the builder, skipping String's scalar view.
    static func normalizeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        // One scalar per byte that does not continue a multi-byte sequence.
        var capacity = 0
        for b in bytes where b & 0xC0 != 0x80 { capacity &+= 1 }
        var builder = NormalizingBuilder(capacity: capacity, maxNewlines: 2)
        var offset = 0
        var i = 0
        let end = bytes.count
        while i < end {
            let scalar = Unicode.Scalar.decodingValidUTF8(bytes, at: &i)
            builder.append(scalar, at: offset)
            offset &+= 1
        }
        return builder.finish()
    }
}

extension Unicode.Scalar {
    /// The scalar whose UTF-8 starts at `i` in bytes known to be valid UTF-8 (a String's own), decoded
    /// from its lead byte without checks; `i` moves past it. Inlinable: it runs for every byte of a report.
    @inlinable @inline(__always)
    public static func decodingValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> Unicode.Scalar {
        let b0 = UInt32(bytes[i])
        let v: UInt32
        if b0 < 0x80 {
            v = b0; i &+= 1
        } else if b0 < 0xE0 {
            v = (b0 & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F); i &+= 2
        } else if b0 < 0xF0 {
            v = (b0 & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F)
            i &+= 3
        } else {
            v = (b0 & 0x07) << 18 | UInt32(bytes[i &+ 1] & 0x3F) << 12
                | UInt32(bytes[i &+ 2] & 0x3F) << 6 | UInt32(bytes[i &+ 3] & 0x3F)
            i &+= 4
        }
        return unsafeBitCast(v, to: Unicode.Scalar.self)
    }
}

/// Streams scalars with their original offsets into normalized text. Shared by the
/// plain-text, HTML and DOCX paths.
struct NormalizingBuilder {
    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var offsets: [Int] = []
    /// The most consecutive line breaks kept (2 keeps one blank line; 1 none).
    let maxNewlines: Int
    private var pendingSpace = false
    private var pendingSpaceOffset = 0
    private var newlineRun = 0
    private var lastWasCR = false
    /// The run of spaces waiting to be written: how long, and whether it held a tab.
    private var pendingSpaceRun = 0
    private var pendingSpaceHasTab = false
    /// Where a kept space stands for a gap (a tab, or two or more spaces): a table's cells may be
    /// separated so (`TabTables`).
    private var gaps: [Int] = []

    init(capacity: Int, maxNewlines: Int) {
        self.maxNewlines = maxNewlines
        scalars.reserveCapacity(capacity)
        offsets.reserveCapacity(capacity)
    }

    /// What a scalar becomes: kept as itself or folded, a space, a line break, or dropped.
    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> (kind: UInt8, folded: Unicode.Scalar) {
        // kind: 0 keep `folded`, 1 space, 2 newline, 3 drop, 4 carriage return
        let v = s.value
        // Fast paths: printable ASCII and the CJK blocks (no special scalar among them).
        if v &- 0x21 < 0x5E || v &- 0x3400 < 0xFE00 - 0x3400 { return (0, s) }
        if v < 0x80 {
            switch v {
            case 0x20, 0x09, 0x0B, 0x0C: return (1, s)
            case 0x0A: return (2, s)
            case 0x0D: return (4, s)
            case 0x00..<0x20, 0x7F: return (1, s)
            default: return (0, s)
            }
        }
        switch v {
        case 0xFF01...0xFF5E: return (0, Unicode.Scalar(v - 0xFEE0)!)
        case 0x3000, 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x1680: return (1, s)
        case 0x0085, 0x2028, 0x2029: return (2, s)
        case 0x0080...0x009F: return (1, s)
        case 0x200B...0x200D, 0xFEFF, 0x2060, 0x00AD: return (3, s)
        case 0xFE6A: return (0, "%")
        default: return (0, s)
        }
    }

    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar, at offset: Int) {
        let (kind, folded) = NormalizingBuilder.classify(scalar)
        let wasCR = lastWasCR
        lastWasCR = false
        switch kind {
        case 0:
            if pendingSpace {
                pendingSpace = false
                if !scalars.isEmpty && newlineRun == 0 {
                    if pendingSpaceRun >= 2 || pendingSpaceHasTab { gaps.append(scalars.count) }
                    scalars.append(" ")
                    offsets.append(pendingSpaceOffset)
                }
            }
            newlineRun = 0
            scalars.append(folded)
            offsets.append(offset)
        case 1:
            if !pendingSpace {
                pendingSpace = true
                pendingSpaceOffset = offset
                pendingSpaceRun = 0
                pendingSpaceHasTab = false
            }
            pendingSpaceRun &+= 1
            if scalar == "\t" { pendingSpaceHasTab = true }
        case 2:
            if scalar == "\n" && wasCR { return }  // CRLF: the CR already made the line break
            newline(at: offset)
        case 4:
            newline(at: offset)
            lastWasCR = true
        default:
            break
        }
    }

    /// Drops every pinyin reading in brackets written after a character, as some mirror sites print
    /// traditional text (復(fù)議, 設(shè)): it splits the words extraction matches. A reading must carry a tone
    /// mark, so a list marker (a) or an English word in brackets stays. One pass after the text is built,
    /// so that the per-character path stays as short as it was.
    mutating func dropPinyinAnnotations() {
        var write = 0
        var read = 0
        let n = scalars.count
        var changed = false
        while read < n {
            if scalars[read] == "(", read > 0, let end = NormalizingBuilder.pinyinReadingEnd(scalars, from: read),
               scalars[read - 1].value &- 0x3400 < 0xA000 - 0x3400 {
                read = end + 1
                changed = true
                continue
            }
            if changed {
                scalars[write] = scalars[read]
                offsets[write] = offsets[read]
            }
            write += 1
            read += 1
        }
        if changed {
            scalars.removeSubrange(write...)
            offsets.removeSubrange(write...)
        }
    }

    /// Joins a number that a hard line wrap split (共排查矛盾纠纷 1⏎36件 → 136件): a line break between digits
    /// where the digits after it run into a measure word or `%`. Not a list marker on the next line (1.、2、).
    mutating func joinWrappedNumbers() {
        var breaks: [Int] = []
        for i in 1..<max(1, scalars.count - 1) where scalars[i] == "\n" {
            guard NormalizingBuilder.isDigit(scalars[i - 1]), NormalizingBuilder.isDigit(scalars[i + 1]) else { continue }
            var j = i + 1
            while j < scalars.count, NormalizingBuilder.isDigit(scalars[j]) || scalars[j] == "," { j += 1 }
            guard j < scalars.count else { continue }
            let next = scalars[j]
            if next == "%" || SentenceSplitter.isCJK(next) { breaks.append(i) }
        }
        guard !breaks.isEmpty else { return }
        for i in breaks.reversed() {
            scalars.remove(at: i)
            offsets.remove(at: i)
        }
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value &- 0x30 < 10 }

    /// Where the `)` of a pinyin reading opened at `open` stands: one to six letters, a tone mark among them.
    static func pinyinReadingEnd(_ s: [Unicode.Scalar], from open: Int) -> Int? {
        var i = open + 1
        var toned = false
        while i < s.count && i - open <= 7 {
            let v = s[i].value
            if v == 0x29 { return toned && i > open + 1 ? i : nil }
            if v &- 0x61 < 26 || v == 0xFC { i += 1; continue }
            guard tonedVowels.contains(v) else { return nil }
            toned = true
            i += 1
        }
        return nil
    }

    /// The pinyin vowels with a tone mark (ā á ǎ à …, ǖ ǘ ǚ ǜ).
    static let tonedVowels: Set<UInt32> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".unicodeScalars.map(\.value))

    /// A line break; spaces before it are dropped, runs are capped at `maxNewlines`.
    @inline(__always)
    mutating func newline(at offset: Int) {
        pendingSpace = false
        if scalars.isEmpty || newlineRun >= maxNewlines { return }
        newlineRun += 1
        scalars.append("\n")
        offsets.append(offset)
    }

    mutating func finish() -> NormalizedText {
        while let last = scalars.last, last == "\n" {
            scalars.removeLast()
            offsets.removeLast()
        }
        pendingSpace = false
        newlineRun = 0
        // Pinyin readings carry a tone mark (U+00E0…U+01DC); most texts have none, and one tight pass tells.
        if scalars.contains(where: { $0.value &- 0xE0 < 0x1DD - 0xE0 }) { dropPinyinAnnotations() }
        joinWrappedNumbers()
        if !gaps.isEmpty { TabTables.markCells(in: &scalars, gaps: gaps) }
        return NormalizedText(scalars: scalars, originalOffsets: offsets)
    }
}
