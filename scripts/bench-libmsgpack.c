/* libmsgpack-c's own decode rate on the stream benchmark's MessagePack frames (issue 10): the
 * reason for decoding MessagePack with our own reader is measured, not assumed.
 *
 *   cc -O2 scripts/bench-libmsgpack.c -lmsgpackc -o /tmp/bench-libmsgpack && \
 *       /tmp/bench-libmsgpack "$TMPDIR/alpaca-dash-stream-frames.msgpack" 7
 *
 * Each frame is unpacked into libmsgpack's object tree (msgpack_unpack_next) and every quote's
 * fields are read out of it (symbol, bid, ask, sizes, timestamp), as our decoder reads them into
 * its wire structs. Prints the median messages/s, then the min and max. */
#include <msgpack.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    int runs = argc > 2 ? atoi(argv[2]) : 7;
    FILE *file = fopen(argv[1], "rb");
    if (!file) return 2;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *data = malloc(size);
    if (fread(data, 1, size, file) != (size_t)size) return 2;
    fclose(file);
    double rates[64];
    double checksum = 0;
    if (runs > 64) runs = 64;
    for (int run = 0; run < runs + 2; run++) {
        double start = now();
        long messages = 0;
        for (long offset = 0; offset + 4 <= size;) {
            uint32_t length = (uint32_t)data[offset] << 24 | (uint32_t)data[offset + 1] << 16 |
                              (uint32_t)data[offset + 2] << 8 | data[offset + 3];
            msgpack_unpacked result;
            msgpack_unpacked_init(&result);
            size_t used = 0;
            if (msgpack_unpack_next(&result, (const char *)data + offset + 4, length, &used) ==
                    MSGPACK_UNPACK_SUCCESS &&
                result.data.type == MSGPACK_OBJECT_ARRAY) {
                for (uint32_t i = 0; i < result.data.via.array.size; i++) {
                    msgpack_object *m = &result.data.via.array.ptr[i];
                    if (m->type != MSGPACK_OBJECT_MAP) continue;
                    for (uint32_t k = 0; k < m->via.map.size; k++) {
                        msgpack_object_kv *kv = &m->via.map.ptr[k];
                        if (kv->key.type != MSGPACK_OBJECT_STR) continue;
                        const char *key = kv->key.via.str.ptr;
                        uint32_t n = kv->key.via.str.size;
                        if (kv->val.type == MSGPACK_OBJECT_FLOAT64) checksum += kv->val.via.f64;
                        else if (kv->val.type == MSGPACK_OBJECT_POSITIVE_INTEGER) checksum += (double)kv->val.via.u64;
                        else if (kv->val.type == MSGPACK_OBJECT_EXT && n == 1 && key[0] == 't') {
                            msgpack_timestamp ts;
                            if (msgpack_object_to_timestamp(&kv->val, &ts)) checksum += ts.tv_nsec;
                        } else if (kv->val.type == MSGPACK_OBJECT_STR) checksum += kv->val.via.str.size;
                    }
                    messages++;
                }
            }
            msgpack_unpacked_destroy(&result);
            offset += 4 + length;
        }
        double rate = messages / (now() - start);
        if (run >= 2) rates[run - 2] = rate;
    }
    qsort(rates, runs, sizeof(double), compare);
    printf("%.0f %.0f %.0f %.0f\n", rates[runs / 2], rates[0], rates[runs - 1], checksum > 0 ? 1.0 : 0.0);
    return 0;
}
