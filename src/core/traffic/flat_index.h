#pragma once
// The traffic aggregator's hash index (internal to gwcore's traffic files): open addressing
// with linear probing over slots of 8 bytes (a 32-bit hash and an index into the caller's dense
// array of entries). A million events touch it five times each, and std::unordered_map's
// node-per-entry layout made those lookups the aggregator's main cost (cache misses); here a
// probe reads one small slot and, when the hash matches, one dense entry.

#include <QtGlobal>

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gw {
namespace traffic_detail {

inline quint32 finishHash(quint64 h)
{
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return quint32(h);
}

inline quint64 mixWord(quint64 h, quint64 word)
{
    return (std::rotl(h, 5) ^ word) * 0x517CC1B727220A95ull;
}

// Ids and names in logs are short: eight bytes at a time, no per-byte loop.
inline quint32 hashBytes(std::string_view s)
{
    quint64 h = 0x9E3779B97F4A7C15ull ^ s.size();
    const char *p = s.data();
    size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
        quint64 w;
        std::memcpy(&w, p, 8);
        h = mixWord(h, w);
    }
    if (n > 0) {
        quint64 w = 0;
        std::memcpy(&w, p, n);
        h = mixWord(h, w);
    }
    return finishHash(h);
}

class FlatIndex {
public:
    static constexpr quint32 kEmpty = 0xFFFFFFFFu;

    FlatIndex() { m_slots.assign(16, Slot{0, kEmpty}); }

    quint32 size() const { return m_count; }

    // The index of the entry with this hash for which `equal(index)` holds, or kEmpty when there
    // is none; then insert(hash, index) may follow with the slot found here.
    template <typename Equal>
    quint32 find(quint32 hash, Equal equal)
    {
        const quint32 mask = quint32(m_slots.size() - 1);
        for (quint32 i = hash & mask;; i = (i + 1) & mask) {
            const Slot &s = m_slots[i];
            if (s.index == kEmpty) {
                m_free = i;
                return kEmpty;
            }
            if (s.hash == hash && equal(s.index))
                return s.index;
        }
    }

    // After a find() that returned kEmpty for the same hash, with nothing inserted in between.
    void insert(quint32 hash, quint32 index)
    {
        m_slots[m_free] = Slot{hash, index};
        if (++m_count * 2 > m_slots.size())
            grow();
    }

private:
    struct Slot {
        quint32 hash;
        quint32 index;
    };

    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2, Slot{0, kEmpty});
        old.swap(m_slots);
        const quint32 mask = quint32(m_slots.size() - 1);
        for (const Slot &s : old) {
            if (s.index == kEmpty)
                continue;
            quint32 i = s.hash & mask;
            while (m_slots[i].index != kEmpty)
                i = (i + 1) & mask;
            m_slots[i] = s;
        }
    }

    std::vector<Slot> m_slots;
    quint32 m_count = 0;
    quint32 m_free = 0;
};

// Entries keyed by a period (a minute, an hour) and more: one small FlatIndex per period. A log
// is in time order, so the lookups of a stretch of lines stay within the current period's table
// (kilobytes, in cache) instead of probing a table of megabytes at random; most keys are new in
// their minute, so a single big table cost a cache miss for nearly every event.
class PeriodIndex {
public:
    FlatIndex &forPeriod(qint64 period)
    {
        if (m_current && period == m_currentPeriod)
            return *m_current;
        m_current = &m_periods[period]; // node-based: the reference stays valid
        m_currentPeriod = period;
        return *m_current;
    }

private:
    std::unordered_map<qint64, FlatIndex> m_periods;
    qint64 m_currentPeriod = 0;
    FlatIndex *m_current = nullptr;
};

// A vector that grows by blocks: no reallocation copying megabytes of entries (and touching
// twice the memory) while a big log is aggregated; an index is one extra indirection.
template <typename T>
class BlockVector {
public:
    using value_type = T;
    size_t size() const { return m_size; }
    T &operator[](size_t i) { return m_blocks[i / kBlock][i % kBlock]; }
    const T &operator[](size_t i) const { return m_blocks[i / kBlock][i % kBlock]; }
    quint32 push_back(T value)
    {
        if (m_size % kBlock == 0)
            m_blocks.push_back(std::make_unique<T[]>(kBlock));
        (*this)[m_size] = std::move(value);
        return quint32(m_size++);
    }

private:
    // About 64 KiB per block: big enough that a million-event log allocates a few thousand
    // blocks, small enough that a short log (or a fuzz run) does not zero megabytes up front.
    static constexpr size_t kBlock = std::max<size_t>(64, (64 * 1024) / sizeof(T));
    std::vector<std::unique_ptr<T[]>> m_blocks;
    size_t m_size = 0;
};

} // namespace traffic_detail
} // namespace gw
