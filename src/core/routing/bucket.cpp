#include "routing/bucket.h"

#include "util/sha256.h"

#include <cstring>

namespace gw {

namespace {
constexpr char kFractionalSuffix[] = "_fractional";
constexpr std::size_t kSuffixLength = sizeof(kFractionalSuffix) - 1;
} // namespace

BucketHasher::BucketHasher(const QString &cohort) : m_prefix(cohort.toUtf8() + QByteArrayLiteral("_routing_")) {}

Bucket BucketHasher::bucket(QByteArrayView keyUtf8) const
{
    // Both seeds are built in one buffer: "<prefix><key>_fractional", hashed once without and
    // once with the suffix. Short seeds (the usual case) stay on the stack.
    const std::size_t seedLength = std::size_t(m_prefix.size()) + std::size_t(keyUtf8.size());
    char stackBuffer[256];
    QByteArray heapBuffer;
    char *buffer = stackBuffer;
    if (seedLength + kSuffixLength > sizeof(stackBuffer)) {
        heapBuffer.resize(qsizetype(seedLength) + qsizetype(kSuffixLength));
        buffer = heapBuffer.data();
    }
    std::memcpy(buffer, m_prefix.constData(), std::size_t(m_prefix.size()));
    if (!keyUtf8.isEmpty())
        std::memcpy(buffer + m_prefix.size(), keyUtf8.data(), std::size_t(keyUtf8.size()));
    std::memcpy(buffer + seedLength, kFractionalSuffix, kSuffixLength);

    std::uint32_t wholeWord = 0, fractionWord = 0;
    sha256FirstWordPair(buffer, seedLength, buffer, seedLength + kSuffixLength, wholeWord, fractionWord);
    return Bucket{wholeWord % 100, fractionWord % 1000};
}

} // namespace gw
