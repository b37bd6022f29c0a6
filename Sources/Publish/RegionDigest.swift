import Foundation
import Store
import Trends

/// A hash of everything a region's own chart set is drawn from: its townships (stored and on the roster),
/// the years each reported, every value with its qualifier, source and stated change, the years of the
/// store, the consistency findings about it and its reports. When it is unchanged since the last run and
/// the set's page is there, a tree does not even plan the set again (planning 2,000 counties' charts
/// cost a minute and a half at national size, for nothing drawn). `checks` are the region's findings.
func regionDigest(_ data: Dataset, _ region: Region, checks: [CheckFinding], reports: [ReportRecord]?, settings: String) -> String {
    placesDigest(data, data.places(in: region), roster: data.rosterPlaces(in: region), checks: checks, reports: reports ?? [],
                 settings: settings)
}

/// The digest of these stored places' values, these roster places, findings and reports (see `regionDigest`).
func placesDigest(_ data: Dataset, _ places: [Place], roster: [Place], checks: [CheckFinding], reports: [ReportRecord],
                  settings: String) -> String {
    var text = "\(drawingVersion)|\(settings)|\(data.years.map(String.init).joined(separator: ","))"
    let indicators = data.indicatorsWithData
    for place in places {
        text += "\u{1E}\(place.province ?? "")|\(place.city ?? "")|\(place.county ?? "")|\(place.township)|"
        text += data.reportedYears(of: place).sorted().map(String.init).joined(separator: ",")
        for indicator in indicators {
            for year in data.years {
                guard let o = data.observation(indicator.id, place, year) else { continue }
                text += "\u{1F}\(indicator.id)|\(year)|\(o.value)|\(o.qualifier)|\(o.derived)|\(o.source)|"
                text += "\(o.statedChange.map { "\($0)" } ?? "")|\(o.statedGrowthPercent.map { "\($0)" } ?? "")|\(o.evidence ?? "")"
            }
        }
    }
    for place in roster {
        text += "\u{1D}\(place.province ?? "")|\(place.city ?? "")|\(place.county ?? "")|\(place.township)"
    }
    for c in checks {
        text += "\u{1C}\(c.year ?? 0)|\(c.kind)|\(c.indicator ?? "")|\(c.message)"
    }
    for r in reports { text += "\u{1C}\(r.sourcePath)|\(r.year ?? 0)|\(r.township ?? "")" }
    return ContentHash.fnv1a(Data(text.utf8))
}

/// A parent page's digest: what its children's digests say of their regions, and the digest of its townships
/// that no child holds (a township whose city the store does not know still counts in its province's total).
func parentDigest(children: [String], orphans: String, settings: String) -> String {
    ContentHash.fnv1a(Data(([drawingVersion, settings, orphans] + children).joined(separator: "\u{1E}").utf8))
}
