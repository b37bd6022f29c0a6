/// A quick structural check of an XML part (a .docx's document.xml): one root element, every
/// start tag closed by an end tag of the same name, nothing cut off. It is not a validating
/// parser; it tells a broken or truncated part from a document that merely has no text, so the
/// clerk hears "broken" rather than "empty".
enum XMLCheck {
    /// Whether the bytes are well-formed in the sense above.
    static func isWellFormed(_ x: [UInt8]) -> Bool {
        var stack: [ArraySlice<UInt8>] = []
        var roots = 0
        let n = x.count
        var i = 0
        while i < n {
            guard x[i] == 0x3C else { i += 1; continue }   // '<'
            if i + 1 >= n { return false }
            let next = x[i + 1]
            if next == 0x3F {                               // <? … ?>
                guard let end = find([0x3F, 0x3E], in: x, from: i + 2) else { return false }
                i = end + 2
                continue
            }
            if next == 0x21 {                               // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE >
                if starts(x, at: i, with: Array("<!--".utf8)) {
                    guard let end = find(Array("-->".utf8), in: x, from: i + 4) else { return false }
                    i = end + 3
                } else if starts(x, at: i, with: Array("<![CDATA[".utf8)) {
                    guard let end = find(Array("]]>".utf8), in: x, from: i + 9) else { return false }
                    i = end + 3
                } else {
                    guard let end = find([0x3E], in: x, from: i + 2) else { return false }
                    i = end + 1
                }
                continue
            }
            let isEnd = next == 0x2F
            var j = isEnd ? i + 2 : i + 1
            let nameStart = j
            while j < n, x[j] != 0x20, x[j] != 0x2F, x[j] != 0x3E, x[j] != 0x09, x[j] != 0x0A, x[j] != 0x0D { j += 1 }
            let name = x[nameStart..<j]
            if name.isEmpty { return false }
            var quote: UInt8 = 0
            var k = j
            while k < n {
                let b = x[k]
                if quote != 0 { if b == quote { quote = 0 } }
                else if b == 0x22 || b == 0x27 { quote = b }
                else if b == 0x3E { break }
                else if b == 0x3C { return false }
                k += 1
            }
            if k >= n { return false }
            let selfClosing = x[k - 1] == 0x2F && !isEnd
            if isEnd {
                guard let open = stack.popLast(), open.elementsEqual(name) else { return false }
            } else if !selfClosing {
                if stack.isEmpty { roots += 1 }
                stack.append(name)
            } else if stack.isEmpty {
                roots += 1
            }
            i = k + 1
        }
        return stack.isEmpty && roots == 1
    }

    private static func starts(_ x: [UInt8], at i: Int, with prefix: [UInt8]) -> Bool {
        i + prefix.count <= x.count && x[i..<(i + prefix.count)].elementsEqual(prefix)
    }

    private static func find(_ needle: [UInt8], in x: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= x.count {
            if x[i] == needle[0] && x[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
