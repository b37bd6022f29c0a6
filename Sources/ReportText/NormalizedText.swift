/// A report's text after decoding and normalization, with a map back to the original.
///
/// Everything downstream (sentences, numbers, indicators) works on `scalars`, one
/// array index per Unicode scalar. `originalOffsets[i]` is the offset, in Unicode
/// scalars, of normalized scalar `i` in the decoded original text (for HTML and DOCX:
/// the decoded markup), so a finding can point back into the file it came from.
public struct NormalizedText: Sendable {
    /// The normalized text, one element per Unicode scalar.
    public let scalars: [Unicode.Scalar]
    /// For each normalized scalar, its offset in the decoded original text, in scalars.
    public let originalOffsets: [Int]

    public init(scalars: [Unicode.Scalar], originalOffsets: [Int]) {
        precondition(scalars.count == originalOffsets.count, "one original offset per scalar")
        self.scalars = scalars
        self.originalOffsets = originalOffsets
    }

    /// Normalized text whose scalars are their own originals (offset i ↦ i).
    public init(identity text: String) {
        let scalars = Array(text.unicodeScalars)
        self.init(scalars: scalars, originalOffsets: Array(scalars.indices))
    }

    public var count: Int { scalars.count }

    /// The whole normalized text as a String.
    public var string: String { slice(0..<scalars.count) }

    /// A piece of the normalized text.
    public func slice(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// The original offset of normalized position `index`; the end maps past the last scalar.
    public func originalOffset(at index: Int) -> Int {
        if index < originalOffsets.count { return originalOffsets[index] }
        return (originalOffsets.last ?? -1) + 1
    }
}
