import ArgumentParser
import CPangoCairo
import Extraction
import ReportText

print("fazhi")
