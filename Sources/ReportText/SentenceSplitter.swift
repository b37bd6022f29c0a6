/// A sentence of normalized text and its clauses, as ranges of `NormalizedText.scalars`.
public struct Sentence: Sendable, Equatable {
    /// The sentence, with its end mark and any closing quote after it; trimmed of spaces.
    public let range: Range<Int>
    /// The clauses, split at ，,、：:；; and without those marks or the end mark; trimmed.
    public let clauses: [Range<Int>]

    public init(range: Range<Int>, clauses: [Range<Int>]) {
        self.range = range
        self.clauses = clauses
    }
}

/// Splits normalized text into sentences and clauses.
///
/// A sentence ends at 。！？!?；; (with closing quotes and brackets that follow), at a half-width
/// full stop between Chinese words (34件. 信访方面), and at every line break. Clauses split at ，,、：:；;, except a comma between digits that groups
/// thousands (1,234) and a colon between digits (9:30).
public enum SentenceSplitter {
    public static func split(_ text: NormalizedText) -> [Sentence] {
        let s = text.scalars
        let n = s.count
        var sentences: [Sentence] = []
        var start = 0
        var i = 0
        while i < n {
            let c = s[i]
            if c == "\n" {
                appendSentence(s, start..<i, contentEnd: i, to: &sentences)
                i += 1
                start = i
                continue
            }
            if (isEndMark(c) && !(c == "?" && isURLQuery(s, i))) || (c == "." && isSentenceDot(s, i)) {
                let contentEnd = i
                var j = i + 1
                while j < n, isEndMark(s[j]) || isCloser(s[j]) { j += 1 }
                appendSentence(s, start..<j, contentEnd: contentEnd, to: &sentences)
                i = j
                start = j
                continue
            }
            i += 1
        }
        if start < n { appendSentence(s, start..<n, contentEnd: n, to: &sentences) }
        return sentences
    }

    @inline(__always) static func isEndMark(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "。", "！", "？", "!", "?", "；", ";": return true
        default: return false
        }
    }

    @inline(__always) static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "”", "’", "」", "』", "）", ")", "》", "〉", "】", "]", "〕", "\"", "'", "〗": return true
        default: return false
        }
    }

    @inline(__always) static func isClauseMark(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "，", ",", "、", "：", ":", "；", ";": return true
        default: return false
        }
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    @inline(__always) static func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || ((c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A)
    }

    /// A half-width full stop ending a Chinese sentence, as hastily typed text writes it (调解案件 34件. 信访方面):
    /// after a character, a percent sign or a closer, and before a character or the line's end. Not the dot of
    /// 98.6, of a list marker (1.加强), nor of a URL.
    static func isSentenceDot(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let before = s[i - 1]
        guard isCJK(before) || before == "%" || isCloser(before) else { return false }
        var j = i + 1
        while j < s.count, s[j] == " " { j += 1 }
        return j >= s.count || s[j] == "\n" || isCJK(s[j])
    }

    @inline(__always) static func isCJK(_ c: Unicode.Scalar) -> Bool { c.value >= 0x4E00 && c.value <= 0x9FFF }

    /// A `?` inside a URL (`index.html?id=3`): ASCII on both sides.
    static func isURLQuery(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i > 0, i + 1 < s.count else { return false }
        let before = s[i - 1], after = s[i + 1]
        return (isASCIIAlnum(before) || before == "/" || before == ".") && isASCIIAlnum(after)
    }

    /// Whether the mark at `i` separates clauses (not the comma of 1,234 nor the colon of 9:30).
    static func splitsClause(_ s: [Unicode.Scalar], _ i: Int, end: Int) -> Bool {
        let c = s[i]
        guard isClauseMark(c) else { return false }
        guard c == "," || c == ":", i > 0, i + 1 < end, isDigit(s[i - 1]), isDigit(s[i + 1]) else { return true }
        if c == ":" { return false }
        // Thousands: exactly three digits follow, then no further digit.
        var k = i + 1
        while k < end, isDigit(s[k]) { k += 1 }
        return k - (i + 1) != 3
    }

    static func trimmed(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, s[lo] == " " || s[lo] == "\n" { lo += 1 }
        while hi > lo, s[hi - 1] == " " || s[hi - 1] == "\n" { hi -= 1 }
        return lo..<hi
    }

    static func appendSentence(_ s: [Unicode.Scalar], _ raw: Range<Int>, contentEnd: Int, to out: inout [Sentence]) {
        let range = trimmed(s, raw)
        guard !range.isEmpty else { return }
        var clauses: [Range<Int>] = []
        // Room for a typical sentence's clauses at once, rather than growing 1, 2, 4, 8.
        clauses.reserveCapacity(8)
        let end = min(contentEnd, range.upperBound)
        var clauseStart = range.lowerBound
        var k = range.lowerBound
        while k < end {
            if splitsClause(s, k, end: end) {
                let clause = trimmed(s, clauseStart..<k)
                if !clause.isEmpty { clauses.append(clause) }
                clauseStart = k + 1
            }
            k += 1
        }
        let last = trimmed(s, clauseStart..<max(clauseStart, end))
        if !last.isEmpty { clauses.append(last) }
        out.append(Sentence(range: range, clauses: clauses))
    }
}
