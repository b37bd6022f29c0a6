import Foundation
extension Builder {
    func buildGrouped() -> String { let p = frame(note: nil); emptyMessage(p, "尚未实现"); return "" }
    func buildHeatmap() -> String { let p = frame(note: nil); emptyMessage(p, "尚未实现"); return "" }
    func buildSmallMultiples() -> String { let p = frame(note: nil); emptyMessage(p, "尚未实现"); return "" }
    func buildSlope() -> String { let p = frame(note: nil); emptyMessage(p, "尚未实现"); return "" }
    func buildScatter() -> String { let p = frame(note: nil); emptyMessage(p, "尚未实现"); return "" }
}
