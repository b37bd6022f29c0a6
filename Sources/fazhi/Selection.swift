import ArgumentParser
import Extraction
import Foundation
import Publish
import Trends

/// `--roster FILE`: the townships each county should report (see `Roster`).
struct RosterOptions: ParsableArguments {
    static let defaultPath = "Data/roster.csv"

    @Option(help: ArgumentHelp("名册：每个县区应报送的镇街 township,county[,city,province]；名册未列的县区按行政区划表 (the roster; counties it does not list come from the gazetteer).", valueName: "file"))
    var roster = RosterOptions.defaultPath

    /// The roster for the counties of these places (`StoreDataset.roster`); a roster named on the
    /// command line must be there.
    func load(for places: [Place]) throws -> Roster {
        do { return try StoreDataset.roster(file: roster, required: roster != Self.defaultPath, for: places) } catch let failure as StoreDataset.Failure {
            throw ValidationError(failure.description)
        }
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
