import Foundation

/// A scanned PDF's pages read by OCR: poppler's `pdftoppm` renders each page at 300 dpi and
/// Tesseract (`tesseract-ocr-chi-sim`) recognises the batch of pages in one run. Recognised
/// figures can be wrong, so a document read this way is marked for review.
public enum OCRText {
    /// The Debian package with Tesseract and its simplified-Chinese model.
    public static let package = "tesseract-ocr-chi-sim"

    /// Whether `tesseract` with the `chi_sim` model and `pdftoppm` are installed (asked once).
    public static let isAvailable: Bool = {
        guard let tesseract = ExternalTool.find(["tesseract"]), ExternalTool.find(["pdftoppm"]) != nil,
              let outcome = try? ExternalTool.run(tesseract, ["--list-langs"], timeout: 20) else { return false }
        let listed = String(decoding: outcome.stdout + outcome.stderr, as: UTF8.self)
        return listed.split(whereSeparator: \.isNewline).contains { $0.trimmingCharacters(in: .whitespaces) == "chi_sim" }
    }()

    /// Each page's recognised text, or why there is none.
    public static func pages(pdf data: Data) -> Result<[String], ReadError.Reason> {
        guard isAvailable, let tesseract = ExternalTool.find(["tesseract"]),
              let pdftoppm = ExternalTool.find(["pdftoppm"]) else {
            return .failure(.converterMissing(format: "扫描件 PDF", package: package))
        }
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("fazhi-ocr-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: folder) }
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let pdf = folder.appendingPathComponent("scan.pdf")
            try data.write(to: pdf)
            let render = try ExternalTool.run(pdftoppm, ["-r", "300", "-gray", "-png", pdf.path,
                                                         folder.appendingPathComponent("page").path], timeout: 300)
            let images = try fm.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }.sorted()
            guard render.status == 0, !images.isEmpty else { return .failure(.brokenPDF) }
            let list = folder.appendingPathComponent("pages.txt")
            try Data(images.map { folder.appendingPathComponent($0).path + "\n" }.joined().utf8).write(to: list)
            // Tesseract's own threads would fight the batch's: one thread per process.
            var environment = ProcessInfo.processInfo.environment
            environment["OMP_THREAD_LIMIT"] = "1"
            let ocr = try ExternalTool.run(tesseract, [list.path, "stdout", "-l", "chi_sim", "--psm", "6"],
                                           timeout: 60 + 60 * Double(images.count), environment: environment)
            guard ocr.status == 0, !ocr.timedOut else { return .failure(.conversionFailed("Tesseract")) }
            // Pages come separated by form feeds.
            let pages = String(decoding: ocr.stdout, as: UTF8.self)
                .split(separator: "\u{0C}", omittingEmptySubsequences: false).map { closeUpSpaces(String($0)) }
            return .success(pages)
        } catch {
            return .failure(.conversionFailed("\(error)"))
        }
    }

    /// Tesseract puts a space between Chinese characters (良 垌 镇): removed where both sides are
    /// CJK, or CJK beside a digit; spaces between Latin words stay.
    static func closeUpSpaces(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        func wide(_ c: Unicode.Scalar) -> Bool { c.value >= 0x2E80 }
        func tight(_ c: Unicode.Scalar) -> Bool { wide(c) || ("0"..."9").contains(c) || c == "%" || c == "." }
        var i = 0
        while i < s.count {
            if s[i] == " " {
                var j = i
                while j < s.count, s[j] == " " { j += 1 }
                if let before = out.last, j < s.count, tight(before), tight(s[j]), wide(before) || wide(s[j]) {
                    i = j
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return String(out)
    }
}
