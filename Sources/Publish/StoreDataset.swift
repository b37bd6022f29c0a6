import Extraction
import Foundation
import Store
import Trends

/// A store's data as Trends reads it, with the roster set: what every drawing, table and summary starts
/// from, on the command line and in the review server alike.
public enum StoreDataset {
    /// Why the data could not be loaded; `description` is one line for a clerk, Chinese then English.
    public enum Failure: Error, CustomStringConvertible {
        /// No store file at this path.
        case noStore(String)
        /// A roster file was named and is not there.
        case noRoster(String)
        /// The roster file is there and cannot be read (its file, line and reason).
        case roster(RosterError)

        public var description: String {
            switch self {
            case .noStore(let path): return "没有数据库 \(path) (no store there: run `fazhi extract` first)."
            case .noRoster(let path): return "\(path)：找不到名册文件 (no roster file there)"
            case .roster(let error): return error.description
            }
        }
    }

    /// Everything in the store at `path` (opened read-only), with the values Trends derives from it.
    /// Throws `Failure.noStore` when there is no file, or what the store throws.
    public static func load(store path: String) throws -> Dataset {
        guard FileManager.default.fileExists(atPath: path) else { throw Failure.noStore(path) }
        let store = try ReportStore(path: path, access: .readOnly)
        return Dataset(values: try store.valueTable(), reports: try store.reports(), catalog: try Catalog.standard())
    }

    /// The store's data with the roster of its counties: the roster file's townships where it lists the
    /// county, the gazetteer's for the rest. A missing roster file is an error only when `required`
    /// (a user named it); otherwise the gazetteer gives every county.
    public static func load(store path: String, roster file: String, rosterRequired: Bool) throws -> Dataset {
        var data = try load(store: path)
        data.roster = try roster(file: file, required: rosterRequired, for: data.places)
        return data
    }

    /// The roster for the counties of these places (see `Roster.build`).
    public static func roster(file: String, required: Bool, for places: [Place]) throws -> Roster {
        var listed: [Place] = []
        if FileManager.default.fileExists(atPath: file) {
            do { listed = try Roster.read(csv: URL(fileURLWithPath: file)) } catch let error as RosterError {
                throw Failure.roster(error)
            }
        } else if required {
            throw Failure.noRoster(file)
        }
        // The gazetteer takes a moment to load: only when the file leaves some county of the store out.
        let counties = Set(listed.compactMap(\.county))
        let gazetteer = places.contains { $0.county.map { !counties.contains($0) } ?? false } ? try? Gazetteer.standard() : nil
        return Roster.build(file: listed, fileName: file, gazetteer: gazetteer, counties: places)
    }
}
