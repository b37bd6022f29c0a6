import ArgumentParser
import Foundation
import Publish
import Trends

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "某年哪些镇街已报送、哪些未报送 (who has and has not reported in a year).",
        discussion: """
        应报送的镇街来自名册 (--roster，默认 Data/roster.csv) 所列的县区，其余县区来自行政区划表；
        两者都没有的县区只能按数据库中已有的镇街计算，并注明。
        The townships that should report come from the roster file for the counties it lists and from
        the gazetteer for the others; a county neither knows counts the townships the store holds.

        例 (examples):
          fazhi roster --year 2024 --county 示例县 --roster Data/example/roster.csv
          fazhi roster --year 2024 --format json
        """
    )

    @Option(help: "年份 (year).") var year: Int
    @OptionGroup var region: RegionOptions
    @Option(help: "table|json|csv") var format: TableFormat = .table
    @OptionGroup var store: StoreOptions
    @OptionGroup var roster: RosterOptions

    func run() throws {
        let data = try store.dataset(roster: roster, region: region.region)
        let a = data.attendance(year: year, in: region.region)
        let sent = Set(a.submitted), unlisted = Set(a.unlisted)
        func status(_ p: Place) -> String { sent.contains(p) ? (unlisted.contains(p) ? "已报送（名册未列）" : "已报送") : "未报送" }
        func source(_ p: Place) -> String { p.county.flatMap { data.roster.sourceOfCounty[$0] } ?? "数据库 (store)" }
        switch format {
        case .json:
            write(JSON.object([
                ("year", .int(year)), ("expected", .int(a.expected.count)), ("submitted", .int(a.submitted.count)),
                ("from_roster", .bool(a.fromRoster)),
                ("townships", .array(a.expected.map { p in
                    .object([("township", .string(p.township)), ("county", .optional(p.county)), ("submitted", .bool(sent.contains(p))),
                             ("listed", .bool(!unlisted.contains(p))), ("roster", .string(source(p)))])
                })),
            ]).rendered() + "\n")
        case .csv:
            var out = "\u{FEFF}" + CellText.line(["township", "county", "year", "submitted", "roster"])
            for p in a.expected { out += CellText.line([p.township, p.county ?? "", String(year), sent.contains(p) ? "yes" : "no", source(p)]) }
            write(out)
        case .table:
            var out = "\(region.region.name ?? "全部")\(year)年：应报送\(a.expected.count)个镇街，已报送\(a.submitted.count)个，未报送\(a.missing.count)个"
                + " (\(a.submitted.count) of \(a.expected.count) townships reported)\n"
            out += TextTable(header: ["镇街", "县区", "状态", "名册来源"],
                             rows: a.expected.map { [$0.township, $0.county ?? "—", status($0), source($0)] }).render()
            if !a.fromRoster { out += "注：部分县区既无名册也不在行政区划表中，应报送数按数据库中已有的镇街计 (some counties have no roster: counted from the store)。\n" }
            write(out)
        }
    }
}
