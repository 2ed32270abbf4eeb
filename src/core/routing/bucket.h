#pragma once
// The fixed bucketing function shared with the production router (docs/routing-contract.md):
//   seed     = cohort + "_routing_" + key
//   whole    = u32_be(sha256(seed)[0..4]) % 100
//   fraction = u32_be(sha256(seed + "_fractional")[0..4]) % 1000
//   bucket   = whole + fraction / 1000, and a key goes to Vercel when bucket < share.
// Buckets and shares are compared as integers in thousandths so the comparison is exact.

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace gw {

struct Bucket {
    std::uint32_t whole = 0;                                   // 0..99
    std::uint32_t fraction = 0;                                // 0..999
    int milli() const { return int(whole * 1000 + fraction); } // 0..99999
    double value() const { return whole + fraction / 1000.0; }
    bool operator==(const Bucket &) const = default;
};

class BucketHasher {
public:
    explicit BucketHasher(const QString &cohort);
    Bucket bucket(QByteArrayView keyUtf8) const;
    Bucket bucket(const QString &key) const { return bucket(QByteArrayView(key.toUtf8())); }

private:
    QByteArray m_prefix; // cohort + "_routing_", UTF-8
};

} // namespace gw
