import Foundation

/// What one stage of a benchmark cost, measured on a child process: wall time, CPU time (user +
/// system) and peak resident memory (the child's `ru_maxrss` from `wait4`).
struct StageFigures {
    var wall: Double
    var cpu: Double
    /// Peak resident set size in bytes.
    var peakMemory: Int
}

enum StageRunner {
    /// Runs this executable with `arguments` (stdout to /dev/null, stderr to `log`), waits for it
    /// and returns its figures. Throws when it cannot start or exits with a status above `maxStatus`.
    static func run(_ arguments: [String], log: URL, maxStatus: Int32 = 0) throws -> StageFigures {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, log.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchStageError(stage: arguments.joined(separator: " "), reason: "无法启动 (cannot start): \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        guard exited, code <= maxStatus else {
            throw BenchStageError(stage: arguments.joined(separator: " "),
                                  reason: exited ? "退出码 \(code) (exit status)，见 \(log.path)" : "被信号终止 (killed by a signal)")
        }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        // ru_maxrss is in kilobytes on Linux.
        return StageFigures(wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakMemory: usage.ru_maxrss * 1024)
    }

    /// Bytes of the files under a path (a file or a folder, recursively).
    static func size(of url: URL) -> Int {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else { return 0 }
        if !isDir.boolValue { return ((try? fm.attributesOfItem(atPath: url.path)[.size]) as? Int) ?? 0 }
        var total = 0
        let e = fm.enumerator(at: url, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
        while let file = e?.nextObject() as? URL {
            let values = try? file.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            if values?.isRegularFile == true { total += values?.fileSize ?? 0 }
        }
        return total
    }
}

/// A benchmark stage that failed: one line naming the stage and why.
struct BenchStageError: Error, CustomStringConvertible {
    let stage: String
    let reason: String
    var description: String { "测速阶段失败 (a benchmark stage failed): fazhi \(stage)：\(reason)" }
}
