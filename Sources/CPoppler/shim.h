// poppler's GLib interface (apt: libpoppler-glib-dev; poppler-data for the predefined Chinese CMaps).
#include <poppler.h>
