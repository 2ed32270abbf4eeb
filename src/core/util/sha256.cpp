#include "util/sha256.h"

#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define GW_SHA_X86 1
#endif

namespace gw {
namespace {

alignas(16) constexpr std::uint32_t kRoundConstants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t kInitialState[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                            0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

using CompressFn = void (*)(std::uint32_t state[8], const std::uint8_t *blocks, std::size_t count);

inline std::uint32_t rotr(std::uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

inline std::uint32_t loadBigEndian(const std::uint8_t *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

void compressPortable(std::uint32_t state[8], const std::uint8_t *blocks, std::size_t count)
{
    for (std::size_t b = 0; b < count; ++b, blocks += 64) {
        std::uint32_t w[64];
        for (int i = 0; i < 16; ++i)
            w[i] = loadBigEndian(blocks + 4 * i);
        for (int i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = state[0], bb = state[1], c = state[2], d = state[3];
        std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (int i = 0; i < 64; ++i) {
            const std::uint32_t t1 =
                h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRoundConstants[i] + w[i];
            const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = bb;
            bb = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += bb;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}

#ifdef GW_SHA_X86
// The SHA extensions keep the state as two registers, ABEF and CDGH, and expand the message
// schedule four words at a time (msg1/msg2).
__attribute__((target("sha,sse4.1,ssse3"))) void compressShaNi(std::uint32_t state[8], const std::uint8_t *blocks,
                                                               std::size_t count)
{
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i *>(state));
    __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i *>(state + 4));
    const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (std::size_t b = 0; b < count; ++b, blocks += 64) {
        const __m128i abefSaved = abef;
        const __m128i cdghSaved = cdgh;
        __m128i w[4];
        for (int i = 0; i < 4; ++i)
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(blocks + 16 * i)), byteSwap);
#pragma GCC unroll 16
        for (int r = 0; r < 16; ++r) {
            __m128i words;
            if (r < 4) {
                words = w[r];
            } else {
                __m128i t = _mm_sha256msg1_epu32(w[(r - 4) & 3], w[(r - 3) & 3]);
                t = _mm_add_epi32(t, _mm_alignr_epi8(w[(r - 1) & 3], w[(r - 2) & 3], 4));
                words = _mm_sha256msg2_epu32(t, w[(r - 1) & 3]);
                w[r & 3] = words;
            }
            __m128i msg =
                _mm_add_epi32(words, _mm_load_si128(reinterpret_cast<const __m128i *>(kRoundConstants + 4 * r)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
            msg = _mm_shuffle_epi32(msg, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, msg);
        }
        abef = _mm_add_epi32(abef, abefSaved);
        cdgh = _mm_add_epi32(cdgh, cdghSaved);
    }

    const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    dcba = _mm_blend_epi16(feba, dchg, 0xF0);
    hgfe = _mm_alignr_epi8(dchg, feba, 8);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(state), dcba);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(state + 4), hgfe);
}

// Two independent single-block compressions in lock step. A round's result feeds the next round
// of the same message only, so interleaving two messages keeps the SHA unit busy.
__attribute__((target("sha,sse4.1,ssse3"))) void compressShaNiPair(std::uint32_t stateA[8], const std::uint8_t *blockA,
                                                                   std::uint32_t stateB[8], const std::uint8_t *blockB)
{
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i abef[2], cdgh[2], saved[4], w[2][4];
    std::uint32_t *states[2] = {stateA, stateB};
    const std::uint8_t *blocks[2] = {blockA, blockB};
    for (int m = 0; m < 2; ++m) {
        const __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i *>(states[m]));
        const __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i *>(states[m] + 4));
        const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
        const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
        abef[m] = _mm_alignr_epi8(cdab, efgh, 8);
        cdgh[m] = _mm_blend_epi16(efgh, cdab, 0xF0);
        saved[2 * m] = abef[m];
        saved[2 * m + 1] = cdgh[m];
        for (int i = 0; i < 4; ++i)
            w[m][i] =
                _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(blocks[m] + 16 * i)), byteSwap);
    }
#pragma GCC unroll 16
    for (int r = 0; r < 16; ++r) {
        __m128i msg[2];
        for (int m = 0; m < 2; ++m) {
            __m128i words;
            if (r < 4) {
                words = w[m][r];
            } else {
                __m128i t = _mm_sha256msg1_epu32(w[m][(r - 4) & 3], w[m][(r - 3) & 3]);
                t = _mm_add_epi32(t, _mm_alignr_epi8(w[m][(r - 1) & 3], w[m][(r - 2) & 3], 4));
                words = _mm_sha256msg2_epu32(t, w[m][(r - 1) & 3]);
                w[m][r & 3] = words;
            }
            msg[m] = _mm_add_epi32(words, _mm_load_si128(reinterpret_cast<const __m128i *>(kRoundConstants + 4 * r)));
        }
        cdgh[0] = _mm_sha256rnds2_epu32(cdgh[0], abef[0], msg[0]);
        cdgh[1] = _mm_sha256rnds2_epu32(cdgh[1], abef[1], msg[1]);
        abef[0] = _mm_sha256rnds2_epu32(abef[0], cdgh[0], _mm_shuffle_epi32(msg[0], 0x0E));
        abef[1] = _mm_sha256rnds2_epu32(abef[1], cdgh[1], _mm_shuffle_epi32(msg[1], 0x0E));
    }
    for (int m = 0; m < 2; ++m) {
        abef[m] = _mm_add_epi32(abef[m], saved[2 * m]);
        cdgh[m] = _mm_add_epi32(cdgh[m], saved[2 * m + 1]);
        const __m128i feba = _mm_shuffle_epi32(abef[m], 0x1B);
        const __m128i dchg = _mm_shuffle_epi32(cdgh[m], 0xB1);
        _mm_storeu_si128(reinterpret_cast<__m128i *>(states[m]), _mm_blend_epi16(feba, dchg, 0xF0));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(states[m] + 4), _mm_alignr_epi8(dchg, feba, 8));
    }
}

// CPUID directly: clang 14's __builtin_cpu_supports knows no "sha" (the fuzz build uses clang).
bool cpuHasShaNi()
{
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & bit_SSE4_1))
        return false;
    return __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (ebx & bit_SHA);
}
#endif

// Copies a message and its padding into `out` (whole blocks); returns the number of blocks.
std::size_t padMessage(const void *data, std::size_t size, std::uint8_t *out)
{
    std::memcpy(out, data, size);
    const std::size_t blocks = (size + 8) / 64 + 1;
    std::memset(out + size, 0, blocks * 64 - size);
    out[size] = 0x80;
    const std::uint64_t bits = std::uint64_t(size) * 8;
    for (int i = 0; i < 8; ++i)
        out[blocks * 64 - 1 - i] = std::uint8_t(bits >> (8 * i));
    return blocks;
}

// Hashes with padding done in a stack buffer: no allocation for any input size.
void hashWith(CompressFn compress, const void *data, std::size_t size, std::uint32_t state[8])
{
    std::memcpy(state, kInitialState, sizeof(kInitialState));
    const auto *bytes = static_cast<const std::uint8_t *>(data);
    const std::size_t fullBlocks = size / 64;
    if (fullBlocks)
        compress(state, bytes, fullBlocks);
    const std::size_t rest = size % 64;
    std::uint8_t tail[128] = {};
    if (rest)
        std::memcpy(tail, bytes + fullBlocks * 64, rest);
    tail[rest] = 0x80;
    const std::size_t tailBlocks = rest < 56 ? 1 : 2;
    const std::uint64_t bits = std::uint64_t(size) * 8;
    for (int i = 0; i < 8; ++i)
        tail[tailBlocks * 64 - 1 - i] = std::uint8_t(bits >> (8 * i));
    compress(state, tail, tailBlocks);
}

Sha256Digest toDigest(const std::uint32_t state[8])
{
    Sha256Digest out;
    for (int i = 0; i < 8; ++i) {
        out[4 * i] = std::uint8_t(state[i] >> 24);
        out[4 * i + 1] = std::uint8_t(state[i] >> 16);
        out[4 * i + 2] = std::uint8_t(state[i] >> 8);
        out[4 * i + 3] = std::uint8_t(state[i]);
    }
    return out;
}

CompressFn selectCompress()
{
#ifdef GW_SHA_X86
    if (cpuHasShaNi())
        return compressShaNi;
#endif
    return compressPortable;
}

const CompressFn activeCompress = selectCompress();

} // namespace

Sha256Digest sha256(const void *data, std::size_t size)
{
    std::uint32_t state[8];
    hashWith(activeCompress, data, size, state);
    return toDigest(state);
}

std::uint32_t sha256FirstWord(const void *data, std::size_t size)
{
    std::uint32_t state[8];
    hashWith(activeCompress, data, size, state);
    return state[0];
}

void sha256FirstWordPair(const void *a, std::size_t sizeA, const void *b, std::size_t sizeB, std::uint32_t &wordA,
                         std::uint32_t &wordB)
{
#ifdef GW_SHA_X86
    constexpr std::size_t kMaxPaired = 183; // three blocks with padding: any realistic seed
    if (activeCompress == compressShaNi && sizeA <= kMaxPaired && sizeB <= kMaxPaired) {
        alignas(16) std::uint8_t bufA[192], bufB[192];
        const std::size_t blocksA = padMessage(a, sizeA, bufA);
        const std::size_t blocksB = padMessage(b, sizeB, bufB);
        std::uint32_t stateA[8], stateB[8];
        std::memcpy(stateA, kInitialState, sizeof(kInitialState));
        std::memcpy(stateB, kInitialState, sizeof(kInitialState));
        const std::size_t common = blocksA < blocksB ? blocksA : blocksB;
        for (std::size_t i = 0; i < common; ++i)
            compressShaNiPair(stateA, bufA + 64 * i, stateB, bufB + 64 * i);
        if (blocksA > common)
            compressShaNi(stateA, bufA + 64 * common, blocksA - common);
        if (blocksB > common)
            compressShaNi(stateB, bufB + 64 * common, blocksB - common);
        wordA = stateA[0];
        wordB = stateB[0];
        return;
    }
#endif
    wordA = sha256FirstWord(a, sizeA);
    wordB = sha256FirstWord(b, sizeB);
}

const char *sha256Implementation()
{
    return activeCompress == compressPortable ? "portable" : "sha-ni";
}

namespace detail {
Sha256Digest sha256Portable(const void *data, std::size_t size)
{
    std::uint32_t state[8];
    hashWith(compressPortable, data, size, state);
    return toDigest(state);
}

bool sha256HardwareAvailable()
{
    return activeCompress != compressPortable;
}

Sha256Digest sha256Hardware(const void *data, std::size_t size)
{
    std::uint32_t state[8];
    hashWith(activeCompress, data, size, state);
    return toDigest(state);
}
} // namespace detail

} // namespace gw
