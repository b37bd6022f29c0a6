import Foundation
import Store

/// CPU seconds of the whole process, all threads.
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The median wall and CPU seconds of `runs` runs of `body` (given the run's number). On a machine
/// shared with other work the CPU time varies far less than the wall time.
func medianTimes(runs: Int, _ body: (Int) throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    var wall: [Double] = [], cpu: [Double] = []
    for run in 0..<max(1, runs) {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = processCPUSeconds()
        try body(run)
        cpu.append(processCPUSeconds() - cpuStart)
        wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (wall.sorted()[wall.count / 2], cpu.sorted()[cpu.count / 2])
}

/// A store in a temporary folder, filled with the given rows as one import; removed by `remove()`.
struct TemporaryStore {
    let folder: URL
    let store: ReportStore

    init(name: String, rows: [StoredValue]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-bench-\(name)-\(getpid())")
        store = try ReportStore(path: folder.appendingPathComponent("bench.sqlite").path)
        try store.importRows(rows, sourceFile: "bench.csv")
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
