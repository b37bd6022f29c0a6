import ArgumentParser
import Foundation

@main
struct Fazhi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fazhi",
        abstract: "法治政府建设年度报告 → 指标、趋势与图表 (law-based government reports → indicators, trends, charts).",
        discussion: """
        fazhi 读取镇街《法治政府建设年度报告》(.txt .html .docx；UTF-8 或 GB18030)，
        提取矛盾纠纷化解、信访办结、执法证等指标，并注明每个数字出自哪一句话。

        fazhi reads township annual reports and extracts the indicators
        of its catalog, each with the sentence it came from.

        例 (examples):
          fazhi extract Data/reports --dry-run
          fazhi extract Data/reports        # 存入 (stores in) Data/fazhi.sqlite
          fazhi correct --township 天龙镇 --year 2024 --indicator 矛盾纠纷化解数 --value 12
          fazhi corrections                  # 列出更正 (list the corrections)
          fazhi remove 报告/旧稿.txt          # 移除报告 (take a report out of the store)
          fazhi export --format csv -o 指标长表.csv
          fazhi extract 报告目录/ --dry-run --format csv > 指标.csv
          fazhi indicators
        """,
        subcommands: [Extract.self, Trend.self, Compare.self, Check.self, Correct.self, Corrections.self, Remove.self, Export.self,
                      Import.self, Indicators.self, ChartCommand.self, ChartsCommand.self, RosterCommand.self, TableCommand.self,
                      SummaryCommand.self, ReviewCommand.self,
                      BriefingCommand.self, ProfileCommand.self, Sample.self, Bench.self]
    )

    /// Usage errors exit with 2, as command-line tools conventionally do; other failures keep their code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
