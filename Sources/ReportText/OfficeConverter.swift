import Foundation

/// Word 97–2003 (.doc) and WPS (.wps) to text through LibreOffice headless, a whole batch in one
/// run: LibreOffice takes 1–2 s to start and then about 0.1 s a file, so one process per file
/// would cost a county's batch minutes.
///
/// Why LibreOffice and not antiword (measured on files LibreOffice wrote, see the README): antiword
/// is far faster (about 5 ms a file) but reads only true Word 97 binaries — not .wps, not the RTF or
/// HTML files that offices often save under a .doc name — wraps lines at 80 columns unless told
/// not to, and runs once per file.
public enum OfficeConverter {
    /// The Debian package that provides the converter.
    public static let package = "libreoffice-writer-nogui"

    /// What to convert: a file on disk, or bytes from inside an archive with their extension.
    public enum Input: Sendable {
        case file(URL)
        case bytes(Data, pathExtension: String)
    }

    /// The converter's path, or nil when LibreOffice is not installed.
    public static var converterPath: String? { ExternalTool.find(["soffice", "libreoffice"]) }

    /// A converted batch: each input's text waits in a temporary folder until it is read, so a
    /// batch's memory is that of the files being read, not of all of them. The folder is removed
    /// when the batch is released.
    public final class Batch: @unchecked Sendable {
        let folder: URL?
        private let outcomes: [Result<URL, ReadError.Reason>]

        init(folder: URL?, outcomes: [Result<URL, ReadError.Reason>]) {
            self.folder = folder
            self.outcomes = outcomes
        }

        deinit { if let folder { try? FileManager.default.removeItem(at: folder) } }

        /// The converted text of input `index` (UTF-8 with or without BOM), or why there is none.
        public func text(_ index: Int) -> Result<Data, ReadError.Reason> {
            outcomes[index].flatMap { url in
                do { return .success(try Data(contentsOf: url)) } catch {
                    return .failure(.conversionFailed(""))
                }
            }
        }

        public var count: Int { outcomes.count }
    }

    /// Converts the inputs to UTF-8 text in one LibreOffice run (killed after a minute plus two
    /// seconds a file). Never throws: each input gets its text or its reason.
    public static func convert(_ inputs: [Input]) -> Batch {
        guard !inputs.isEmpty else { return Batch(folder: nil, outcomes: []) }
        guard let soffice = converterPath else {
            return Batch(folder: nil, outcomes: inputs.map { _ in
                .failure(.converterMissing(format: ".doc/.wps", package: package))
            })
        }
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("fazhi-office-\(UUID().uuidString)")
        let inFolder = folder.appendingPathComponent("in"), outFolder = folder.appendingPathComponent("out")
        var names: [String?] = []
        do {
            try fm.createDirectory(at: inFolder, withIntermediateDirectories: true)
            try fm.createDirectory(at: outFolder, withIntermediateDirectories: true)
        } catch {
            return Batch(folder: folder, outcomes: inputs.map { _ in .failure(.conversionFailed("\(error)")) })
        }
        // Numbered names: two reports may share a name in different folders, and LibreOffice
        // names its output after its input.
        for (i, input) in inputs.enumerated() {
            let stem = String(format: "%06d", i)
            do {
                switch input {
                case .file(let url):
                    let ext = url.pathExtension.lowercased()
                    let link = inFolder.appendingPathComponent(stem + "." + ext)
                    try fm.createSymbolicLink(at: link, withDestinationURL: url.standardizedFileURL)
                    names.append(link.path)
                case .bytes(let data, let ext):
                    let file = inFolder.appendingPathComponent(stem + "." + ext.lowercased())
                    try data.write(to: file)
                    names.append(file.path)
                }
            } catch {
                names.append(nil)
            }
        }
        let profile = folder.appendingPathComponent("profile")
        let arguments = ["--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                         "-env:UserInstallation=" + profile.absoluteString,
                         "--convert-to", "txt:Text (encoded):UTF8", "--outdir", outFolder.path] + names.compactMap { $0 }
        var environment = ProcessInfo.processInfo.environment
        if environment["HOME"] == nil { environment["HOME"] = folder.path }
        let outcome = try? ExternalTool.run(soffice, arguments, timeout: 60 + 2 * Double(inputs.count),
                                            environment: environment)
        let outcomes: [Result<URL, ReadError.Reason>] = inputs.indices.map { i in
            let out = outFolder.appendingPathComponent(String(format: "%06d", i) + ".txt")
            if names[i] != nil, fm.fileExists(atPath: out.path) { return .success(out) }
            if outcome?.timedOut == true { return .failure(.conversionFailed("LibreOffice 超时 (timed out)")) }
            return .failure(.conversionFailed("LibreOffice 无法打开 (LibreOffice could not open it)"))
        }
        return Batch(folder: folder, outcomes: outcomes)
    }
}
