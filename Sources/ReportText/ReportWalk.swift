import Foundation

/// What a walk over the paths given on the command line found: every file to read, and the
/// folders and entries that could not be looked at.
public struct ReportWalk: Sendable {
    /// Every file under the paths but litter (see `ReportReader.isLitter`), sorted by path, without
    /// duplicates; files named explicitly are kept whatever they are called. Files of formats
    /// fazhi does not read are here too: reading them gives their one-line reason.
    public var files: [URL]
    /// Folders that could not be listed, and entries that are neither a file nor a folder
    /// (a symbolic link to nothing), each with the reason.
    public var problems: [ReadError]
}

extension ReportReader {
    /// Names skipped without a word: hidden files and folders (`.DS_Store`, `.git`), Word's lock
    /// and temporary files (`~$报告.docx`, `~WRL0001.tmp`), `Thumbs.db`, `desktop.ini`, and the
    /// `__MACOSX` folder a Mac's zip adds.
    public static func isLitter(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasPrefix("~$") { return true }
        if name.hasPrefix("~") && name.lowercased().hasSuffix(".tmp") { return true }
        switch name.lowercased() {
        case "thumbs.db", "desktop.ini", "__macosx": return true
        default: return false
        }
    }

    /// Walks the paths: folders recursively (links followed), files as given.
    public static func walk(_ paths: [URL]) -> ReportWalk {
        walk(paths) { try FileManager.default.contentsOfDirectory(atPath: $0) }
    }

    /// `walk` with the listing of a folder given (tests make a folder fail to list).
    static func walk(_ paths: [URL], listing: (String) throws -> [String]) -> ReportWalk {
        var found: [String: URL] = [:]
        var problems: [ReadError] = []
        var visited = Set<String>()   // real paths of folders: a link loop is walked once
        func visit(_ folder: String) {
            guard visited.insert(realPath(folder)).inserted else { return }
            let names: [String]
            do {
                names = try listing(folder)
            } catch {
                problems.append(ReadError(url: URL(fileURLWithPath: folder),
                                          reason: .unreadable("无法打开文件夹 (cannot list folder)")))
                return
            }
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            for name in names where !isLitter(name) {
                let full = prefix + name
                switch entryKind(full) {
                case .directory: visit(full)
                case .file: found[full] = URL(fileURLWithPath: full)
                case .other(let reason): problems.append(ReadError(url: URL(fileURLWithPath: full), reason: .unreadable(reason)))
                }
            }
        }
        for path in paths {
            let root = path.standardizedFileURL
            if case .directory = entryKind(root.path) { visit(root.path) } else { found[root.path] = root }
        }
        return ReportWalk(files: found.keys.sorted().map { found[$0]! },
                          problems: problems.sorted { $0.url.path < $1.url.path })
    }

    /// Report files under the given paths: the walk's files of the formats fazhi reads (hidden
    /// files and litter skipped); files named explicitly are kept whatever their extension.
    public static func reportFiles(under paths: [URL]) -> [URL] {
        let explicit = Set(paths.map { $0.standardizedFileURL.path })
        return walk(paths).files.filter { explicit.contains($0.path) || kind(of: $0) != nil }
    }

    enum EntryKind { case file, directory, other(String) }

    /// What a path is, following symbolic links (a link to a report is a report).
    static func entryKind(_ path: String) -> EntryKind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                return .other("链接指向的文件不存在 (broken link)")
            }
            return .other(String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other("不是普通文件 (not a regular file)")
        }
    }

    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
