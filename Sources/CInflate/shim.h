// zlib's raw inflate, for reading a zip entry within the bytes that hold it (ReportText's ZipArchive).
#include <zlib.h>
