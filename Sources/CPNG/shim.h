// Fast PNG encoding of a cairo ARGB32 image: ISA-L's deflate with our own chunk writer, or libpng.
// libpng reports errors by longjmp, which Swift cannot do, so the encoder lives here in C.
#ifndef FAZHI_CPNG_SHIM_H
#define FAZHI_CPNG_SHIM_H
#include <png.h>
#include <isa-l/igzip_lib.h>
#include <isa-l/crc.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

typedef struct { unsigned char *data; size_t len; size_t cap; int failed; } fz_png_buffer;

/* Makes room for `n` more bytes (doubling), or marks the buffer failed. */
static inline int fz_png_reserve(fz_png_buffer *b, size_t n) {
    if (b->failed) return 0;
    if (b->len + n <= b->cap) return 1;
    size_t cap = b->cap ? b->cap : 65536;
    while (cap < b->len + n) cap *= 2;
    unsigned char *d = (unsigned char *)realloc(b->data, cap);
    if (!d) { b->failed = 1; return 0; }
    b->data = d; b->cap = cap;
    return 1;
}

static inline void fz_png_write_fn(png_structp png, png_bytep bytes, png_size_t n) {
    fz_png_buffer *b = (fz_png_buffer *)png_get_io_ptr(png);
    if (!fz_png_reserve(b, n)) return;
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
}

static inline void fz_png_flush_fn(png_structp png) { (void)png; }

static inline void fz_png_free(unsigned char *p) { free(p); }

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
/* Opaque BGRX to RGB four pixels at a time with one SSSE3 byte shuffle: about three times as fast as
   the plain loop, which compilers do not vectorize. Stores exactly 12 bytes per 4 pixels. */
__attribute__((target("ssse3"))) static inline void fz_png_rgb_ssse3(const uint32_t *s, int width, unsigned char *d) {
    const __m128i order = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
    int x = 0;
    for (; x + 4 <= width; x += 4, d += 12) {
        __m128i v = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(s + x)), order);
        _mm_storel_epi64((__m128i *)d, v);
        uint32_t tail = (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(v, 8));
        memcpy(d + 8, &tail, 4);
    }
    for (; x < width; x++, d += 3) { uint32_t p = s[x]; d[0] = p >> 16; d[1] = p >> 8; d[2] = p; }
}
/* Asked once per image: CPUID is slow, in a virtual machine especially. */
static inline int fz_png_has_ssse3(void) {
    unsigned a, b, c, d;
    return __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3);
}
#else
static inline int fz_png_has_ssse3(void) { return 0; }
#endif

/* One row of premultiplied native-endian ARGB32 (cairo's format) as PNG RGB when opaque,
   else as straight-alpha RGBA. `ssse3` from fz_png_has_ssse3(). */
static inline void fz_png_row(const unsigned char *src, int width, int opaque, int ssse3, unsigned char *d) {
    const uint32_t *s = (const uint32_t *)src;
#if defined(__x86_64__)
    if (opaque && ssse3) { fz_png_rgb_ssse3(s, width, d); return; }
#endif
    (void)ssse3;
    if (opaque) {
        for (int x = 0; x < width; x++, d += 3) { uint32_t p = s[x]; d[0] = p >> 16; d[1] = p >> 8; d[2] = p; }
        return;
    }
    for (int x = 0; x < width; x++, d += 4) {
        uint32_t p = s[x]; uint32_t a = p >> 24;
        uint32_t r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
        if (a == 0) { r = g = b = 0; }
        else if (a < 255) { r = (r * 255 + a / 2) / a; g = (g * 255 + a / 2) / a; b = (b * 255 + a / 2) / a; }
        d[0] = r; d[1] = g; d[2] = b; d[3] = a;
    }
}

static inline void fz_png_put32(unsigned char *p, uint32_t v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; }

/* Closes the chunk whose length field is at `start`: its length, then the CRC of its type and data
   (crc32_gzip_refl is zlib's and PNG's CRC-32). */
static inline void fz_png_end_chunk(fz_png_buffer *b, size_t start) {
    if (!fz_png_reserve(b, 4)) return;
    size_t n = b->len - start - 8;
    fz_png_put32(b->data + start, (uint32_t)n);
    fz_png_put32(b->data + b->len, crc32_gzip_refl(0, b->data + start + 4, n + 4));
    b->len += 4;
}

static inline void fz_png_begin_chunk(fz_png_buffer *b, const char *type) {
    if (!fz_png_reserve(b, 8)) return;
    memcpy(b->data + b->len + 4, type, 4);
    b->len += 8;
}

/* Deflate by ISA-L (igzip), for compression levels 1–3. On chart images (mostly flat background,
   antialiased lines and text) it runs about six times as fast as zlib level 3 through libpng, for
   output 6–10 % larger. The PNG chunks are written here: libpng cannot take data it did not compress.
   Rows go through a 64 KB buffer with filter NONE (the smallest output here of NONE/SUB/UP/Paeth); what
   ISA-L writes out for a buffer becomes an IDAT chunk. */
static inline int fz_png_encode_isal(const unsigned char *src, int width, int height, int stride, int level,
                                     int opaque, int ssse3, unsigned char **out, size_t *outLen) {
    size_t rowBytes = 1 + (size_t)width * (opaque ? 3 : 4);
    size_t batch = rowBytes >= 65536 ? 1 : 65536 / rowBytes;
    unsigned char *rows = (unsigned char *)malloc(rowBytes * batch);
    /* Zeroed: igzip does not clear its hash tables, and a stale entry left in reused heap memory can
       give a different (equally valid) match, so the same pixels would not always give the same bytes. */
    struct isal_zstream *z = (struct isal_zstream *)calloc(1, sizeof *z);   /* ~100 KB: not on the stack */
    unsigned char *levelBuf = (unsigned char *)calloc(1, ISAL_DEF_LVL2_DEFAULT);
    fz_png_buffer b = {0};
    b.failed = !rows || !z || !levelBuf;
    if (fz_png_reserve(&b, 33)) {
        memcpy(b.data, "\x89PNG\r\n\x1a\n", 8);
        b.len = 8;
        fz_png_begin_chunk(&b, "IHDR");
        unsigned char *h = b.data + b.len;
        fz_png_put32(h, (uint32_t)width); fz_png_put32(h + 4, (uint32_t)height);
        h[8] = 8; h[9] = opaque ? 2 : 6; h[10] = h[11] = h[12] = 0;   /* 8-bit RGB or RGBA, deflate, filter 0, no interlace */
        b.len += 13;
        fz_png_end_chunk(&b, 8);
        isal_deflate_init(z);
        z->level = level < 2 ? 1 : 2;
        z->level_buf = levelBuf;
        z->level_buf_size = ISAL_DEF_LVL2_DEFAULT;
        z->gzip_flag = IGZIP_ZLIB;   /* zlib header and Adler-32 trailer, as PNG wants */
    }
    for (int y = 0; y < height && !b.failed; y += (int)batch) {
        int n = height - y < (int)batch ? height - y : (int)batch;
        for (int i = 0; i < n; i++) {
            rows[i * rowBytes] = 0;
            fz_png_row(src + (size_t)(y + i) * stride, width, opaque, ssse3, rows + i * rowBytes + 1);
        }
        z->next_in = rows;
        z->avail_in = (uint32_t)(rowBytes * n);
        z->end_of_stream = y + n == height;
        size_t start = b.len;
        fz_png_begin_chunk(&b, "IDAT");
        do {
            if (!fz_png_reserve(&b, rowBytes * n / 4 + 4096)) break;
            size_t room = b.cap - b.len;
            z->next_out = b.data + b.len;
            z->avail_out = room > (1u << 30) ? (1u << 30) : (uint32_t)room;
            if (isal_deflate(z) != COMP_OK) b.failed = 1;
            b.len = (size_t)(z->next_out - b.data);
        } while (!b.failed && (z->avail_in > 0 || (z->end_of_stream && z->internal_state.state != ZSTATE_END)));
        if (b.len == start + 8) b.len = start;   /* ISA-L kept this batch's output for later: no empty chunk */
        else fz_png_end_chunk(&b, start);
    }
    size_t iend = b.len;
    fz_png_begin_chunk(&b, "IEND");
    fz_png_end_chunk(&b, iend);
    free(rows); free(z); free(levelBuf);
    if (b.failed) { free(b.data); return -1; }
    *out = b.data; *outLen = b.len;
    return 0;
}

/* libpng with zlib at `level`, for level 0 (stored) and 4–9 (smaller files, several times slower). */
static inline int fz_png_encode_libpng(const unsigned char *src, int width, int height, int stride, int level,
                                       int opaque, int ssse3, unsigned char **out, size_t *outLen) {
    unsigned char *row = (unsigned char *)malloc((size_t)width * (opaque ? 3 : 4));
    if (!row) return -1;
    fz_png_buffer buf = {0};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        if (png) png_destroy_write_struct(&png, NULL);
        free(row); return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(row); free(buf.data); return -1;
    }
    png_set_write_fn(png, &buf, fz_png_write_fn, fz_png_flush_fn);
    png_set_compression_level(png, level);
    png_set_compression_buffer_size(png, 1 << 17);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    for (int y = 0; y < height; y++) {
        fz_png_row(src + (size_t)y * stride, width, opaque, ssse3, row);
        png_write_row(png, row);
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(row);
    if (buf.failed) { free(buf.data); return -1; }
    *out = buf.data; *outLen = buf.len;
    return 0;
}

/// Encodes premultiplied native-endian ARGB32 pixels (cairo's format) as PNG:
/// RGB when every pixel is opaque, else straight-alpha RGBA; no row filter.
/// `level` 1–3 deflates with ISA-L (1 fastest; 2 and 3 the same), 0 and 4–9 with zlib through libpng.
/// `known_opaque` skips the scan for transparent pixels (the chart has an opaque background).
/// Returns 0 and sets *out (free with fz_png_free) and *outLen, or -1 on failure.
static inline int fz_png_encode_argb32(const unsigned char *src, int width, int height, int stride,
                                       int level, int known_opaque, unsigned char **out, size_t *outLen) {
    *out = NULL; *outLen = 0;
    if (width <= 0 || height <= 0) return -1;
    int opaque = 1;
    if (!known_opaque) {
        for (int y = 0; y < height && opaque; y++) {
            const uint32_t *row = (const uint32_t *)(src + (size_t)y * stride);
            for (int x = 0; x < width; x++) { if ((row[x] >> 24) != 0xff) { opaque = 0; break; } }
        }
    }
    int ssse3 = fz_png_has_ssse3();
    if (level >= 1 && level <= 3) return fz_png_encode_isal(src, width, height, stride, level, opaque, ssse3, out, outLen);
    return fz_png_encode_libpng(src, width, height, stride, level, opaque, ssse3, out, outLen);
}

/// Decodes a PNG file in memory to 8-bit RGBA (for tests). Returns 0 on success; free *out with fz_png_free.
static inline int fz_png_decode_rgba(const unsigned char *data, size_t len, unsigned char **out, int *width, int *height) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, len)) return -1;
    image.format = PNG_FORMAT_RGBA;
    unsigned char *buffer = (unsigned char *)malloc(PNG_IMAGE_SIZE(image));
    if (!buffer) { png_image_free(&image); return -1; }
    if (!png_image_finish_read(&image, NULL, buffer, 0, NULL)) { free(buffer); return -1; }
    *out = buffer; *width = (int)image.width; *height = (int)image.height;
    return 0;
}
#endif
