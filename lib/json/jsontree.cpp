#include "json/jsontree.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>
#include <new>
#include <utility>
#include <vector>

#include <simdjson.h>

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

// The tree keeps simdjson's own document (its tape and string buffer) and adds one record per value:
// the position of its tape entry, in an order where the children of every container sit next to each
// other. A container's children are nodes [first, first + count); first replaces the end position in
// the low 32 bits of the container's tape entry (the count stays in bits 32-55), so the record of a
// value is 4 bytes.
using NodeRecord = std::uint32_t;

// Where the children of one container sit. Blocks are allocated in index order and tile
// [1, nodeCount), so the block holding a node, and with it the node's parent, is a binary search away.
struct ChildBlock {
    std::uint32_t first;
    std::uint32_t owner;
};

// Large buffers of trees that died, kept for a short while for the next big decode. Faulting in
// fresh pages costs about as much as parsing on many machines; a live query replaces its result with
// a full snapshot on every change, so the previous tree's memory is usually what the next one needs.
// Bounded in size and in age; small buffers are never kept. Item is either a malloc'ed block (sizes in
// bytes) or a simdjson document (sizes in input bytes it can hold; it uses 2-3 times that in memory).
template<typename Item, std::size_t MaxTotal>
class RecycleBin {
public:
    static constexpr std::size_t kMinSize = 1024 * 1024;
    static constexpr std::size_t kMaxTotal = MaxTotal;
    static constexpr auto kMaxAge = std::chrono::seconds(20);

    static RecycleBin &instance()
    {
        static RecycleBin bin;
        return bin;
    }
    ~RecycleBin() { s_alive.store(false); }

    /** Takes a kept item of at least size (and at most twice that, so a small decode does not pin a big one). */
    static bool take(std::size_t size, Item &item, std::size_t &capacity)
    {
        if (size < kMinSize || !s_alive.load()) {
            return false;
        }
        RecycleBin &bin = instance();
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
    static bool keep(Item &item, std::size_t capacity)
    {
        if (capacity < kMinSize || capacity > kMaxTotal || !s_alive.load()) {
            return false;
        }
        RecycleBin &bin = instance();
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
        Item item;
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

using BlockBin = RecycleBin<MallocBlock, 64 * 1024 * 1024>;
using DocumentBin = RecycleBin<simdjson::dom::document, 96 * 1024 * 1024>;

// A block of at least size bytes (capacity set to its real size); nullptr if out of memory.
void *acquireBlock(std::size_t size, std::size_t &capacity)
{
    MallocBlock block;
    if (BlockBin::take(size, block, capacity)) {
        return std::exchange(block.data, nullptr);
    }
    capacity = size;
    return std::malloc(std::max<std::size_t>(size, 1));
}

void releaseBlock(void *data, std::size_t capacity)
{
    MallocBlock block(data);
    BlockBin::keep(block, capacity);
}

// A document whose buffers hold an input of length bytes: a kept one, or a fresh one. Fresh buffers are
// not advised for transparent huge pages: on loaded machines the kernel then often stalls compacting
// memory, and a first decode took 3-4 times longer than with plain pages in about half of the runs.
bool acquireDocument(simdjson::dom::document &doc, std::size_t length)
{
    std::size_t capacity = 0;
    if (DocumentBin::take(length, doc, capacity)) {
        return true;
    }
    return doc.allocate(std::max<std::size_t>(length, simdjson::dom::MINIMAL_DOCUMENT_CAPACITY)) == simdjson::SUCCESS;
}

struct JsonTreeData {
    simdjson::dom::document doc;
    const std::uint64_t *tape = nullptr;
    const std::uint8_t *strings = nullptr;
    NodeRecord *nodes = nullptr;
    std::uint32_t nodeCount = 0;
    std::size_t nodeBytes = 0;
    std::size_t tapeLength = 0;
    std::size_t stringBytes = 0;
    ChildBlock *blocks = nullptr;
    std::uint32_t blockCount = 0;
    std::size_t blockBytes = 0;
    // Containers with more children than the tape can count (2^24 - 1 or more): node index and count.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> bigCounts;

    JsonTreeData() = default;
    JsonTreeData(const JsonTreeData &) = delete;
    JsonTreeData &operator=(const JsonTreeData &) = delete;
    ~JsonTreeData()
    {
        DocumentBin::keep(doc, doc.capacity());
        releaseBlock(nodes, nodeBytes);
        releaseBlock(blocks, blockBytes);
    }
};

} // namespace detail

using detail::ChildBlock;
using detail::JsonTreeData;
using detail::NodeRecord;

namespace {

// Inputs and trees are addressed with 32-bit offsets; that bounds a document to 4 GiB.
constexpr std::size_t kMaxInput = std::numeric_limits<std::uint32_t>::max() - simdjson::SIMDJSON_PADDING;
constexpr std::uint64_t kPayloadMask = simdjson::internal::JSON_VALUE_MASK;
constexpr std::uint32_t kCountMask = simdjson::internal::JSON_COUNT_MASK;

char tapeType(std::uint64_t word)
{
    return char(word >> 56);
}

constexpr auto kScalarWidth = [] {
    std::array<std::uint8_t, 256> width {};
    width.fill(1);
    width['l'] = width['u'] = width['d'] = 2;
    return width;
}();

// simdjson stores element counts in 24 bits and saturates; those rare containers are counted by
// skipping over their children (each container entry knows where it ends).
std::uint32_t countChildren(const std::uint64_t *tape, std::uint32_t pos)
{
    const bool object = tapeType(tape[pos]) == '{';
    const auto close = std::uint32_t(tape[pos]) - 1;
    std::uint32_t count = 0;
    for (std::uint32_t p = pos + 1; p < close; ++count) {
        p += object ? 1 : 0;
        switch (tapeType(tape[p])) {
        case '[':
        case '{':
            p = std::uint32_t(tape[p]);
            break;
        case 'l':
        case 'u':
        case 'd':
            p += 2;
            break;
        default:
            p += 1;
            break;
        }
    }
    return count;
}

// One linear pass over the tape. Values are numbered so that the children of each container get
// consecutive indices, reserved when the container is reached (simdjson stores the count), and
// filled as the walk meets them; a stack of open containers says which index comes next.
void indexTape(JsonTreeData &d)
{
    std::uint64_t *tape = d.doc.tape.get();
    const auto tapeEnd = std::uint32_t(tape[0] & kPayloadMask); // the closing root entry
    d.tapeLength = std::size_t(tapeEnd) + 1;

    // Every value has at least one tape entry, so tapeEnd nodes are always enough.
    d.nodes = static_cast<NodeRecord *>(detail::acquireBlock(tapeEnd * sizeof(NodeRecord), d.nodeBytes));
    // Every container takes two tape entries (open and close), which bounds the blocks.
    d.blocks = static_cast<ChildBlock *>(detail::acquireBlock((tapeEnd / 2 + 1) * sizeof(ChildBlock), d.blockBytes));
    if (!d.nodes || !d.blocks) {
        throw std::bad_alloc();
    }
    ChildBlock *blocks = d.blocks;

    // simdjson refuses documents nested deeper than the parser's maximum depth.
    struct Frame {
        std::uint32_t next;
        std::uint32_t object;
    };
    std::vector<Frame> frames(simdjson::DEFAULT_MAX_DEPTH + 2);
    Frame *const bottom = frames.data();
    Frame *top = bottom; // one past the innermost open container
    NodeRecord *nodes = d.nodes;
    std::uint32_t pos = 1;
    std::uint32_t index = 0;
    std::uint32_t count = 1;
    std::uint32_t lastString = 0;
    for (;;) {
        const std::uint64_t word = tape[pos];
        const char type = tapeType(word);
        nodes[index] = pos;
        if (type == '[' || type == '{') {
            auto children = std::uint32_t((word >> 32) & kCountMask);
            if (children == kCountMask) [[unlikely]] {
                children = countChildren(tape, pos);
                d.bigCounts.emplace_back(index, children);
            }
            // From here on the tape entry says where the children are instead of where the container ends.
            tape[pos] = (word & ~std::uint64_t(0xFFFFFFFF)) | count;
            if (children == 0) {
                pos = std::uint32_t(word);
            } else {
                *blocks++ = ChildBlock {count, index};
                *top++ = Frame {count, type == '{'};
                count += children;
                ++pos;
            }
        } else {
            // Numbers take two tape entries, everything else one; a table avoids a hard-to-predict branch.
            lastString = type == '"' ? pos : lastString;
            pos += kScalarWidth[std::uint8_t(type)];
        }

        // Close finished containers, step over the key of an object member, and find the next value.
        while (top != bottom && (tapeType(tape[pos]) == ']' || tapeType(tape[pos]) == '}')) {
            --top;
            ++pos;
        }
        if (top == bottom) {
            break;
        }
        if (top[-1].object) {
            lastString = pos;
            ++pos;
        }
        index = top[-1].next++;
    }
    d.nodeCount = count;
    d.blockCount = std::uint32_t(blocks - d.blocks);

    // The string buffer is filled in tape order: its used part ends behind the last string (or key).
    if (lastString) {
        const std::size_t offset = tape[lastString] & kPayloadMask;
        std::uint32_t length = 0;
        std::memcpy(&length, d.strings + offset, sizeof length);
        d.stringBytes = offset + sizeof length + length + 1;
    }
}

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

std::uint64_t tapeWord(const JsonTreeData *d, qsizetype index)
{
    return d->tape[d->nodes[index]];
}

qsizetype firstChild(const JsonTreeData *d, qsizetype index)
{
    return std::uint32_t(tapeWord(d, index));
}

// Strings in simdjson's buffer: a 32-bit length, the UTF-8 bytes, a terminating zero.
QUtf8StringView tapeString(const JsonTreeData *d, std::uint64_t word)
{
    const std::uint8_t *p = d->strings + (word & kPayloadMask);
    std::uint32_t length = 0;
    std::memcpy(&length, p, sizeof length);
    return QUtf8StringView(reinterpret_cast<const char *>(p + sizeof length), qsizetype(length));
}

// The key of an object member is the tape entry right before its value.
QUtf8StringView memberKey(const JsonTreeData *d, qsizetype index)
{
    return tapeString(d, d->tape[d->nodes[index] - 1]);
}

JsonNode::Type typeOf(std::uint64_t word)
{
    switch (tapeType(word)) {
    case '[':
        return JsonNode::Type::Array;
    case '{':
        return JsonNode::Type::Object;
    case '"':
        return JsonNode::Type::String;
    case 'l':
    case 'u':
    case 'd':
        return JsonNode::Type::Number;
    case 't':
    case 'f':
        return JsonNode::Type::Bool;
    default:
        return JsonNode::Type::Null;
    }
}

bool isContainer(std::uint64_t word)
{
    return tapeType(word) == '[' || tapeType(word) == '{';
}

qsizetype childCount(const JsonTreeData *d, qsizetype index, std::uint64_t word)
{
    const auto stored = std::uint32_t((word >> 32) & kCountMask);
    if (stored < kCountMask) {
        return stored;
    }
    for (const auto &[node, count] : d->bigCounts) {
        if (node == index) {
            return count;
        }
    }
    return 0;
}

// The second tape entry of a number holds its 64 bits.
std::uint64_t numberBits(const JsonTreeData *d, qsizetype index)
{
    return d->tape[d->nodes[index] + 1];
}

void appendEscaped(QByteArray &out, QUtf8StringView s);

void appendNumber(QByteArray &out, const JsonTreeData *d, qsizetype index)
{
    char buf[32];
    std::to_chars_result r;
    const std::uint64_t bits = numberBits(d, index);
    switch (tapeType(tapeWord(d, index))) {
    case 'l':
        r = std::to_chars(buf, buf + sizeof buf, std::int64_t(bits));
        break;
    case 'u':
        r = std::to_chars(buf, buf + sizeof buf, bits);
        break;
    default:
        // Shortest text that reads back as the same double; JSON has no spelling for inf/nan
        // (simdjson never produces them).
        r = std::to_chars(buf, buf + sizeof buf, std::bit_cast<double>(bits));
        break;
    }
    out.append(buf, r.ptr - buf);
}

void appendJson(QByteArray &out, const JsonTreeData *d, qsizetype index)
{
    const std::uint64_t word = tapeWord(d, index);
    switch (tapeType(word)) {
    case '[': {
        out.append('[');
        const qsizetype first = std::uint32_t(word);
        for (qsizetype i = 0, n = childCount(d, index, word); i < n; ++i) {
            if (i) {
                out.append(',');
            }
            appendJson(out, d, first + i);
        }
        out.append(']');
        break;
    }
    case '{': {
        out.append('{');
        const qsizetype first = std::uint32_t(word);
        for (qsizetype i = 0, n = childCount(d, index, word); i < n; ++i) {
            if (i) {
                out.append(',');
            }
            appendEscaped(out, memberKey(d, first + i));
            out.append(':');
            appendJson(out, d, first + i);
        }
        out.append('}');
        break;
    }
    case '"':
        appendEscaped(out, tapeString(d, word));
        break;
    case 'l':
    case 'u':
    case 'd':
        appendNumber(out, d, index);
        break;
    case 't':
        out.append("true", 4);
        break;
    case 'f':
        out.append("false", 5);
        break;
    default:
        out.append("null", 4);
        break;
    }
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

const ChildBlock *blockOf(const JsonTreeData *d, qsizetype index)
{
    if (index <= 0) {
        return nullptr;
    }
    const ChildBlock *begin = d->blocks;
    const ChildBlock *it = std::upper_bound(begin, begin + d->blockCount, std::uint32_t(index),
        [](std::uint32_t i, const ChildBlock &b) { return i < b.first; });
    return it == begin ? nullptr : it - 1;
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
    return m_data ? typeOf(tapeWord(m_data, m_index)) : Type::Null;
}

qsizetype JsonNode::size() const
{
    if (!m_data) {
        return 0;
    }
    const std::uint64_t word = tapeWord(m_data, m_index);
    return isContainer(word) ? childCount(m_data, m_index, word) : 0;
}

JsonNode JsonNode::at(qsizetype i) const
{
    if (i < 0 || i >= size()) {
        return {};
    }
    return JsonNode(m_data, firstChild(m_data, m_index) + i);
}

QUtf8StringView JsonNode::keyView(qsizetype i) const
{
    if (!isObject() || i < 0 || i >= size()) {
        return {};
    }
    return memberKey(m_data, firstChild(m_data, m_index) + i);
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
    const qsizetype first = firstChild(m_data, m_index);
    const qsizetype count = size();
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
        for (qsizetype i = 0; i < count; ++i) {
            const QUtf8StringView k = memberKey(m_data, first + i);
            if (k.size() == needle.size() && std::memcmp(k.data(), needle.data(), std::size_t(k.size())) == 0) {
                return i;
            }
        }
        return -1;
    }
    for (qsizetype i = 0; i < count; ++i) {
        if (QAnyStringView::equal(memberKey(m_data, first + i), key)) {
            return i;
        }
    }
    return -1;
}

JsonNode JsonNode::value(QAnyStringView key) const
{
    const qsizetype i = indexOf(key);
    return i < 0 ? JsonNode() : JsonNode(m_data, firstChild(m_data, m_index) + i);
}

QUtf8StringView JsonNode::ownKey() const
{
    const JsonNode p = parent();
    return p.isObject() ? memberKey(m_data, m_index) : QUtf8StringView();
}

JsonNode JsonNode::parent() const
{
    const ChildBlock *block = m_data ? blockOf(m_data, m_index) : nullptr;
    return block ? JsonNode(m_data, block->owner) : JsonNode();
}

qsizetype JsonNode::row() const
{
    const ChildBlock *block = m_data ? blockOf(m_data, m_index) : nullptr;
    return block ? m_index - block->first : 0;
}

QUtf8StringView JsonNode::stringView() const
{
    if (!m_data) {
        return {};
    }
    const std::uint64_t word = tapeWord(m_data, m_index);
    return tapeType(word) == '"' ? tapeString(m_data, word) : QUtf8StringView();
}

QString JsonNode::toString() const
{
    return stringView().toString();
}

double JsonNode::toDouble(double defaultValue) const
{
    if (!m_data) {
        return defaultValue;
    }
    switch (tapeType(tapeWord(m_data, m_index))) {
    case 'l':
        return double(std::int64_t(numberBits(m_data, m_index)));
    case 'u':
        return double(numberBits(m_data, m_index));
    case 'd':
        return std::bit_cast<double>(numberBits(m_data, m_index));
    default:
        return defaultValue;
    }
}

std::int64_t JsonNode::toInt64(std::int64_t defaultValue) const
{
    if (!m_data) {
        return defaultValue;
    }
    switch (tapeType(tapeWord(m_data, m_index))) {
    case 'l':
        return std::int64_t(numberBits(m_data, m_index));
    case 'd': {
        const double d = std::bit_cast<double>(numberBits(m_data, m_index));
        // 2^63 itself is not representable as int64, hence the strict upper bound.
        if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && double(std::int64_t(d)) == d) {
            return std::int64_t(d);
        }
        return defaultValue;
    }
    default:
        return defaultValue;
    }
}

bool JsonNode::isInteger() const
{
    return m_data && tapeType(tapeWord(m_data, m_index)) == 'l';
}

bool JsonNode::toBool(bool defaultValue) const
{
    if (!m_data) {
        return defaultValue;
    }
    const char t = tapeType(tapeWord(m_data, m_index));
    return t == 't' ? true : (t == 'f' ? false : defaultValue);
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
        appendJson(out, m_data, m_index);
    }
    return out;
}

// ---- JsonTree ----

std::expected<JsonTree, JsonParseError> JsonTree::parse(QByteArray json)
{
    // simdjson reads up to SIMDJSON_PADDING bytes past the end (their contents do not matter). A reply
    // read from the network often has that much spare capacity; then it is parsed in place. An array
    // owned by nobody else is grown instead, which for big blocks remaps pages rather than copying
    // them, while copying into the parser's buffer touches every byte. Shared or raw data is only read.
    const auto padding = qsizetype(simdjson::SIMDJSON_PADDING);
    if (json.capacity() - json.size() < padding && json.isDetached() && std::size_t(json.size()) <= kMaxInput) {
        json.reserve(json.size() + padding);
    }
    const bool padded = json.capacity() - json.size() >= padding;
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

    // The tree keeps the document simdjson writes (tape and strings) instead of copying it; only the
    // per-value index is built on top. The parser's scratch buffers stay with the thread; pool threads
    // expire after a while of idleness, and their parsers with them. Unpadded input is copied into
    // the parser's own (equally reused) buffer.
    JsonTree tree;
    qint64 parseTime = 0;
    try {
        auto data = std::make_shared<JsonTreeData>();
        if (!detail::acquireDocument(data->doc, size)) {
            throw std::bad_alloc();
        }
        simdjson::dom::parser &parser = threadParser();
        simdjson::dom::element root;
        if (const auto code = parser.parse_into_document(data->doc, begin, size, !padded).get(root)) {
            if (code == simdjson::MEMALLOC) {
                throw std::bad_alloc();
            }
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
        parseTime = timer.nsecsElapsed();
        data->tape = data->doc.tape.get();
        data->strings = data->doc.string_buf.get();
        indexTape(*data);
        tree.m_data = std::move(data);
    } catch (const std::bad_alloc &) {
        return std::unexpected(JsonParseError {-1, QStringLiteral("out of memory")});
    }
    qCDebug(lcJson) << "decoded" << size << "bytes into" << tree.nodeCount() << "nodes in"
                    << timer.nsecsElapsed() / 1000 << "us, simdjson" << parseTime / 1000 << "us";
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
    // What is in use: buffers are reserved for the worst case, but pages never written cost nothing.
    return qsizetype(sizeof(JsonTreeData) + m_data->tapeLength * sizeof(std::uint64_t) + m_data->stringBytes
        + m_data->nodeCount * sizeof(NodeRecord) + m_data->blockCount * sizeof(ChildBlock));
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
