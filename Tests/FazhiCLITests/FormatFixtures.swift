import Foundation
import ReportText
import ZIPFoundation

/// Report files in every format fazhi reads, built by the tests from the text of a report:
/// zip archives and .docx with ZIPFoundation, .ofd per GB/T 33190, .mhtml as a browser saves it,
/// PDF by hand (GBK-EUC-H fonts, scans), and .doc/.pdf through LibreOffice.
enum FormatFixtures {
    /// The five sample reports (`../shared/seeds`), else the repository's five.
    static var seedFolder: URL {
        let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : repositoryRoot.appendingPathComponent("Data/reports")
    }

    static func seedFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: seedFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    }

    static func paragraphs(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func xmlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    // MARK: - Zip, DOCX

    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, content) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(content.count),
                                 compressionMethod: .deflate) { position, size in
                content.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func docx(_ text: String) throws -> Data {
        let body = paragraphs(text).map { "<w:p><w:r><w:t xml:space=\"preserve\">\(xmlEscaped($0))</w:t></w:r></w:p>" }.joined()
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
        return try zip([("[Content_Types].xml", Data("<Types/>".utf8)), ("word/document.xml", Data(xml.utf8))])
    }

    // MARK: - HTML, MHTML

    static func html(_ text: String, title: String = "报告") -> String {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(xmlEscaped(title))</title></head><body>"
            + paragraphs(text).map { "<p>\(xmlEscaped($0))</p>" }.joined(separator: "\n") + "</body></html>"
    }

    /// A page as Chrome saves it ("Webpage, single file"): multipart/related, the HTML in quoted-printable.
    static func mhtml(_ text: String) -> Data {
        let boundary = "----MultipartBoundary--fazhiTest0123456789----"
        var out = """
        From: <Saved by Blink>\r
        Snapshot-Content-Location: http://www.example.gov.cn/zwgk/report.html\r
        Subject: =?utf-8?Q?report?=\r
        MIME-Version: 1.0\r
        Content-Type: multipart/related;\r
        \ttype="text/html";\r
        \tboundary="\(boundary)"\r
        \r
        \r
        --\(boundary)\r
        Content-Type: text/html\r
        Content-ID: <frame-1@mhtml.blink>\r
        Content-Transfer-Encoding: quoted-printable\r
        Content-Location: http://www.example.gov.cn/zwgk/report.html\r
        \r

        """
        out += quotedPrintable(Array(html(text).utf8))
        out += "\r\n--\(boundary)\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--\(boundary)--\r\n"
        return Data(out.utf8)
    }

    static func quotedPrintable(_ bytes: [UInt8]) -> String {
        var out = "", line = 0
        for b in bytes {
            let piece = (b == 0x3D || b >= 0x80 || b == 0x0D) ? String(format: "=%02X", b) : (b == 0x0A ? "\r\n" : String(UnicodeScalar(b)))
            if b == 0x0A { out += piece; line = 0; continue }
            if line + piece.count > 75 { out += "=\r\n"; line = 0 }
            out += piece
            line += piece.count
        }
        return out
    }

    // MARK: - OFD (GB/T 33190)

    /// An OFD of the text: paragraphs wrapped at `perLine` characters, `linesPerPage` lines a page,
    /// each line a TextObject placed in millimetres; objects are written in reverse order and each
    /// line's second half before its first, so only reading by position gives the text back.
    static func ofd(_ text: String, perLine: Int = 38, linesPerPage: Int = 40) throws -> Data {
        let ns = "http://www.ofdspec.org/2016"
        var lines: [String] = []
        for paragraph in paragraphs(text) {
            var rest = Substring(paragraph)
            while !rest.isEmpty {
                lines.append(String(rest.prefix(perLine)))
                rest = rest.dropFirst(perLine)
            }
        }
        let pages = stride(from: 0, to: lines.count, by: linesPerPage).map { Array(lines[$0..<min($0 + linesPerPage, lines.count)]) }
        var entries: [(String, Data)] = []
        entries.append(("OFD.xml", Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <ofd:OFD xmlns:ofd="\(ns)" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>\
        <ofd:DocID>6b8a4e0f1c2d4e5fa0b1c2d3e4f5a6b7</ofd:DocID><ofd:Title>报告</ofd:Title>\
        <ofd:CreationDate>2025-01-06</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>\
        </ofd:DocBody></ofd:OFD>
        """.utf8)))
        let pageList = pages.indices.map { "<ofd:Page ID=\"\(10 + $0)\" BaseLoc=\"Pages/Page_\($0)/Content.xml\"/>" }.joined()
        entries.append(("Doc_0/Document.xml", Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <ofd:Document xmlns:ofd="\(ns)"><ofd:CommonData><ofd:MaxUnitID>\(1000)</ofd:MaxUnitID>\
        <ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>\
        <ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>\(pageList)</ofd:Pages></ofd:Document>
        """.utf8)))
        entries.append(("Doc_0/PublicRes.xml", Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <ofd:Res xmlns:ofd="\(ns)" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>
        """.utf8)))
        var id = 100
        for (p, pageLines) in pages.enumerated() {
            var objects: [String] = []
            for (i, line) in pageLines.enumerated() {
                let y = 25.0 + Double(i) * 6.0
                let chars = Array(line)
                let half = chars.count / 2
                let parts = half > 0 ? [(String(chars[..<half]), 0), (String(chars[half...]), half)] : [(line, 0)]
                for (part, offset) in parts.reversed() {
                    id += 1
                    let x = 25.0 + Double(offset) * 4.2
                    let deltas = part.count > 1 ? " DeltaX=\"g \(part.count - 1) 4.2\"" : ""
                    objects.append("<ofd:TextObject ID=\"\(id)\" Boundary=\"\(x) \(y) 170 6\" Font=\"2\" Size=\"4.2\">"
                        + "<ofd:TextCode X=\"0\" Y=\"4.5\"\(deltas)>\(xmlEscaped(part))</ofd:TextCode></ofd:TextObject>")
                }
            }
            entries.append(("Doc_0/Pages/Page_\(p)/Content.xml", Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ofd:Page xmlns:ofd="\(ns)"><ofd:Content><ofd:Layer ID="\(id + 1)">\(objects.reversed().joined())</ofd:Layer></ofd:Content></ofd:Page>
            """.utf8)))
            id += 1
        }
        return try zip(entries)
    }

    // MARK: - PDF by hand

    /// A PDF of the given objects (bodies without `n 0 obj`), object 1 the catalog, with a correct xref table.
    static func pdf(objects: [Data]) -> Data {
        var out = Data("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Data("\(i + 1) 0 obj\n".utf8) + body + Data("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Data("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { out += Data(String(format: "%010d 00000 n \n", offset).utf8) }
        out += Data("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    static func stream(_ dictionary: String, _ content: Data) -> Data {
        Data("<< \(dictionary) /Length \(content.count) >>\nstream\n".utf8) + content + Data("\nendstream".utf8)
    }

    /// A PDF whose text is set in the non-embedded Type0 font STSong-Light with the predefined CMap
    /// GBK-EUC-H (CIDSystemInfo Adobe-GB1) and no /ToUnicode: the content stream shows GBK bytes,
    /// which only poppler-data's CMaps turn back into Chinese. One line of `lines` a text line.
    static func gbkPDF(_ lines: [String]) throws -> Data {
        var content = "BT /F1 11 Tf 14 TL 50 790 Td\n"
        for line in lines {
            guard let gbk = Iconv.encode(line, to: "GBK") else { throw CocoaError(.fileWriteInapplicableStringEncoding) }
            content += "<" + gbk.map { String(format: "%02X", $0) }.joined() + "> Tj T*\n"
        }
        content += "ET"
        return pdf(objects: [
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".utf8),
            stream("", Data(content.utf8)),
            Data("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H /DescendantFonts [6 0 R] >>".utf8),
            Data("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>".utf8),
            Data("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>".utf8),
        ])
    }

    /// A scan: each page of `pdf` rendered by pdftoppm to grey pixels and put back as an image,
    /// with no text layer.
    static func scannedPDF(of pdf: URL, dpi: Int = 150) throws -> Data {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let render = try runTool("pdftoppm", ["-r", "\(dpi)", "-gray", pdf.path, folder.appendingPathComponent("p").path])
        guard render == 0 else { throw CocoaError(.fileReadUnknown) }
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pgm") }.sorted()
        var objects = [Data("<< /Type /Catalog /Pages 2 0 R >>".utf8)]
        let kids = pages.indices.map { "\(3 + 3 * $0) 0 R" }.joined(separator: " ")
        objects.append(Data("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8))
        for (i, name) in pages.enumerated() {
            let pgm = try Data(contentsOf: folder.appendingPathComponent(name))
            // P5\n<width> <height>\n255\n<pixels>
            var fields: [String] = [], k = 0, start = 0
            while fields.count < 4 {
                start = k
                while pgm[k] != 0x0A && pgm[k] != 0x20 { k += 1 }
                fields.append(String(decoding: pgm[start..<k], as: UTF8.self))
                k += 1
            }
            let (w, h) = (Int(fields[1])!, Int(fields[2])!)
            let pixels = pgm.subdata(in: k..<(k + w * h))
            let page = 3 + 3 * i
            objects.append(Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 \(page + 2) 0 R >> >> /Contents \(page + 1) 0 R >>".utf8))
            objects.append(stream("", Data("q 595 0 0 842 0 0 cm /Im1 Do Q".utf8)))
            objects.append(stream("/Type /XObject /Subtype /Image /Width \(w) /Height \(h) /ColorSpace /DeviceGray /BitsPerComponent 8", pixels))
        }
        return self.pdf(objects: objects)
    }

    // MARK: - LibreOffice

    /// A flat OpenDocument text of the paragraphs whose every page has `header` at its top and
    /// `— n —` (a page-number field) at its foot, for LibreOffice to lay out into a PDF.
    static func fodtWithHeaderAndPageNumbers(_ text: String, header: String) -> Data {
        let body = paragraphs(text).map { "<text:p text:style-name=\"Standard\">\(xmlEscaped($0))</text:p>" }.joined()
        return Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" \
        office:mimetype="application/vnd.oasis.opendocument.text">
        <office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" \
        fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>\
        </style:page-layout></office:automatic-styles>
        <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
        <style:header><text:p>\(xmlEscaped(header))</text:p></style:header>
        <style:footer><text:p>— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
        </style:master-page></office:master-styles>
        <office:body><office:text>\(body)</office:text></office:body></office:document>
        """.utf8)
    }

    /// Converts `files` with LibreOffice headless into `folder` (`pdf`, or `doc:MS Word 97`), in one run.
    static func libreOffice(_ files: [URL], to target: String, in folder: URL) throws {
        let profile = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        let status = try runTool("soffice", ["--headless", "--norestore", "-env:UserInstallation=" + profile.absoluteString,
                                             "--convert-to", target, "--outdir", folder.path] + files.map(\.path))
        guard status == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static var hasLibreOffice: Bool { toolPath("soffice") != nil }

    static func toolPath(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    @discardableResult
    static func runTool(_ name: String, _ arguments: [String]) throws -> Int32 {
        guard let path = toolPath(name) else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
