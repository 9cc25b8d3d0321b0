#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <mutex>
#include <utility>
#include <vector>

namespace instant::detail {

// Owns a malloc'ed block, so that a bin entry frees it when dropped.
struct MallocBlock {
    void *data = nullptr;

    MallocBlock() = default;
    explicit MallocBlock(void *p)
        : data(p)
    { }
    MallocBlock(MallocBlock &&other) noexcept
        : data(std::exchange(other.data, nullptr))
    { }
    MallocBlock &operator=(MallocBlock &&other) noexcept
    {
        std::swap(data, other.data);
        return *this;
    }
    ~MallocBlock() { std::free(data); }
};

// Large buffers of trees that died, kept for a short while for the next big decode. Faulting in
// fresh pages costs about as much as parsing on many machines; a live query replaces its result with
// a full snapshot on every change, so the previous tree's memory is usually what the next one needs.
// Bounded in size and in age; small buffers are never kept. Sizes are in bytes.
class BlockBin {
public:
    static constexpr std::size_t kMinSize = 1024 * 1024;
    // The node array of a 50 MB reply takes about 40 MB; two such trees alive at once are common.
    static constexpr std::size_t kMaxTotal = 160 * 1024 * 1024;
    static constexpr auto kMaxAge = std::chrono::seconds(20);

    static BlockBin &instance()
    {
        static BlockBin bin;
        return bin;
    }
    ~BlockBin() { s_alive.store(false); }

    /** Takes a kept item of at least size (and at most twice that, so a small decode does not pin a big one). */
    static bool take(std::size_t size, MallocBlock &item, std::size_t &capacity)
    {
        if (size < kMinSize || !s_alive.load()) {
            return false;
        }
        BlockBin &bin = instance();
        std::lock_guard lock(bin.m_mutex);
        bin.expire();
        auto best = bin.m_entries.end();
        for (auto it = bin.m_entries.begin(); it != bin.m_entries.end(); ++it) {
            if (it->capacity >= size && it->capacity <= 2 * size
                && (best == bin.m_entries.end() || it->capacity < best->capacity)) {
                best = it;
            }
        }
        if (best == bin.m_entries.end()) {
            return false;
        }
        item = std::move(best->item);
        capacity = best->capacity;
        bin.m_total -= best->capacity;
        bin.m_entries.erase(best);
        return true;
    }

    /** Keeps item for a later take(); returns false (item untouched) if it is not worth keeping. */
    static bool keep(MallocBlock &item, std::size_t capacity)
    {
        if (capacity < kMinSize || capacity > kMaxTotal || !s_alive.load()) {
            return false;
        }
        BlockBin &bin = instance();
        std::lock_guard lock(bin.m_mutex);
        bin.expire();
        while (!bin.m_entries.empty() && bin.m_total + capacity > kMaxTotal) {
            bin.m_total -= bin.m_entries.front().capacity;
            bin.m_entries.erase(bin.m_entries.begin());
        }
        bin.m_entries.push_back(Entry {std::move(item), capacity, std::chrono::steady_clock::now()});
        bin.m_total += capacity;
        return true;
    }

private:
    struct Entry {
        MallocBlock item;
        std::size_t capacity;
        std::chrono::steady_clock::time_point since;
    };

    void expire()
    {
        const auto limit = std::chrono::steady_clock::now() - kMaxAge;
        while (!m_entries.empty() && m_entries.front().since < limit) {
            m_total -= m_entries.front().capacity;
            m_entries.erase(m_entries.begin());
        }
    }

    static inline std::atomic<bool> s_alive {true};
    std::mutex m_mutex;
    std::vector<Entry> m_entries;
    std::size_t m_total = 0;
};

// A block of at least size bytes (capacity set to its real size); nullptr if out of memory.
inline void *acquireBlock(std::size_t size, std::size_t &capacity)
{
    MallocBlock block;
    if (BlockBin::take(size, block, capacity)) {
        return std::exchange(block.data, nullptr);
    }
    capacity = size;
    return std::malloc(std::max<std::size_t>(size, 1));
}

inline void releaseBlock(void *data, std::size_t capacity)
{
    if (!data) {
        return;
    }
    MallocBlock block(data);
    BlockBin::keep(block, capacity);
}

} // namespace instant::detail
