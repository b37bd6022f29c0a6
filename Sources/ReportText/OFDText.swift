import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The text of an OFD file (GB/T 33190, the national format for electronic official documents):
/// a zip whose `OFD.xml` names the document (`DocBody/DocRoot`), whose `Document.xml` lists the
/// pages (`Pages/Page@BaseLoc`), each page a `Content.xml` of layers of `TextObject`s placed by
/// `Boundary` with `TextCode`s at `X`/`Y` (millimetres). Text comes out line by line in reading
/// order: top to bottom, then left to right. Templates (page furniture) are not read.
public enum OFDText {
    public enum Failure: Error, Sendable, Equatable {
        /// No OFD.xml, no document or no pages where the standard puts them, or XML that does not parse.
        case broken
    }

    /// Each page's text, lines separated by "\n". Throws `Failure` or `BoundedArchive.Failure`.
    public static func pages(_ archive: BoundedArchive) throws -> [String] {
        let root = try element(archive, "OFD.xml")
        guard let docRoot = root.first(named: "DocRoot")?.text.trimmingCharacters(in: .whitespacesAndNewlines),
              !docRoot.isEmpty else { throw Failure.broken }
        let documentPath = resolve(docRoot, relativeTo: "")
        let document = try element(archive, documentPath)
        let folder = (documentPath as NSString).deletingLastPathComponent
        let pages = document.all(named: "Page").compactMap { $0.attributes["BaseLoc"] }
        guard !pages.isEmpty else { throw Failure.broken }
        return try pages.map { location in
            var path = resolve(location, relativeTo: folder)
            if archive.member(path) == nil, archive.member(resolve(location, relativeTo: "")) != nil {
                path = resolve(location, relativeTo: "")
            }
            return pageText(try element(archive, path))
        }
    }

    /// A page's text objects as lines: codes whose baselines lie within a third of the text size
    /// of each other form a line, read left to right.
    static func pageText(_ page: XMLElementNode) -> String {
        struct Piece { let x: Double, y: Double, size: Double, text: String }
        var pieces: [Piece] = []
        for object in page.all(named: "TextObject") {
            let box = numbers(object.attributes["Boundary"] ?? "")
            let (bx, by) = (box.count >= 2 ? box[0] : 0, box.count >= 2 ? box[1] : 0)
            let size = Double(object.attributes["Size"] ?? "") ?? 3.5
            var lastX = 0.0, lastY = 0.0
            for code in object.children where code.name == "TextCode" {
                // A TextCode without X or Y continues at the previous one's position.
                let x = Double(code.attributes["X"] ?? "") ?? lastX
                let y = Double(code.attributes["Y"] ?? "") ?? lastY
                (lastX, lastY) = (x, y)
                pieces.append(Piece(x: bx + x, y: by + y, size: size, text: code.text))
            }
        }
        pieces.sort { $0.y < $1.y || ($0.y == $1.y && $0.x < $1.x) }
        var lines: [[Piece]] = []
        for piece in pieces {
            if let line = lines.last, let first = line.first, abs(piece.y - first.y) <= max(first.size, piece.size) / 3 {
                lines[lines.count - 1].append(piece)
            } else {
                lines.append([piece])
            }
        }
        return lines.map { line in line.sorted { $0.x < $1.x }.map(\.text).joined() }.joined(separator: "\n")
    }

    /// `a b c` (spaces or commas) as numbers.
    static func numbers(_ text: String) -> [Double] {
        text.split { $0 == " " || $0 == "," }.compactMap { Double($0) }
    }

    /// A location in the package: absolute ("/Doc_0/Document.xml") from the root, else from `folder`.
    static func resolve(_ location: String, relativeTo folder: String) -> String {
        var path = location.trimmingCharacters(in: .whitespacesAndNewlines)
        if path.hasPrefix("/") { path.removeFirst() }
        else if !folder.isEmpty { path = folder + "/" + path }
        // Fold "./" and "../" away.
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// The parsed root element of the member at `path`.
    static func element(_ archive: BoundedArchive, _ path: String) throws -> XMLElementNode {
        guard let member = archive.member(path) else { throw Failure.broken }
        let data = try archive.read(member)
        guard let root = XMLElementNode.parse(data) else { throw Failure.broken }
        return root
    }
}

/// A small element tree from FoundationXML's parser (OFD parts are small), names without their
/// namespace prefix.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The first element named `name` in document order, this one included.
    func first(named name: String) -> XMLElementNode? {
        if self.name == name { return self }
        for child in children { if let found = child.first(named: name) { return found } }
        return nil
    }

    /// Every element named `name` in document order.
    func all(named name: String) -> [XMLElementNode] {
        var found: [XMLElementNode] = []
        func visit(_ node: XMLElementNode) {
            if node.name == name { found.append(node) }
            node.children.forEach(visit)
        }
        visit(self)
        return found
    }

    /// The root of a document, or nil when it does not parse. External entities are not loaded.
    static func parse(_ data: Data) -> XMLElementNode? {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        guard parser.parse() else { return nil }
        return builder.root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLElementNode] = []
        var root: XMLElementNode?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let node = XMLElementNode(name: local, attributes: attributes)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }
}
