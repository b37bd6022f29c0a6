/// Finds every occurrence of a fixed set of words in one forward pass (a trie walked from each
/// position; words are short, so this stays linear in practice and never backtracks).
struct KeywordIndex: Sendable {
    struct Hit: Sendable { let word: Int; let range: Range<Int> }

    private struct Node: Sendable {
        var next: [Unicode.Scalar: Int] = [:]
        var word: Int? = nil
    }

    private var nodes: [Node] = [Node()]
    /// The root's children by scalar value over the Basic Multilingual Plane (-1: none). Every
    /// position of a sentence looks here first, and most find nothing: an index beats hashing.
    private var rootBMP = [Int32](repeating: -1, count: 0x10000)
    private(set) var words: [String] = []
    private var ids: [String: Int] = [:]

    /// The id of a word, adding it if new.
    mutating func add(_ word: String) -> Int {
        if let id = ids[word] { return id }
        let id = words.count
        words.append(word)
        ids[word] = id
        var node = 0
        for scalar in word.unicodeScalars {
            if let next = nodes[node].next[scalar] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].next[scalar] = nodes.count - 1
                if node == 0 && scalar.value < 0x10000 { rootBMP[Int(scalar.value)] = Int32(nodes.count - 1) }
                node = nodes.count - 1
            }
        }
        nodes[node].word = id
        return id
    }

    func id(of word: String) -> Int? { ids[word] }

    /// Every word occurrence inside `scalars`, overlapping ones included, in order of start. With
    /// `simplified` (a traditional → simplified table over the BMP, 0 where unmapped), traditional
    /// text matches the simplified words: 培訓 is 培训.
    func hits(in scalars: ArraySlice<Unicode.Scalar>, simplified: [UInt32]? = nil) -> [Hit] {
        var found: [Hit] = []
        found.reserveCapacity(16)
        let root = nodes[0].next
        @inline(__always) func at(_ i: Int) -> Unicode.Scalar {
            let scalar = scalars[i]
            guard let simplified, scalar.value < 0x10000 else { return scalar }
            let to = simplified[Int(scalar.value)]
            return to == 0 ? scalar : Unicode.Scalar(to) ?? scalar
        }
        var start = scalars.startIndex
        while start < scalars.endIndex {
            if var node = rootChild(at(start), root) {
                var end = start + 1
                while true {
                    if let word = nodes[node].word { found.append(Hit(word: word, range: start..<end)) }
                    guard end < scalars.endIndex, let next = nodes[node].next[at(end)] else { break }
                    node = next
                    end += 1
                }
            }
            start += 1
        }
        return found
    }

    @inline(__always) private func rootChild(_ scalar: Unicode.Scalar, _ root: [Unicode.Scalar: Int]) -> Int? {
        guard scalar.value < 0x10000 else { return root[scalar] }
        let node = rootBMP[Int(scalar.value)]
        return node < 0 ? nil : Int(node)
    }
}
