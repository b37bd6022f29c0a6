import ArgumentParser
import Foundation
import Review
import Store

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "在浏览器中逐个核对数值 (the review workbench: check every figure against its sentence in the browser).",
        discussion: """
        启动本机网页服务并显示地址：待核队列 (核查发现、待核数值、与上年相差五倍以上、缺少的重点指标、
        地点或年份未定的报告)、报告原文 (数值高亮)、图表与简报。键盘：j/k 移动，a 接受，e 修改，
        1–9 选候选值，x 报告未述及，u 撤销，n 下一份报告。每个结论立即写入数据库和更正文件。
        只在 127.0.0.1 上监听；--host 为其他地址时须带启动时显示的访问令牌。
        Starts a local web server and prints its address. Each decision is written at once to the store
        and the corrections file, as `fazhi correct` writes it. Listens on loopback unless --host says
        otherwise, which then requires the access token printed at start.

        例 (example):
          fazhi review --db Data/fazhi.sqlite --reviewer 张三
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var files: CorrectionsOptions
    @Option(help: "监听地址 (address to listen on).") var host = "127.0.0.1"
    @Option(help: "端口，0 为任选空闲端口 (port; 0 picks a free one).") var port = 8765
    @Option(help: "核对人姓名，记入每条更正 (who is reviewing; recorded with each decision). 默认为系统用户。") var reviewer: String?
    @Option(help: ArgumentHelp("名册 (the roster, for the charts and summary).", valueName: "file")) var roster: String?
    @Option(help: "图表与简报绘制到的目录，默认为临时目录 (where the result pages are drawn; a temporary folder by default).")
    var charts: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("端口须在 0–65535 之间 (port must be 0–65535).") }
    }

    func run() throws {
        let name = reviewer ?? systemUserName() ?? "未署名"
        let bench = try failing {
            try Workbench(settings: ReviewSettings(storePath: store.db, correctionsPath: files.corrections, reviewer: name,
                                                   rosterPath: roster))
        }
        let folder = charts.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("fazhi-review-\(getpid())")
        let server = try ReviewServer(bench: bench, host: host, port: port, resultsFolder: folder)
        let start: @Sendable (Int) async -> Void = { bound in
            // The address on stdout, alone on its line, so a script can read it.
            FileHandle.standardOutput.write(Data("\(server.address(port: bound))\n".utf8))
            printError("核对服务已启动 (review server running): \(server.address(port: bound))  核对人 \(name)；Ctrl-C 停止")
            if server.accessToken != nil {
                printError("监听 \(host)：访问须带上面地址中的令牌 (listening beyond loopback: the token in the address is required)")
            }
        }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await server.run(onRunning: start) } catch { failure.set(error) }
            done.signal()
        }
        done.wait()
        if let error = failure.get() {
            if "\(error)".contains("Address already in use") {
                printError("端口 \(port) 已被占用，请换一个端口或用 --port 0 (port \(port) is in use; pick another, or --port 0 for a free one)")
                throw ExitCode(1)
            }
            printError("核对服务无法运行 (the review server stopped): \(error)")
            throw ExitCode(1)
        }
    }
}

/// The error the server task ended with, handed to the waiting thread.
private final class FailureBox: @unchecked Sendable {
    private var error: Error?
    private let lock = NSLock()
    func set(_ e: Error) { lock.withLock { error = e } }
    func get() -> Error? { lock.withLock { error } }
}
