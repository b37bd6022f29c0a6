// Fast PNG encoding of a cairo ARGB32 image with libpng.
// libpng reports errors by longjmp, which Swift cannot do, so the encoder lives here in C.
#ifndef FAZHI_CPNG_SHIM_H
#define FAZHI_CPNG_SHIM_H
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

typedef struct { unsigned char *data; size_t len; size_t cap; int failed; } fz_png_buffer;

static inline void fz_png_write_fn(png_structp png, png_bytep bytes, png_size_t n) {
    fz_png_buffer *b = (fz_png_buffer *)png_get_io_ptr(png);
    if (b->failed) return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n) cap *= 2;
        unsigned char *d = (unsigned char *)realloc(b->data, cap);
        if (!d) { b->failed = 1; return; }
        b->data = d; b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
}

static inline void fz_png_flush_fn(png_structp png) { (void)png; }

static inline void fz_png_free(unsigned char *p) { free(p); }

/// Encodes premultiplied native-endian ARGB32 pixels (cairo's format) as PNG:
/// RGB when every pixel is opaque, else straight-alpha RGBA; zlib `level`, no row filter.
/// `known_opaque` skips the scan for transparent pixels (the chart has an opaque background).
/// Opaque little-endian images are turned into RGB rows here with one byte swap per pixel.
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
    const uint16_t probe = 1;
    int little = *(const unsigned char *)&probe == 1;
    int direct = opaque && little;
    unsigned char *pixels = NULL;
    png_bytep *rows = (png_bytep *)malloc(sizeof(png_bytep) * height);
    if (!rows) return -1;
    if (direct) {
        /* Rows are converted one at a time into `pixels` (one row) while libpng writes them: see below. */
        pixels = (unsigned char *)malloc((size_t)width * 3 + 1);
        if (!pixels) { free(rows); return -1; }
    } else {
        int channels = opaque ? 3 : 4;
        size_t rowBytes = (size_t)width * channels;
        pixels = (unsigned char *)malloc(rowBytes * height);
        if (!pixels) { free(rows); return -1; }
        for (int y = 0; y < height; y++) {
            const uint32_t *s = (const uint32_t *)(src + (size_t)y * stride);
            unsigned char *d = pixels + rowBytes * y;
            rows[y] = d;
            for (int x = 0; x < width; x++) {
                uint32_t p = s[x]; uint32_t a = p >> 24;
                uint32_t r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
                if (opaque) { d[0] = r; d[1] = g; d[2] = b; d += 3; continue; }
                if (a == 0) { r = g = b = 0; }
                else if (a < 255) { r = (r * 255 + a / 2) / a; g = (g * 255 + a / 2) / a; b = (b * 255 + a / 2) / a; }
                d[0] = r; d[1] = g; d[2] = b; d[3] = a; d += 4;
            }
        }
    }
    fz_png_buffer buf = {0};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        if (png) png_destroy_write_struct(&png, NULL);
        free(pixels); free(rows); return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(pixels); free(rows); free(buf.data); return -1;
    }
    png_set_write_fn(png, &buf, fz_png_write_fn, fz_png_flush_fn);
    png_set_compression_level(png, level);
    png_set_compression_buffer_size(png, 1 << 17);
    /* zlib memLevel 5: an 8K-entry hash table instead of 32K. zlib re-bases the whole hash table every
       32 KB of input, which at the default level costs more than the matching itself on chart images;
       5 keeps the output within about 1 % of the default size (the fewest instructions measured). */
    png_set_compression_mem_level(png, 5);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    if (direct) {
        /* Opaque little-endian BGRX to RGB, a row at a time (stays in cache, no image-sized buffer):
           byte-swap each pixel to R,G,B,X and store 4 bytes 3 apart (the next pixel overwrites the X;
           one spare byte at the end). Cheaper than libpng's bgr and filler transforms. */
        for (int y = 0; y < height; y++) {
            const uint32_t *s = (const uint32_t *)(src + (size_t)y * stride);
            unsigned char *d = pixels;
            for (int x = 0; x < width; x++) {
                uint32_t v = __builtin_bswap32(s[x]) >> 8;   /* 0xAARRGGBB -> bytes RR GG BB 00 */
                memcpy(d, &v, 4);
                d += 3;
            }
            png_write_row(png, pixels);
        }
    } else {
        png_write_image(png, rows);
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(pixels); free(rows);
    if (buf.failed) { free(buf.data); return -1; }
    *out = buf.data; *outLen = buf.len;
    return 0;
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
