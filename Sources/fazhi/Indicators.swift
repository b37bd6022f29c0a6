import ArgumentParser
import Extraction
import Foundation

struct Indicators: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出指标目录 (list the indicator catalog).",
        discussion: "目录在 Data/catalog.json，可直接编辑增加指标 (the catalog is Data/catalog.json; edit it to add an indicator)."
    )

    func run() throws {
        let catalog = try Catalog.standard()
        let rows = catalog.indicators.map { [$0.id, $0.name, $0.unit, $0.kind == .rate ? "比率 rate" : "数量 count",
                                              $0.subjects.prefix(3).joined(separator: "、")] }
        print(TextTable(header: ["id", "指标", "单位", "类型", "关键词"], rows: rows).render(), terminator: "")
    }
}
