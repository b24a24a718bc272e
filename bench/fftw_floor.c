/*
 * FFTW C floor for the propagation kernel: batch of B complex64 fields N×N, forward FFT, multiply by a
 * unimodular transfer function (with 1/N² folded in), inverse FFT. FFTW 3.3.10 from the org.bytedeco:fftw jar
 * (the same library the Java binding loads), fftwf_plan_many_dft, FFTW_MEASURE, T threads.
 * Prints one line per repetition "ms=<wall time> cpu_ms=<process CPU time>" and a final "median_ms=".
 * Built by bench/compare.sh; the prototypes are declared here because the jar ships no header.
 *
 * usage: fftw_floor N B THREADS REPS [PAIRS] [MODE]
 *   PAIRS: propagations per repetition (default 1)
 *   MODE batch (default): one plan_many over the batch, FFTW's own threads, then a multiply pass;
 *   MODE items: single-threaded per-item plans, OpenMP threads over items, multiply fused per item
 *               (the same strategy as Phasor's fused kernel, so the difference is the JVM's)
 */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <time.h>

typedef float fftwf_complex[2];
typedef struct fftwf_plan_s *fftwf_plan;
extern int fftwf_init_threads(void);
extern void fftwf_plan_with_nthreads(int);
extern fftwf_plan fftwf_plan_many_dft(int, const int *, int, fftwf_complex *, const int *, int, int,
                                      fftwf_complex *, const int *, int, int, int, unsigned);
extern void fftwf_execute(const fftwf_plan);
extern void fftwf_execute_dft(const fftwf_plan, fftwf_complex *, fftwf_complex *);
extern void *fftwf_malloc(size_t);
extern int fftwf_import_wisdom_from_filename(const char *);

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: %s N B THREADS REPS [PAIRS] [batch|items]\n", argv[0]);
        return 2;
    }
    int n = atoi(argv[1]), b = atoi(argv[2]), threads = atoi(argv[3]), reps = atoi(argv[4]);
    int pairs = argc > 5 ? atoi(argv[5]) : 1;
    int items = argc > 6 && argv[6][0] == 'i';
    fftwf_init_threads();
    fftwf_plan_with_nthreads(items ? 1 : threads);
    size_t per = (size_t) n * n;
    fftwf_complex *u = fftwf_malloc(sizeof(fftwf_complex) * per * b);
    float *h = malloc(sizeof(float) * 2 * per);
    int dims[2] = {n, n};
    fftwf_plan fw = fftwf_plan_many_dft(2, dims, b, u, NULL, 1, (int) per, u, NULL, 1, (int) per, -1, 0);
    fftwf_plan bw = fftwf_plan_many_dft(2, dims, b, u, NULL, 1, (int) per, u, NULL, 1, (int) per, +1, 0);
    fftwf_plan fw1 = fftwf_plan_many_dft(2, dims, 1, u, NULL, 1, (int) per, u, NULL, 1, (int) per, -1, 0);
    fftwf_plan bw1 = fftwf_plan_many_dft(2, dims, 1, u, NULL, 1, (int) per, u, NULL, 1, (int) per, +1, 0);
    float s = 1.0f / (float) per;
    for (size_t i = 0; i < per; i++) {
        double ph = 0.001 * (double) i;
        h[2 * i] = (float) cos(ph) * s;
        h[2 * i + 1] = (float) sin(ph) * s;
    }
    srand(1);
    for (size_t i = 0; i < per * b; i++) {
        u[i][0] = (float) rand() / RAND_MAX - 0.5f;
        u[i][1] = (float) rand() / RAND_MAX - 0.5f;
    }
    double *ms = malloc(sizeof(double) * reps);
    double *cpu = malloc(sizeof(double) * reps);
    for (int r = -2; r < reps; r++) { /* two warm-up repetitions */
        clock_t c0 = clock(); /* process CPU time, all threads */
        double t0 = now();
        for (int p = 0; p < pairs && items; p++) {
            #pragma omp parallel for num_threads(threads) schedule(static)
            for (int k = 0; k < b; k++) {
                fftwf_complex *v = u + (size_t) k * per;
                fftwf_execute_dft(fw1, v, v);
                for (size_t i = 0; i < per; i++) {
                    float re = v[i][0], im = v[i][1];
                    v[i][0] = re * h[2 * i] - im * h[2 * i + 1];
                    v[i][1] = re * h[2 * i + 1] + im * h[2 * i];
                }
                fftwf_execute_dft(bw1, v, v);
            }
        }
        for (int p = 0; p < pairs && !items; p++) {
            fftwf_execute(fw);
            #pragma omp parallel for num_threads(threads)
            for (int k = 0; k < b; k++) {
                fftwf_complex *v = u + (size_t) k * per;
                for (size_t i = 0; i < per; i++) {
                    float re = v[i][0], im = v[i][1];
                    v[i][0] = re * h[2 * i] - im * h[2 * i + 1];
                    v[i][1] = re * h[2 * i + 1] + im * h[2 * i];
                }
            }
            fftwf_execute(bw);
        }
        double t = (now() - t0) * 1e3;
        double c = (double) (clock() - c0) * 1e3 / CLOCKS_PER_SEC;
        if (r >= 0) {
            ms[r] = t;
            cpu[r] = c;
            printf("ms=%.3f cpu_ms=%.3f\n", t, c);
        }
    }
    qsort(ms, reps, sizeof(double), cmp);
    qsort(cpu, reps, sizeof(double), cmp);
    printf("median_ms=%.3f median_cpu_ms=%.3f\n", ms[reps / 2], cpu[reps / 2]);
    return 0;
}
