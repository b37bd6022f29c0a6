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
/// English name, or a part of one of these that only one indicator has (`Catalog.resolve`). Anything
/// else is a usage error that gives the nearest names in Chinese and English.
func indicatorNamed(_ text: String, in catalog: Catalog) throws -> Indicator {
    do { return try catalog.resolve(text) } catch let error as Catalog.ResolveError {
        throw ValidationError(error.description + "。全部指标见 fazhi indicators (see fazhi indicators).")
    }
}
