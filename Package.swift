// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "fazhi",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fazhi", targets: ["fazhi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // Strict, streaming CSV (an unterminated quote is an error; reads from an InputStream row by row).
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        // The review workbench's web server and its page templates.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // HTTP field names for the review server's security headers (Hummingbird's own dependency).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // Cairo and Pango from the system (apt: libcairo2-dev, libpango1.0-dev).
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        // libpng and ISA-L (igzip, a fast deflate) from the system, for fast PNG encoding in Plot.
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev", "libisal-dev"])]),
        // scales, layout, marks; Cairo/Pango backend to PNG, SVG, PDF.
        .target(name: "Plot", dependencies: ["CPangoCairo", "CPNG"]),
        // poppler's GLib interface for PDF text (apt: libpoppler-glib-dev, poppler-data for the Chinese CMaps).
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev", "poppler-data"])]),
        // zlib's inflate (apt: zlib1g-dev), for a zip entry read within the bytes that hold it.
        .systemLibrary(name: "CInflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // bytes → normalized text, sentences, numbers; PDF, DOC/WPS (LibreOffice), OFD, MHTML, zip.
        .target(
            name: "ReportText",
            dependencies: ["CPoppler", "CInflate", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // catalog, metadata with the gazetteer, findings.
        .target(name: "Extraction", dependencies: ["ReportText"]),
        // SQLite schema, idempotent ingest, corrections, CSV/JSON import and export.
        .target(
            name: "Store",
            dependencies: [
                "Extraction", "ReportText", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // series, derived rates, year-on-year change, ranks, pooled roll-ups, consistency checks.
        .target(name: "Trends", dependencies: ["Store", "Extraction"]),
        // a fictional county's reports with their true values, for tests, benchmarks and demos.
        .target(name: "SampleReports", dependencies: ["ReportText"]),
        // libxlsxwriter from the system (apt: libxlsxwriter-dev), for tables Excel and WPS open with numbers as numbers.
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // composition: chart sets, the briefing sheet, tables and the summary paragraph.
        .target(name: "Publish", dependencies: ["Trends", "Store", "Plot", "Extraction", "SampleReports", "CXLSXWriter"]),
        // `fazhi review`: the workbench on loopback — pages, tokens, decisions; calls Store, Trends and Publish.
        .target(
            name: "Review",
            dependencies: [
                "Store", "Trends", "Extraction", "ReportText", "Plot", "Publish",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "fazhi",
            dependencies: [
                "ReportText", "Extraction", "Store", "Trends", "Plot", "SampleReports", "Publish", "Review",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ReportTextTests", dependencies: ["ReportText", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(
            name: "ExtractionTests",
            dependencies: ["Extraction", "ReportText", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Extraction", "ReportText", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "TrendsTests", dependencies: ["Trends", "Store", "Extraction"]),
        .testTarget(name: "SampleReportsTests", dependencies: ["SampleReports", "Extraction", "ReportText"]),
        .testTarget(name: "PublishTests", dependencies: ["Publish", "Trends", "Store", "Extraction", "Plot"]),
        .testTarget(name: "ReviewTests", dependencies: [
            "Review", "Store", "Extraction", "ReportText",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(name: "PlotTests", dependencies: ["Plot"], exclude: ["Golden"]),
        // Runs the built binary as a user would; depends on it so that it is built first.
        .testTarget(name: "FazhiCLITests", dependencies: [
            "fazhi", "Store", "ReportText", "Trends", "Publish", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
