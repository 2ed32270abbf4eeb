#pragma once
// SHA-256 for the routing hot path: the decision hashes two short strings per request, so this
// avoids the allocation and dispatch of QCryptographicHash and uses the CPU's SHA extensions
// where present (checked once at start-up), with a portable implementation otherwise.

#include <array>
#include <cstddef>
#include <cstdint>

namespace gw {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(const void *data, std::size_t size);

// The first four bytes of the digest read as a big-endian unsigned integer.
std::uint32_t sha256FirstWord(const void *data, std::size_t size);

// The first words of two digests at once. With the SHA extensions the two messages are hashed
// interleaved, so each one's rounds fill the other's latency: the bucket needs exactly two.
void sha256FirstWordPair(const void *a, std::size_t sizeA, const void *b, std::size_t sizeB, std::uint32_t &wordA,
                         std::uint32_t &wordB);

// Which implementation sha256() uses on this machine ("sha-ni" or "portable").
const char *sha256Implementation();

namespace detail {
// Exposed so the tests can check both implementations against each other on any machine.
Sha256Digest sha256Portable(const void *data, std::size_t size);
bool sha256HardwareAvailable();
Sha256Digest sha256Hardware(const void *data, std::size_t size); // only if available
} // namespace detail

} // namespace gw
