#include "json/jsontree.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <limits>
#include <mutex>
#include <new>
#include <stdexcept>
#include <vector>

#include <simdjson.h>

#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#endif

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMetaObject>
#include <QMutex>
#include <QThreadPool>

#include "json/json_debug.h"

namespace instant {

Q_LOGGING_CATEGORY(lcJson, "instant.json", QtWarningMsg)

namespace detail {

// Fresh memory is faulted in page by page; for the tens of megabytes of a big reply that costs as
// much as parsing. Asking for transparent huge pages cuts the number of faults by 512.
void adviseHugePages(void *p, std::size_t size)
{
#ifdef MADV_HUGEPAGE
    constexpr std::uintptr_t kHuge = 2 * 1024 * 1024;
    if (size < 2 * kHuge) {
        return;
    }
    const auto begin = (reinterpret_cast<std::uintptr_t>(p) + kHuge - 1) & ~(kHuge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(p) + size) & ~(kHuge - 1);
    if (end > begin) {
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
    }
#else
    Q_UNUSED(p)
    Q_UNUSED(size)
#endif
}

// One value of the document. Scalars hold their value inline; strings and keys point into the pool;
// containers hold the index range of their children, which always sit next to each other.
struct JsonNodeRecord {
    std::uint32_t keyOffset;
    // Bits 0-2: JsonNode::Type, bits 3-4: NumberKind, bits 5-31: key length.
    std::uint32_t meta;
    union {
        std::int64_t i;
        std::uint64_t u;
        double d;
        bool b;
        struct {
            std::uint32_t first;
            std::uint32_t count;
        } range;
        struct {
            std::uint32_t offset;
            std::uint32_t length;
        } str;
    } v;

    std::uint8_t type() const { return std::uint8_t(meta & 7u); }
    std::uint8_t numberKind() const { return std::uint8_t((meta >> 3) & 3u); }
    std::uint32_t keyLength() const { return meta >> 5; }
};
static_assert(sizeof(JsonNodeRecord) == 16);

enum NumberKind : std::uint8_t {
    NumberInt64,
    NumberUInt64,
    NumberDouble,
};

// Where the children of one container sit. Blocks are allocated in index order and tile
// [1, nodeCount), so the block holding a node, and with it the node's parent, is a binary search away.
struct ChildBlock {
    std::uint32_t first;
    std::uint32_t owner;
};

// Large buffers of trees that died, kept for a short while for the next big decode. Faulting in
// fresh pages costs about as much as parsing on many machines; a live query replaces its result with
// a full snapshot on every change, so the previous tree's memory is usually what the next one needs.
// Bounded in bytes and in age; small buffers are never kept.
class BufferCache {
public:
    static constexpr std::size_t kMinSize = 1024 * 1024;
    static constexpr std::size_t kMaxTotal = 256 * 1024 * 1024;
    static constexpr auto kMaxAge = std::chrono::seconds(20);

    static BufferCache &instance()
    {
        static BufferCache cache;
        return cache;
    }
    ~BufferCache()
    {
        s_alive.store(false);
        for (const Entry &entry : m_entries) {
            std::free(entry.data);
        }
    }

    /** A buffer of at least size bytes (capacity set to its real size); nullptr if out of memory. */
    static void *acquire(std::size_t size, std::size_t &capacity)
    {
        if (size >= kMinSize && s_alive.load()) {
            BufferCache &cache = instance();
            std::lock_guard lock(cache.m_mutex);
            cache.expire();
            // Best fit, and not more than twice the need, so a small decode does not pin a big buffer.
            auto best = cache.m_entries.end();
            for (auto it = cache.m_entries.begin(); it != cache.m_entries.end(); ++it) {
                if (it->capacity >= size && it->capacity <= 2 * size
                    && (best == cache.m_entries.end() || it->capacity < best->capacity)) {
                    best = it;
                }
            }
            if (best != cache.m_entries.end()) {
                void *data = best->data;
                capacity = best->capacity;
                cache.m_total -= best->capacity;
                cache.m_entries.erase(best);
                return data;
            }
        }
        capacity = size;
        void *data = std::malloc(std::max<std::size_t>(size, 1));
        if (data) {
            adviseHugePages(data, size);
        }
        return data;
    }

    static void release(void *data, std::size_t capacity)
    {
        if (!data) {
            return;
        }
        if (capacity >= kMinSize && capacity <= kMaxTotal && s_alive.load()) {
            BufferCache &cache = instance();
            std::lock_guard lock(cache.m_mutex);
            cache.expire();
            while (!cache.m_entries.empty() && cache.m_total + capacity > kMaxTotal) {
                std::free(cache.m_entries.front().data);
                cache.m_total -= cache.m_entries.front().capacity;
                cache.m_entries.erase(cache.m_entries.begin());
            }
            cache.m_entries.push_back(Entry {data, capacity, std::chrono::steady_clock::now()});
            cache.m_total += capacity;
            return;
        }
        std::free(data);
    }

private:
    struct Entry {
        void *data;
        std::size_t capacity;
        std::chrono::steady_clock::time_point since;
    };

    void expire()
    {
        const auto limit = std::chrono::steady_clock::now() - kMaxAge;
        while (!m_entries.empty() && m_entries.front().since < limit) {
            std::free(m_entries.front().data);
            m_total -= m_entries.front().capacity;
            m_entries.erase(m_entries.begin());
        }
    }

    static inline std::atomic<bool> s_alive {true};
    std::mutex m_mutex;
    std::vector<Entry> m_entries;
    std::size_t m_total = 0;
};

// Plain malloc'ed buffers: they only ever grow at the end, and realloc of large blocks remaps pages
// instead of copying them.
struct JsonTreeData {
    std::vector<ChildBlock> blocks;
    JsonNodeRecord *nodes = nullptr;
    std::uint32_t nodeCount = 0;
    std::size_t nodeBytes = 0;
    char *pool = nullptr;
    std::uint32_t poolSize = 0;
    std::size_t poolBytes = 0;

    JsonTreeData() = default;
    JsonTreeData(const JsonTreeData &) = delete;
    JsonTreeData &operator=(const JsonTreeData &) = delete;
    ~JsonTreeData()
    {
        BufferCache::release(nodes, nodeBytes);
        BufferCache::release(pool, poolBytes);
    }
};

} // namespace detail

using detail::adviseHugePages;
using detail::BufferCache;
using detail::JsonNodeRecord;
using detail::JsonTreeData;

namespace {

constexpr std::uint32_t kMaxNodes = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kMaxKeyLength = (1u << 27) - 1;
// Spare bytes behind the string pool for fixed-size copies of short strings.
constexpr std::size_t kPoolSlack = 64;

// Inputs and trees are addressed with 32-bit offsets; that bounds a document to 4 GiB.
constexpr std::size_t kMaxInput = std::numeric_limits<std::uint32_t>::max() - simdjson::SIMDJSON_PADDING;

// Copies simdjson's DOM (a tape in the parser's reused buffers) into the tree's own compact layout:
// 16-byte nodes whose children sit in one contiguous block, and one string pool in which repeated
// object keys are mostly stored once. The DOM itself is not kept: its arrays cannot be indexed
// without a walk, and it belongs to the parser.
class TreeBuilder {
public:
    explicit TreeBuilder(std::size_t inputSize)
    {
        // Unescaped strings are never longer than their JSON spelling, so the pool fits in the input.
        m_data->pool = static_cast<char *>(BufferCache::acquire(inputSize + kPoolSlack, m_data->poolBytes));
        // A guess from typical replies (one value per 20 bytes); grows if needed.
        m_data->nodes = static_cast<JsonNodeRecord *>(BufferCache::acquire(
            std::max<std::size_t>(16, inputSize / 20) * sizeof(JsonNodeRecord), m_data->nodeBytes));
        if (!m_data->pool || !m_data->nodes) {
            throw std::bad_alloc();
        }
        m_nodeCapacity = m_data->nodeBytes / sizeof(JsonNodeRecord);
    }

    void build(simdjson::dom::element root)
    {
        const std::uint32_t rootIndex = allocate(1); // the root always gets index 0
        fill(rootIndex, root, 0, 0);
    }

    std::shared_ptr<JsonTreeData> take()
    {
        // Small trees give back what was reserved beyond their end. Large buffers keep their size (a
        // fresh tail is not even backed by memory) so that the whole buffer can serve a later decode.
        if (m_data->nodeBytes < BufferCache::kMinSize) {
            const std::size_t bytes = std::max<std::size_t>(1, m_data->nodeCount) * sizeof(JsonNodeRecord);
            if (void *p = std::realloc(m_data->nodes, bytes)) {
                m_data->nodes = static_cast<JsonNodeRecord *>(p);
                m_data->nodeBytes = bytes;
            }
        }
        if (m_data->poolBytes < BufferCache::kMinSize) {
            const std::size_t bytes = std::max<std::size_t>(1, m_data->poolSize);
            if (void *p = std::realloc(m_data->pool, bytes)) {
                m_data->pool = static_cast<char *>(p);
                m_data->poolBytes = bytes;
            }
        }
        m_data->blocks.shrink_to_fit();
        return std::move(m_data);
    }

private:
    std::uint32_t allocate(std::size_t count)
    {
        const std::size_t first = m_data->nodeCount;
        if (first + count > m_nodeCapacity) {
            m_nodeCapacity = std::max(first + count, m_nodeCapacity * 2);
            if (m_nodeCapacity >= kMaxNodes) {
                throw std::bad_alloc();
            }
            void *grown = std::realloc(m_data->nodes, m_nodeCapacity * sizeof(JsonNodeRecord));
            if (!grown) {
                throw std::bad_alloc();
            }
            m_data->nodes = static_cast<JsonNodeRecord *>(grown);
            m_data->nodeBytes = m_nodeCapacity * sizeof(JsonNodeRecord);
            adviseHugePages(grown, m_data->nodeBytes);
        }
        m_data->nodeCount = static_cast<std::uint32_t>(first + count);
        return static_cast<std::uint32_t>(first);
    }

    // Strings come from simdjson's string buffer, which is padded like its input, and the pool has
    // kPoolSlack spare bytes: short strings are copied with one fixed-size move instead of a call.
    std::uint32_t addString(std::string_view s)
    {
        const std::uint32_t offset = m_data->poolSize;
        if (s.size() <= kShortString) {
            std::memcpy(m_data->pool + offset, s.data(), kShortString);
        } else {
            std::memcpy(m_data->pool + offset, s.data(), s.size());
        }
        m_data->poolSize += static_cast<std::uint32_t>(s.size());
        return offset;
    }

    // Entity keys repeat in every object of a reply; a small direct-mapped cache stores each
    // distinct key once in most documents. Keys up to 8 bytes (most of them) are compared as one word.
    std::uint32_t addKey(std::string_view key)
    {
        const std::size_t length = key.size();
        std::uint64_t head = 0;
        std::memcpy(&head, key.data(), sizeof head); // padded source, see addString()
        if (length < sizeof head) {
            head &= (std::uint64_t(1) << (8 * length)) - 1;
        }
        const std::uint64_t hash = (head ^ (length * 0x9E3779B97F4A7C15ULL)) * 0xFF51AFD7ED558CCDULL;
        KeySlot &slot = m_keyCache[hash >> (64 - kKeyCacheBits)];
        if (slot.length == length && slot.head == head && slot.valid
            && (length <= sizeof head || std::memcmp(m_data->pool + slot.offset, key.data(), length) == 0)) {
            return slot.offset;
        }
        slot.offset = addString(key);
        slot.length = static_cast<std::uint32_t>(length);
        slot.head = head;
        slot.valid = true;
        return slot.offset;
    }

    // Writes the value of e into node index. A container first reserves one block for all its
    // children (simdjson knows the count), then fills them, so every child range is contiguous.
    void fill(std::uint32_t index, simdjson::dom::element e, std::uint32_t keyOffset, std::uint32_t keyLength)
    {
        using simdjson::dom::element_type;
        if (keyLength > kMaxKeyLength) {
            throw std::length_error("key too long");
        }
        JsonNodeRecord *n = m_data->nodes + index;
        n->keyOffset = keyOffset;
        const std::uint32_t key = keyLength << 5;
        switch (e.type()) {
        case element_type::NULL_VALUE:
            n->meta = key | std::uint32_t(JsonNode::Type::Null);
            n->v.u = 0;
            break;
        case element_type::BOOL:
            n->meta = key | std::uint32_t(JsonNode::Type::Bool);
            n->v.u = 0;
            n->v.b = e.get_bool().value_unsafe();
            break;
        case element_type::INT64:
            n->meta = key | std::uint32_t(JsonNode::Type::Number) | (detail::NumberInt64 << 3);
            n->v.i = e.get_int64().value_unsafe();
            break;
        case element_type::UINT64:
            n->meta = key | std::uint32_t(JsonNode::Type::Number) | (detail::NumberUInt64 << 3);
            n->v.u = e.get_uint64().value_unsafe();
            break;
        case element_type::DOUBLE:
            n->meta = key | std::uint32_t(JsonNode::Type::Number) | (detail::NumberDouble << 3);
            n->v.d = e.get_double().value_unsafe();
            break;
        case element_type::STRING: {
            const std::string_view str = e.get_string().value_unsafe();
            n->meta = key | std::uint32_t(JsonNode::Type::String);
            n->v.str.offset = addString(str);
            n->v.str.length = static_cast<std::uint32_t>(str.size());
            break;
        }
        case element_type::ARRAY: {
            const simdjson::dom::array array = e.get_array().value_unsafe();
            const std::uint32_t first = openContainer(index, JsonNode::Type::Array, key, elementCount(array));
            std::uint32_t child = first;
            for (const simdjson::dom::element c : array) {
                fill(child++, c, 0, 0);
            }
            break;
        }
        case element_type::OBJECT: {
            const simdjson::dom::object object = e.get_object().value_unsafe();
            const std::uint32_t first = openContainer(index, JsonNode::Type::Object, key, elementCount(object));
            std::uint32_t child = first;
            for (const simdjson::dom::key_value_pair member : object) {
                fill(child++, member.value, addKey(member.key), static_cast<std::uint32_t>(member.key.size()));
            }
            break;
        }
        }
    }

    // simdjson stores element counts in 24 bits and reports 0xFFFFFF for anything bigger; those rare
    // containers are counted by walking them.
    template<typename Container>
    static std::size_t elementCount(const Container &container)
    {
        const std::size_t stored = container.size();
        if (stored < simdjson::internal::JSON_COUNT_MASK) {
            return stored;
        }
        return std::size_t(std::distance(container.begin(), container.end()));
    }

    // Reserves the block for a container's children (simdjson knows their number) before they are
    // filled, so every child range is contiguous; the block table remembers the owner.
    std::uint32_t openContainer(std::uint32_t index, JsonNode::Type type, std::uint32_t key, std::size_t count)
    {
        const std::uint32_t first = count ? allocate(count) : 0;
        if (count) {
            m_data->blocks.push_back(detail::ChildBlock {first, index});
        }
        JsonNodeRecord *n = m_data->nodes + index; // allocate() may have moved the nodes
        n->meta = key | std::uint32_t(type);
        n->v.range.first = first;
        n->v.range.count = static_cast<std::uint32_t>(count);
        return first;
    }

    struct KeySlot {
        std::uint64_t head = 0;
        std::uint32_t offset = 0;
        std::uint32_t length = 0;
        bool valid = false;
    };
    static constexpr int kKeyCacheBits = 8;
    static constexpr std::size_t kKeyCacheSize = std::size_t(1) << kKeyCacheBits;
    static constexpr std::size_t kShortString = 32;

    std::shared_ptr<JsonTreeData> m_data = std::make_shared<JsonTreeData>();
    std::size_t m_nodeCapacity = 0;
    KeySlot m_keyCache[kKeyCacheSize];
};

simdjson::dom::parser &threadParser()
{
    // A parser keeps its buffers between documents; one per thread avoids re-allocating them per reply.
    thread_local simdjson::dom::parser parser;
    return parser;
}

QString simdjsonMessage(simdjson::error_code code)
{
    return QString::fromUtf8(simdjson::error_message(code));
}

// simdjson reports no position; Qt's own parser does. Used only on the error path.
qsizetype locateError(QByteArrayView json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) {
        return error.offset;
    }
    return -1;
}

// First raw control character or bad escape inside a string literal: JSON forbids both, Qt's
// parser tolerates them, so its error position cannot be used for these.
qsizetype locateStringError(QByteArrayView json)
{
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const auto c = static_cast<unsigned char>(json[i]);
        if (!inString) {
            inString = c == '"';
        } else if (c == '"') {
            inString = false;
        } else if (c < 0x20) {
            return i;
        } else if (c == '\\') {
            const char next = i + 1 < json.size() ? json[i + 1] : '\0';
            if (next == 'u') {
                for (qsizetype k = i + 2; k < i + 6; ++k) {
                    if (k >= json.size() || !std::isxdigit(static_cast<unsigned char>(json[k]))) {
                        return i;
                    }
                }
            } else if (!std::strchr("\"\\/bfnrt", next) || next == '\0') {
                return i;
            }
            ++i;
        }
    }
    return -1;
}

const JsonNodeRecord *record(const JsonTreeData *d, qsizetype index)
{
    return d->nodes + index;
}

void appendEscaped(QByteArray &out, QUtf8StringView s)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    const char *p = s.data();
    const char *end = p + s.size();
    const char *run = p;
    for (; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        default: {
            const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(esc, 6);
        }
        }
    }
    out.append(run, end - run);
    out.append('"');
}

void appendNumber(QByteArray &out, const JsonNodeRecord *n)
{
    char buf[32];
    std::to_chars_result r;
    switch (n->numberKind()) {
    case detail::NumberInt64:
        r = std::to_chars(buf, buf + sizeof buf, n->v.i);
        break;
    case detail::NumberUInt64:
        r = std::to_chars(buf, buf + sizeof buf, n->v.u);
        break;
    default:
        // Shortest text that reads back as the same double; JSON has no spelling for inf/nan
        // (simdjson never produces them).
        r = std::to_chars(buf, buf + sizeof buf, n->v.d);
        break;
    }
    out.append(buf, r.ptr - buf);
}

void appendJson(QByteArray &out, const JsonTreeData *d, std::uint32_t index)
{
    const JsonNodeRecord *n = record(d, index);
    switch (JsonNode::Type(n->type())) {
    case JsonNode::Type::Null:
        out.append("null", 4);
        break;
    case JsonNode::Type::Bool:
        n->v.b ? out.append("true", 4) : out.append("false", 5);
        break;
    case JsonNode::Type::Number:
        appendNumber(out, n);
        break;
    case JsonNode::Type::String:
        appendEscaped(out, QUtf8StringView(d->pool + n->v.str.offset, n->v.str.length));
        break;
    case JsonNode::Type::Array:
        out.append('[');
        for (std::uint32_t i = 0; i < n->v.range.count; ++i) {
            if (i) {
                out.append(',');
            }
            appendJson(out, d, n->v.range.first + i);
        }
        out.append(']');
        break;
    case JsonNode::Type::Object:
        out.append('{');
        for (std::uint32_t i = 0; i < n->v.range.count; ++i) {
            const JsonNodeRecord *c = record(d, n->v.range.first + i);
            if (i) {
                out.append(',');
            }
            appendEscaped(out, QUtf8StringView(d->pool + c->keyOffset, c->keyLength()));
            out.append(':');
            appendJson(out, d, n->v.range.first + i);
        }
        out.append('}');
        break;
    }
}

} // namespace

// ---- JsonParseError ----

JsonParseError::Position JsonParseError::position(QByteArrayView json) const
{
    if (offset < 0 || offset > json.size()) {
        return {};
    }
    Position pos {1, 1};
    for (qsizetype i = 0; i < offset; ++i) {
        if (json[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else {
            ++pos.column;
        }
    }
    return pos;
}

// ---- JsonNode ----

JsonNode::Type JsonNode::type() const
{
    return m_data ? Type(record(m_data, m_index)->type()) : Type::Null;
}

qsizetype JsonNode::size() const
{
    if (!m_data) {
        return 0;
    }
    const JsonNodeRecord *n = record(m_data, m_index);
    return (n->type() == std::uint8_t(Type::Array) || n->type() == std::uint8_t(Type::Object)) ? n->v.range.count : 0;
}

JsonNode JsonNode::at(qsizetype i) const
{
    if (i < 0 || i >= size()) {
        return {};
    }
    return JsonNode(m_data, record(m_data, m_index)->v.range.first + i);
}

QUtf8StringView JsonNode::keyView(qsizetype i) const
{
    if (!isObject() || i < 0 || i >= size()) {
        return {};
    }
    const JsonNodeRecord *c = record(m_data, record(m_data, m_index)->v.range.first + i);
    return QUtf8StringView(m_data->pool + c->keyOffset, c->keyLength());
}

QString JsonNode::key(qsizetype i) const
{
    return keyView(i).toString();
}

qsizetype JsonNode::indexOf(QAnyStringView key) const
{
    if (!isObject()) {
        return -1;
    }
    const JsonNodeRecord *n = record(m_data, m_index);
    const JsonNodeRecord *c = record(m_data, n->v.range.first);
    // Keys are stored as UTF-8. An ASCII needle (the common case) is compared byte-wise; anything
    // else goes through Qt's general comparison.
    char ascii[64];
    QByteArrayView needle;
    bool bytewise = key.visit([&](auto view) {
        using View = decltype(view);
        if constexpr (std::is_same_v<View, QUtf8StringView>) {
            needle = QByteArrayView(view.data(), view.size());
            return true;
        } else {
            if (view.size() > qsizetype(sizeof ascii)) {
                return false;
            }
            for (qsizetype i = 0; i < view.size(); ++i) {
                const auto ch = static_cast<char16_t>(view[i].unicode());
                if (ch >= 0x80) {
                    return false;
                }
                ascii[i] = char(ch);
            }
            needle = QByteArrayView(ascii, view.size());
            return true;
        }
    });
    if (bytewise) {
        for (std::uint32_t i = 0; i < n->v.range.count; ++i, ++c) {
            if (c->keyLength() == std::uint32_t(needle.size())
                && std::memcmp(m_data->pool + c->keyOffset, needle.data(), c->keyLength()) == 0) {
                return i;
            }
        }
        return -1;
    }
    for (std::uint32_t i = 0; i < n->v.range.count; ++i, ++c) {
        if (QAnyStringView::equal(QUtf8StringView(m_data->pool + c->keyOffset, c->keyLength()), key)) {
            return i;
        }
    }
    return -1;
}

JsonNode JsonNode::value(QAnyStringView key) const
{
    const qsizetype i = indexOf(key);
    return i < 0 ? JsonNode() : JsonNode(m_data, record(m_data, m_index)->v.range.first + i);
}

QUtf8StringView JsonNode::ownKey() const
{
    if (!m_data) {
        return {};
    }
    const JsonNodeRecord *n = record(m_data, m_index);
    return QUtf8StringView(m_data->pool + n->keyOffset, n->keyLength());
}

namespace {

const detail::ChildBlock *blockOf(const JsonTreeData *d, qsizetype index)
{
    if (index <= 0) {
        return nullptr;
    }
    const auto it = std::upper_bound(d->blocks.begin(), d->blocks.end(), std::uint32_t(index),
        [](std::uint32_t i, const detail::ChildBlock &b) { return i < b.first; });
    return it == d->blocks.begin() ? nullptr : &*(it - 1);
}

} // namespace

JsonNode JsonNode::parent() const
{
    const detail::ChildBlock *block = m_data ? blockOf(m_data, m_index) : nullptr;
    return block ? JsonNode(m_data, block->owner) : JsonNode();
}

qsizetype JsonNode::row() const
{
    const detail::ChildBlock *block = m_data ? blockOf(m_data, m_index) : nullptr;
    return block ? m_index - block->first : 0;
}

QUtf8StringView JsonNode::stringView() const
{
    if (!isString()) {
        return {};
    }
    const JsonNodeRecord *n = record(m_data, m_index);
    return QUtf8StringView(m_data->pool + n->v.str.offset, n->v.str.length);
}

QString JsonNode::toString() const
{
    return stringView().toString();
}

double JsonNode::toDouble(double defaultValue) const
{
    if (!isNumber()) {
        return defaultValue;
    }
    const JsonNodeRecord *n = record(m_data, m_index);
    switch (n->numberKind()) {
    case detail::NumberInt64:
        return double(n->v.i);
    case detail::NumberUInt64:
        return double(n->v.u);
    default:
        return n->v.d;
    }
}

std::int64_t JsonNode::toInt64(std::int64_t defaultValue) const
{
    if (!isNumber()) {
        return defaultValue;
    }
    const JsonNodeRecord *n = record(m_data, m_index);
    switch (n->numberKind()) {
    case detail::NumberInt64:
        return n->v.i;
    case detail::NumberUInt64:
        return defaultValue;
    default: {
        const double d = n->v.d;
        // 2^63 itself is not representable as int64, hence the strict upper bound.
        if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && double(std::int64_t(d)) == d) {
            return std::int64_t(d);
        }
        return defaultValue;
    }
    }
}

bool JsonNode::isInteger() const
{
    return isNumber() && record(m_data, m_index)->numberKind() == detail::NumberInt64;
}

bool JsonNode::toBool(bool defaultValue) const
{
    return isBool() ? record(m_data, m_index)->v.b : defaultValue;
}

QJsonValue JsonNode::toQJsonValue() const
{
    switch (type()) {
    case Type::Null:
        return m_data ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonValue::Undefined);
    case Type::Bool:
        return QJsonValue(toBool());
    case Type::Number:
        return isInteger() ? QJsonValue(qint64(toInt64())) : QJsonValue(toDouble());
    case Type::String:
        return QJsonValue(toString());
    case Type::Array: {
        QJsonArray a;
        for (qsizetype i = 0, n = size(); i < n; ++i) {
            a.append(at(i).toQJsonValue());
        }
        return a;
    }
    case Type::Object: {
        QJsonObject o;
        for (qsizetype i = 0, n = size(); i < n; ++i) {
            o.insert(key(i), at(i).toQJsonValue());
        }
        return o;
    }
    }
    return {};
}

QByteArray JsonNode::toJson() const
{
    QByteArray out;
    if (m_data) {
        appendJson(out, m_data, std::uint32_t(m_index));
    }
    return out;
}

// ---- JsonTree ----

std::expected<JsonTree, JsonParseError> JsonTree::parse(QByteArray json)
{
    // simdjson reads up to SIMDJSON_PADDING bytes past the end (their contents do not matter). A reply
    // read from the network usually has that much spare capacity; then it is parsed in place. Shared
    // data may be read too, since nothing is written.
    const bool padded = json.capacity() - json.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
    return parseBuffer(json.constData(), json.size(), padded);
}

std::expected<JsonTree, JsonParseError> JsonTree::parse(QByteArrayView json)
{
    return parseBuffer(json.data(), json.size(), false);
}

std::expected<JsonTree, JsonParseError> JsonTree::parseBuffer(const char *begin, qsizetype length, bool padded)
{
    const std::size_t size = std::size_t(length);
    if (size > kMaxInput) {
        return std::unexpected(JsonParseError {-1, QStringLiteral("document larger than 4 GiB")});
    }
    QElapsedTimer timer;
    timer.start();

    // The parser keeps its buffers (a few bytes per input byte) between documents, which saves
    // faulting them in again for every reply. Pool threads expire after a while of idleness, and
    // their parsers with them, so the memory is not held forever. Unpadded input is copied into the
    // parser's own (equally reused) buffer.
    simdjson::dom::parser &parser = threadParser();
    JsonTree tree;
    try {
        simdjson::dom::element root;
        if (const auto code = parser.parse(begin, size, !padded).get(root)) {
            // simdjson reports no position; Qt's parser does, on this slow path only.
            const QByteArrayView bytes(begin, length);
            qsizetype offset = locateError(bytes);
            if (offset < 0) {
                offset = locateStringError(bytes);
            }
            JsonParseError error {std::min(offset, length), simdjsonMessage(code)};
            qCDebug(lcJson) << "parse failed at" << error.offset << error.message;
            return std::unexpected(std::move(error));
        }
        TreeBuilder builder(size);
        builder.build(root);
        tree.m_data = builder.take();
    } catch (const std::bad_alloc &) {
        return std::unexpected(JsonParseError {-1, QStringLiteral("out of memory")});
    } catch (const std::length_error &) {
        return std::unexpected(JsonParseError {-1, QStringLiteral("object key longer than 128 MiB")});
    }
    qCDebug(lcJson) << "decoded" << size << "bytes into" << tree.nodeCount() << "nodes in"
                    << timer.nsecsElapsed() / 1000 << "us";
    return tree;
}

JsonNode JsonTree::root() const
{
    return m_data ? JsonNode(m_data.get(), 0) : JsonNode();
}

JsonNode JsonTree::node(qsizetype index) const
{
    if (!m_data || index < 0 || index >= qsizetype(m_data->nodeCount)) {
        return {};
    }
    return JsonNode(m_data.get(), index);
}

qsizetype JsonTree::nodeCount() const
{
    return m_data ? qsizetype(m_data->nodeCount) : 0;
}

qsizetype JsonTree::byteSize() const
{
    if (!m_data) {
        return 0;
    }
    return qsizetype(sizeof(JsonTreeData) + m_data->nodeBytes + m_data->poolBytes
        + m_data->blocks.capacity() * sizeof(detail::ChildBlock));
}

// ---- decodeJsonAsync ----

namespace {

// Lives on the context's thread as its child. The worker may post to it only while holding the
// lock, and the destructor clears the pointer under the same lock, so a post never races with the
// receiver's destruction; events already posted are discarded by Qt when the receiver dies.
struct DeliveryState {
    QMutex mutex;
    QObject *receiver = nullptr;
};

class DeliveryReceiver final : public QObject {
public:
    DeliveryReceiver(std::shared_ptr<DeliveryState> state, QObject *parent)
        : QObject(parent)
        , m_state(std::move(state))
    {
        m_state->receiver = this;
    }
    ~DeliveryReceiver() override
    {
        QMutexLocker lock(&m_state->mutex);
        m_state->receiver = nullptr;
    }

private:
    std::shared_ptr<DeliveryState> m_state;
};

} // namespace

void decodeJsonAsync(
    QByteArray json, QObject *context, std::function<void(std::expected<JsonTree, JsonParseError>)> done)
{
    Q_ASSERT(context);
    auto state = std::make_shared<DeliveryState>();
    auto *receiver = new DeliveryReceiver(state, context);

    QThreadPool::globalInstance()->start([state, json = std::move(json), done = std::move(done)]() mutable {
        auto result = JsonTree::parse(std::move(json));
        QMutexLocker lock(&state->mutex);
        if (!state->receiver) {
            return;
        }
        QObject *receiver = state->receiver;
        QMetaObject::invokeMethod(
            receiver,
            [receiver, result = std::move(result), done = std::move(done)]() mutable {
                receiver->deleteLater();
                done(std::move(result));
            },
            Qt::QueuedConnection);
    });
    Q_UNUSED(receiver)
}

} // namespace instant
