/// Tables typed with tabs (a table copied out of Word into a text file: `项目\t2022年\t2023年`): the
/// tabs that separate cells, so that normalization writes them as bars and `TableFinder` reads the
/// table like any other. Normalization otherwise turns a tab into a space, and the columns are lost.
enum TabTables {
    /// The scalar offsets of the first tab of each run of tabs between cells, in lines that form a table:
    /// at least two consecutive lines that each split at tabs into the same number (two or more) of
    /// non-empty cells. A lone line with a tab (an indent, a tab after a heading number) is no table.
    static func cellTabs<C: Collection>(in scalars: C) -> Set<Int> where C.Element == Unicode.Scalar {
        var result: Set<Int> = []
        var block: [[Int]] = []
        var blockCells = 0
        func closeBlock() {
            if block.count >= 2 { for tabs in block { result.formUnion(tabs) } }
            block.removeAll()
            blockCells = 0
        }
        var tabs: [Int] = []
        var cells = 0
        var inCell = false
        var pendingTab: Int?
        func endLine() {
            if cells >= 2 && cells == blockCells {
                block.append(tabs)
            } else {
                closeBlock()
                if cells >= 2 { block = [tabs]; blockCells = cells }
            }
            tabs.removeAll()
            cells = 0
            inCell = false
            pendingTab = nil
        }
        for (offset, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n", "\r":
                endLine()
            case "\t":
                if inCell && pendingTab == nil { pendingTab = offset }
            case " ", "\u{3000}":
                continue
            default:
                if !inCell { cells += 1; inCell = true }
                else if let tab = pendingTab { tabs.append(tab); cells += 1 }
                pendingTab = nil
            }
        }
        endLine()
        closeBlock()
        return result
    }

    /// The same over UTF-8 bytes, counting offsets in scalars as the normalizer does.
    static func cellTabs(in bytes: UnsafeBufferPointer<UInt8>) -> Set<Int> {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count / 2)
        var i = 0
        while i < bytes.count { scalars.append(Unicode.Scalar.decodingValidUTF8(bytes, at: &i)) }
        return cellTabs(in: scalars)
    }
}
