import ArgumentParser
import Extraction
import Foundation
import Trends

/// `--roster FILE`: the townships each county should report (see `Roster`).
struct RosterOptions: ParsableArguments {
    static let defaultPath = "Data/roster.csv"

    @Option(help: ArgumentHelp("名册：每个县区应报送的镇街 township,county[,city,province]；名册未列的县区按行政区划表 (the roster; counties it does not list come from the gazetteer).", valueName: "file"))
    var roster = RosterOptions.defaultPath

    /// The roster for the counties of these places: the file's when it is there (an error when it was
    /// named but is missing or unreadable), the gazetteer's for the rest.
    func load(for places: [Place]) throws -> Roster {
        var file: [Place] = []
        if FileManager.default.fileExists(atPath: roster) {
            do { file = try Roster.read(csv: URL(fileURLWithPath: roster)) } catch let error as RosterError {
                throw ValidationError(error.description)
            }
        } else if roster != Self.defaultPath {
            throw ValidationError("\(roster)：找不到名册文件 (no roster file there)")
        }
        // The gazetteer takes a moment to load: only when the file leaves some county of the store out.
        let listed = Set(file.compactMap(\.county))
        let gazetteer = places.contains { $0.county.map { !listed.contains($0) } ?? false } ? try? Gazetteer.standard() : nil
        return Roster.build(file: file, fileName: roster, gazetteer: gazetteer, counties: places)
    }
}

extension StoreOptions {
    /// The store's data with the roster set, after checking that the region (and the year, when given)
    /// has data: a usage error naming the nearest regions or the years with data otherwise.
    func dataset(roster: RosterOptions, region: Region = .all, year: Int? = nil) throws -> Dataset {
        var data = try dataset()
        data.roster = try roster.load(for: data.places)
        try requireData(data, region: region, year: year)
        return data
    }
}

/// A region or year the store has nothing of: one line on stderr naming what there is, exit status 1.
func requireData(_ data: Dataset, region: Region, year: Int?) throws {
    do { try data.requireData(in: region, year: year) } catch let error as SelectionError {
        printError(error.description)
        throw ExitCode(1)
    }
}

/// The indicator a user named: its id (`petitions.closure_rate`), its Chinese name (`信访办结率`), its
/// English name, or a part of one of these that only one indicator has. Anything else is a usage error
/// that gives the nearest names in Chinese and English.
///
/// The one place commands resolve indicators: `Catalog.resolve` (branch `hostile`) replaces its body when merged.
func indicatorNamed(_ text: String, in catalog: Catalog) throws -> Indicator {
    let wanted = text.trimmingCharacters(in: .whitespaces)
    let all = catalog.indicators
    if let i = all.first(where: { $0.id == wanted || $0.name == wanted || $0.en?.lowercased() == wanted.lowercased() }) { return i }
    let lower = wanted.lowercased()
    let partial = all.filter { $0.name.contains(wanted) || $0.id.lowercased().contains(lower) || ($0.en?.lowercased().contains(lower) ?? false) }
    if partial.count == 1 { return partial[0] }
    func describe(_ i: Indicator) -> String { "\(i.name) (\(i.id)\(i.en.map { ", \($0)" } ?? ""))" }
    if partial.count > 1 {
        throw ValidationError("指标“\(text)”不明确，可指 (ambiguous; could be): " + partial.map(describe).joined(separator: "；"))
    }
    var names: [String: Indicator] = [:]
    for i in all { names[i.name] = i; names[i.id] = i; if let en = i.en { names[en] = i } }
    let nearest = nearestNames(to: wanted, in: names.keys, limit: 6).compactMap { names[$0] }
    var seen = Set<String>()
    let unique = nearest.filter { seen.insert($0.id).inserted }
    let hint = unique.isEmpty ? all.prefix(5).map(describe) : unique.map(describe)
    throw ValidationError("未知指标“\(text)” (unknown indicator)；相近的有 (nearest): " + hint.joined(separator: "；")
        + "。全部指标见 fazhi indicators (see fazhi indicators).")
}
