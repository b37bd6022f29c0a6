import Foundation

/// The reports inside a zip archive (a township's submission, a portal's download), read
/// recursively within the archive limits: each report's URL is the archive's path, `!/`, and the
/// entry's path (`2024报送.zip!/良垌镇.docx`), so that its source and errors name both.
enum ArchiveReports {
    static func read(data: Data, url: URL, options: ReadOptions, depth: Int, budget: BoundedArchive.Budget,
                     _ body: (Result<ReportDocument, ReadError>) -> Void) {
        let limits = options.limits
        let archive: BoundedArchive
        do {
            archive = try BoundedArchive(data: data, limits: limits, budget: budget)
        } catch BoundedArchive.Failure.overLimit(let limit) {
            body(.failure(ReadError(url: url, reason: .overLimit(limit))))
            return
        } catch {
            body(.failure(ReadError(url: url, reason: .brokenArchive)))
            return
        }
        var office: [(url: URL, data: Data)] = []
        var readAny = false
        for member in archive.members.sorted(by: { $0.path < $1.path }) {
            let path = cleanPath(member.path)
            guard !path.isEmpty, !path.hasSuffix("/"), !isLitter(path) else { continue }
            let entryURL = URL(fileURLWithPath: url.path + "!/" + path)
            guard ReportReader.kind(of: entryURL) != nil else {
                body(.failure(ReadError(url: entryURL, reason: .unsupportedExtension(entryURL.pathExtension.lowercased()))))
                continue
            }
            readAny = true
            let entry: Data
            do {
                entry = try archive.read(member)
            } catch BoundedArchive.Failure.overLimit(let limit) {
                body(.failure(ReadError(url: entryURL, reason: .overLimit(limit))))
                if case .totalBytes = limit { return }   // nothing more may be inflated
                continue
            } catch {
                body(.failure(ReadError(url: entryURL, reason: .brokenArchive)))
                continue
            }
            switch ReportReader.kind(of: entryURL, data: entry) {
            case .zip:
                guard depth < limits.maxDepth else {
                    body(.failure(ReadError(url: entryURL, reason: .overLimit(.depth(limits.maxDepth)))))
                    continue
                }
                read(data: entry, url: entryURL, options: options, depth: depth + 1, budget: budget, body)
            case .office:
                office.append((entryURL, entry))
            case .text, .html, .mhtml:
                if entry.count > limits.maxFileBytes {
                    body(.failure(ReadError(url: entryURL, reason: .overLimit(.fileBytes(limits.maxFileBytes)))))
                    continue
                }
                fallthrough
            default:
                body(Result {
                    try ReportReader.document(data: entry, url: entryURL, kind: ReportReader.kind(of: entryURL, data: entry)!,
                                              options: options, budget: budget)
                }.mapError { $0 as? ReadError ?? ReadError(url: entryURL, reason: .unreadable("\($0)")) })
            }
        }
        if !readAny && office.isEmpty && archive.members.allSatisfy({ isLitter(cleanPath($0.path)) || $0.path.hasSuffix("/") }) {
            body(.failure(ReadError(url: url, reason: .empty)))
        }
        // The archive's .doc and .wps files in one converter run.
        if !office.isEmpty {
            let batch = OfficeConverter.convert(office.map { .bytes($0.data, pathExtension: $0.url.pathExtension) })
            for (i, item) in office.enumerated() {
                body(batch.text(i).mapError { ReadError(url: item.url, reason: $0) }.flatMap { text in
                    Result { try ReportReader.document(convertedText: text, url: item.url) }.mapError { $0 as! ReadError }
                })
            }
        }
    }

    /// An entry's path without a leading "/", "." or ".." components (a path in an archive may
    /// not climb out of it, even in a message).
    static func cleanPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true)
            .filter { $0 != "." && $0 != ".." }
            .joined(separator: "/") + (path.hasSuffix("/") ? "/" : "")
    }

    /// Whether any component of the path is litter that is skipped without a word.
    static func isLitter(_ path: String) -> Bool {
        path.split(separator: "/").contains { ReportReader.isLitter(String($0)) }
    }
}
