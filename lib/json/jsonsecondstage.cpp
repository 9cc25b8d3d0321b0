#include "json/jsonsecondstage.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>
#include <limits>
#include <new>
#include <utility>

#include <QtGlobal>

// x86-64 processors all have SSE2; wider instructions are chosen at run time.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define INSTANT_JSON_X86_DISPATCH
#include <immintrin.h>
#endif

#include "json/blockbin.h"

namespace instant::detail {

namespace {

bool isWhitespace(std::uint8_t c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isDigit(std::uint8_t c)
{
    return std::uint8_t(c - '0') < 10;
}

int hexValue(std::uint8_t c)
{
    if (isDigit(c)) {
        return c - '0';
    }
    const std::uint8_t lower = c | 0x20;
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
}

// The first byte at or after p that is not a digit, found eight bytes at a time. A byte is a digit when
// its high nibble is 3 and adding 6 keeps it so. Reads up to 7 bytes past that byte (the padding).
const std::uint8_t *skipDigits(const std::uint8_t *p)
{
    constexpr std::uint64_t kHighNibbles = 0xF0F0F0F0F0F0F0F0ull;
    constexpr std::uint64_t kThrees = 0x3030303030303030ull;
    constexpr std::uint64_t kSixes = 0x0606060606060606ull;
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
    for (;;) {
        std::uint64_t word = 0;
        std::memcpy(&word, p, sizeof word);
        // Zero bytes for digits. A carry out of a byte (only from bytes of 0xFA and up, never digits)
        // can spoil the bytes after it, but those come after the first non-digit anyway.
        const std::uint64_t misfit = ((word & kHighNibbles) ^ kThrees) | (((word + kSixes) & kHighNibbles) ^ kThrees);
        // The high bit of each non-zero byte, exactly.
        const std::uint64_t nonDigits = (((misfit & kLow7) + kLow7) | misfit) & ~kLow7;
        if (nonDigits) {
            return p + (std::countr_zero(nonDigits) >> 3);
        }
        p += 8;
    }
}

// The four hex digits of a \u escape at p, or -1.
int hexQuad(const std::uint8_t *p)
{
    const int a = hexValue(p[0]), b = hexValue(p[1]), c = hexValue(p[2]), d = hexValue(p[3]);
    return (a | b | c | d) < 0 ? -1 : (a << 12) | (b << 8) | (c << 4) | d;
}

// Writes cp as UTF-8 at out; returns the end. At most four bytes, never more than the escape it replaces.
char *appendUtf8(char *out, std::uint32_t cp)
{
    if (cp < 0x80) {
        *out++ = char(cp);
    } else if (cp < 0x800) {
        *out++ = char(0xC0 | (cp >> 6));
        *out++ = char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *out++ = char(0xE0 | (cp >> 12));
        *out++ = char(0x80 | ((cp >> 6) & 0x3F));
        *out++ = char(0x80 | (cp & 0x3F));
    } else {
        *out++ = char(0xF0 | (cp >> 18));
        *out++ = char(0x80 | ((cp >> 12) & 0x3F));
        *out++ = char(0x80 | ((cp >> 6) & 0x3F));
        *out++ = char(0x80 | (cp & 0x3F));
    }
    return out;
}

// Copies records into the node array. The array is written once, in order, and read much later, so on
// x86-64 streaming stores write it without first reading each cache line in (see drainStreamingStores()).
// Elsewhere, most blocks are small, and a loop beats a call to memcpy for them.
inline void copyRecords(NodeRecord *to, const NodeRecord *from, std::uint32_t count)
{
#if defined(INSTANT_JSON_X86_DISPATCH)
    static_assert(sizeof(NodeRecord) == sizeof(__m128i) && alignof(std::max_align_t) >= 16);
    auto *target = reinterpret_cast<__m128i *>(to);
    const auto *source = reinterpret_cast<const __m128i *>(from);
    for (std::uint32_t k = 0; k < count; ++k) {
        _mm_stream_si128(target + k, _mm_loadu_si128(source + k));
    }
#else
    if (count <= 16) {
        std::copy(from, from + count, to);
    } else {
        std::memcpy(to, from, count * sizeof(NodeRecord));
    }
#endif
}

// Streaming stores are weakly ordered: they must drain before another thread reads the nodes.
inline void drainStreamingStores()
{
#if defined(INSTANT_JSON_X86_DISPATCH)
    _mm_sfence();
#endif
}

// Appends the positions of the set bits of mask, bit 0 standing for position at.
inline void appendPositions(std::vector<std::uint32_t> &list, std::uint32_t at, std::uint64_t mask)
{
    while (mask) {
        list.push_back(at + std::uint32_t(std::countr_zero(mask)));
        mask &= mask - 1;
    }
}

#if defined(INSTANT_JSON_X86_DISPATCH)
__attribute__((target("avx2"))) std::uint32_t scanBackslashesAvx2(
    const std::uint8_t *input, std::uint32_t i, std::uint32_t end, std::vector<std::uint32_t> &list)
{
    const __m256i slash = _mm256_set1_epi8('\\');
    for (; end - i >= 64; i += 64) {
        const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(input + i));
        const __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(input + i + 32));
        const auto lowMask = std::uint32_t(_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, slash)));
        const auto highMask = std::uint32_t(_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, slash)));
        appendPositions(list, i, std::uint64_t(lowMask) | std::uint64_t(highMask) << 32);
    }
    return i;
}

std::uint32_t scanBackslashesSse2(
    const std::uint8_t *input, std::uint32_t i, std::uint32_t end, std::vector<std::uint32_t> &list)
{
    const __m128i slash = _mm_set1_epi8('\\');
    const auto matches = [&](std::uint32_t at) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(input + at));
        return std::uint64_t(std::uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, slash))));
    };
    for (; end - i >= 64; i += 64) {
        appendPositions(list, i, matches(i) | matches(i + 16) << 16 | matches(i + 32) << 32 | matches(i + 48) << 48);
    }
    return i;
}
#endif

// Appends the backslash positions of whole 64-byte blocks of [begin, end) to list; returns where the
// blocks end.
std::uint32_t scanBackslashes(
    const std::uint8_t *input, std::uint32_t begin, std::uint32_t end, std::vector<std::uint32_t> &list)
{
#if defined(INSTANT_JSON_X86_DISPATCH)
    static const auto scan = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") ? &scanBackslashesAvx2 : &scanBackslashesSse2;
    }();
    return scan(input, begin, end, list);
#else
    Q_UNUSED(input)
    Q_UNUSED(end)
    Q_UNUSED(list)
    return begin;
#endif
}

} // namespace

void JsonSecondStage::Scratch::release()
{
    // A very wide document should not pin its scratch memory for the thread's lifetime.
    constexpr std::size_t kKeep = 1 << 20;
    if (pending.capacity() > kKeep) {
        pending = {};
    }
    if (backslashes.capacity() > kKeep) {
        backslashes = {};
    }
    if (owners.capacity() > kKeep) {
        owners = {};
    }
}

JsonSecondStage::Scratch &JsonSecondStage::threadScratch()
{
    thread_local Scratch scratch;
    return scratch;
}

JsonSecondStage::JsonSecondStage(const char *input, std::uint32_t inputLength, std::uint32_t begin, std::uint32_t end,
    const std::uint32_t *structurals, std::uint32_t count, Part part, Scratch &scratch)
    : m_input(reinterpret_cast<const std::uint8_t *>(input))
    , m_inputLength(inputLength)
    , m_begin(begin)
    , m_end(end)
    , m_structurals(structurals)
    , m_count(count)
    , m_part(part)
    , m_scratch(scratch)
{ }

JsonSecondStage::~JsonSecondStage()
{
    m_out.release();
    m_scratch.release();
}

// Every value starts at a structural position, and any two values are apart by at least a comma or a
// closing bracket: n positions hold at most (n + 1) / 2 values, and at most n / 2 non-empty containers.
void JsonSecondStage::allocate(std::size_t structuralCount)
{
    const std::size_t maxNodes = (structuralCount + 1) / 2 + 1;
    m_out.nodes = static_cast<NodeRecord *>(acquireBlock(maxNodes * sizeof(NodeRecord), m_out.nodeBytes));
    if (!m_out.nodes) {
        throw std::bad_alloc();
    }
    m_out.nodeEnd = std::uint32_t(maxNodes);
    allocateBlocks(structuralCount);
}

void JsonSecondStage::allocateBlocks(std::size_t structuralCount)
{
    m_blockCapacity = std::uint32_t(structuralCount / 2 + 1);
    m_out.blocks = static_cast<ChildBlock *>(acquireBlock(m_blockCapacity * sizeof(ChildBlock), m_out.blockBytes));
    if (!m_out.blocks) {
        throw std::bad_alloc();
    }
}

void JsonSecondStage::allocateText()
{
    // Unescaping never lengthens text, so the input's length bounds all of it. Pages never written
    // cost nothing.
    m_out.unescaped = static_cast<char *>(acquireBlock(m_inputLength + 1, m_out.unescapedBytes));
    if (!m_out.unescaped) {
        throw std::bad_alloc();
    }
}

void JsonSecondStage::shareOutput(const JsonSecondStage &head, std::size_t structuralCount)
{
    m_out.nodes = head.m_out.nodes;
    m_out.nodeEnd = head.m_out.nodeEnd;
    m_out.unescaped = head.m_out.unescaped;
    m_out.unescapedSize = m_begin;
    allocateBlocks(structuralCount);
}

bool JsonSecondStage::onlyWhitespace(std::uint32_t from, std::uint32_t to) const
{
    for (; from < to; ++from) {
        if (!isWhitespace(m_input[from])) {
            return false;
        }
    }
    return true;
}

// Backslash positions, ascending, then a sentinel: with them, whether a string has escapes is two
// comparisons instead of a look at its bytes. The input is scanned a little ahead of the strings read,
// while it is in the cache anyway, with the widest vector instructions the processor has (elsewhere with
// memchr, which skips the stretches between backslashes fast on every platform). Positions behind the
// strings read are dropped, so the list stays short.
void JsonSecondStage::scanForBackslashes(std::uint32_t upTo)
{
    constexpr std::uint32_t kStep = 4096;
    std::vector<std::uint32_t> &list = m_scratch.backslashes;
    list.erase(list.begin(), list.begin() + (m_nextBackslash - list.data()));
    list.pop_back(); // the sentinel
    std::uint32_t target = m_end;
    if (m_end - m_scannedUpTo > kStep && upTo - m_scannedUpTo < m_end - m_scannedUpTo - kStep) {
        target = m_scannedUpTo + (upTo - m_scannedUpTo + kStep) / kStep * kStep;
    }
    const auto *end = m_input + target;
    for (const auto *p = m_input + scanBackslashes(m_input, m_scannedUpTo, target, list); p < end; ++p) {
        p = static_cast<const std::uint8_t *>(std::memchr(p, '\\', std::size_t(end - p)));
        if (!p) {
            break;
        }
        list.push_back(std::uint32_t(p - m_input));
    }
    m_scannedUpTo = target;
    list.push_back(std::numeric_limits<std::uint32_t>::max());
    m_nextBackslash = list.data();
}

// The string whose opening quote is at quote; next is the position of the following structural
// character. Between the closing quote and next there is only whitespace, so the end is found from there.
inline const char *JsonSecondStage::readString(std::uint32_t quote, std::uint32_t next, std::uint32_t &offset,
    std::uint32_t &length, std::uint32_t &flags, std::uint32_t unescapedFlag)
{
    std::uint32_t close = next - 1;
    if (m_input[close] != '"' || close == quote) [[unlikely]] {
        while (close > quote && isWhitespace(m_input[close])) {
            --close;
        }
        if (close == quote || m_input[close] != '"') {
            return fail(close, "unexpected character after a string");
        }
    }
    const std::uint32_t begin = quote + 1;
    if (close > m_scannedUpTo) [[unlikely]] {
        scanForBackslashes(close);
    }
    // Backslashes before the string were outside strings or already unescaped.
    while (*m_nextBackslash < begin) {
        ++m_nextBackslash;
    }
    if (*m_nextBackslash < close) [[unlikely]] {
        flags |= unescapedFlag;
        return unescape(begin, close, offset, length);
    }
    offset = begin;
    length = close - begin;
    return nullptr;
}

// Unescapes the string text [begin, end) into the side buffer, from one backslash to the next.
const char *JsonSecondStage::unescape(
    std::uint32_t begin, std::uint32_t end, std::uint32_t &offset, std::uint32_t &length)
{
    if (!m_out.unescaped) {
        allocateText();
    }
    char *const start = m_out.unescaped + m_out.unescapedSize;
    char *out = start;
    std::uint32_t p = begin;
    for (std::uint32_t slash = *m_nextBackslash; slash < end; slash = *m_nextBackslash) {
        std::memcpy(out, m_input + p, slash - p);
        out += slash - p;
        // The closing quote is never escaped, so the character after a backslash is inside the string.
        std::uint32_t size = 2;
        switch (m_input[slash + 1]) {
        case '"':
        case '\\':
        case '/':
            *out++ = char(m_input[slash + 1]);
            break;
        case 'b':
            *out++ = '\b';
            break;
        case 'f':
            *out++ = '\f';
            break;
        case 'n':
            *out++ = '\n';
            break;
        case 'r':
            *out++ = '\r';
            break;
        case 't':
            *out++ = '\t';
            break;
        case 'u': {
            const int unit = slash + 6 <= end ? hexQuad(m_input + slash + 2) : -1;
            if (unit < 0) {
                return fail(slash, "invalid \\u escape in a string");
            }
            auto cp = std::uint32_t(unit);
            size = 6;
            if (cp >= 0xD800 && cp < 0xDC00 && slash + 12 <= end && m_input[slash + 6] == '\\'
                && m_input[slash + 7] == 'u') {
                const int low = hexQuad(m_input + slash + 8);
                if (low >= 0xDC00 && low < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + std::uint32_t(low - 0xDC00);
                    size = 12;
                }
            }
            // A lone surrogate has no UTF-8 form; JavaScript keeps it, and the replacement character
            // is the closest UTF-8 can come.
            out = appendUtf8(out, cp >= 0xD800 && cp < 0xE000 ? 0xFFFD : cp);
            break;
        }
        default:
            return fail(slash, "invalid escape sequence in a string");
        }
        p = slash + size;
        while (*m_nextBackslash < p) {
            ++m_nextBackslash;
        }
    }
    std::memcpy(out, m_input + p, end - p);
    out += end - p;
    offset = m_out.unescapedSize;
    length = std::uint32_t(out - start);
    m_out.unescapedSize += length;
    return nullptr;
}

inline const char *JsonSecondStage::checkNumber(std::uint32_t position, std::uint32_t next, std::uint32_t &length)
{
    // The input is followed by a zero byte and readable padding, so nothing here runs past its end.
    const std::uint8_t *p = m_input + position;
    p += *p == '-';
    if (*p == '0') {
        ++p;
    } else if (isDigit(*p)) {
        p = skipDigits(p + 1);
    } else {
        return fail(position, "unexpected character where a value should be");
    }
    if (*p == '.') {
        if (!isDigit(*++p)) {
            return fail(position, "invalid number: digits must follow the decimal point");
        }
        p = skipDigits(p + 1);
    }
    if ((*p | 0x20) == 'e') {
        ++p;
        p += *p == '+' || *p == '-';
        if (!isDigit(*p)) {
            return fail(position, "invalid number: digits must follow the exponent");
        }
        p = skipDigits(p + 1);
    }
    const auto end = std::uint32_t(p - m_input);
    if (end != next && (end > next || !onlyWhitespace(end, next))) [[unlikely]] {
        return fail(position, "invalid number");
    }
    length = end - position;
    return nullptr;
}

void JsonSecondStage::growPending()
{
    std::vector<NodeRecord> &pending = m_scratch.pending;
    const auto used = std::size_t(m_pendingEnd - m_pending);
    pending.resize(std::max<std::size_t>(4096, 2 * pending.size()));
    m_pending = pending.data();
    m_pendingEnd = m_pending + used;
    m_pendingLimit = m_pending + pending.size();
}

inline void JsonSecondStage::push(const NodeRecord &record)
{
    if (m_pendingEnd == m_pendingLimit) [[unlikely]] {
        growPending();
    }
    *m_pendingEnd++ = record;
}

// Records a block of children placed at [first, first + count): the containers among them that wait
// for their owner index get it, and the block waits for its own owner.
inline void JsonSecondStage::placeBlock(std::uint32_t first, std::uint32_t pendingStart)
{
    std::vector<UnplacedOwner> &owners = m_scratch.owners;
    while (!owners.empty() && owners.back().pendingIndex >= pendingStart) {
        m_out.blocks[owners.back().block].owner = first + (owners.back().pendingIndex - pendingStart);
        owners.pop_back();
    }
    m_out.blocks[m_out.blockCount] = ChildBlock {first, 0};
    owners.push_back(UnplacedOwner {pendingStart, m_out.blockCount});
    ++m_out.blockCount;
}

// Moves the children of the innermost open container from the pending stack into the node array, where
// they get consecutive indices, and leaves the container's own record pending in their place.
inline bool JsonSecondStage::closeContainer()
{
    const OpenContainer open = *--m_open;
    NodeRecord *const children = m_pending + open.pendingStart;
    const auto count = std::uint32_t(m_pendingEnd - children);
    const std::uint32_t meta = (open.kind == ObjectKind ? NodeRecord::Object : NodeRecord::Array) | open.keyMeta;
    if (count == 0) {
        push(NodeRecord {0, 0, open.keyOffset, meta});
        return true;
    }
    // The node array is sized by a bound no document can exceed; a check costs little all the same.
    std::uint32_t first = 0;
    if (m_part == Part::Tail) {
        if (count > m_top) [[unlikely]] {
            return false;
        }
        m_top -= count;
        first = m_top;
    } else {
        if (count > m_out.nodeEnd - m_placed) [[unlikely]] {
            return false;
        }
        first = m_placed;
        m_placed += count;
    }
    copyRecords(m_out.nodes + first, children, count);
    m_pendingEnd = children;
    placeBlock(first, open.pendingStart);
    *m_pendingEnd++ = NodeRecord {first, count, open.keyOffset, meta};
    return true;
}

const char *JsonSecondStage::run()
{
    struct DrainOnReturn {
        ~DrainOnReturn() { drainStreamingStores(); }
    } drain;
    m_scratch.backslashes.assign(1, std::numeric_limits<std::uint32_t>::max());
    m_nextBackslash = m_scratch.backslashes.data();
    m_scannedUpTo = m_begin;
    if (m_scratch.pending.empty()) {
        growPending();
    }
    m_pending = m_scratch.pending.data();
    m_pendingEnd = m_pending;
    m_pendingLimit = m_pending + m_scratch.pending.size();
    m_scratch.owners.clear();
    m_scratch.outerCloses.clear();
    m_openBase = m_scratch.open.data();
    m_open = m_openBase;
    // Node 0 is kept for the root.
    m_placed = 1;
    m_top = m_out.nodeEnd;
    if (m_part == Part::Tail) {
        // The tail starts at an element of an array the head opened.
        *m_open++ = OpenContainer {0, 0, 0, OuterArray};
        m_maxDepth = 1;
    }

    const std::uint8_t *const input = m_input;
    const std::uint32_t *const structurals = m_structurals;
    const std::uint32_t count = m_count;
    const std::uint32_t base = m_begin;
    // simdjson ends the list with the part's length, so the position after the last one is the part's end.
    if (structurals[count] != m_end - base) [[unlikely]] {
        return fail(m_begin, "internal error: unexpected first-stage output");
    }
    const auto nextPosition = [&](std::uint32_t i) { return structurals[i] + base; };

    // The key of the member being read; zero for array elements and the root.
    std::uint32_t keyOffset = 0;
    std::uint32_t keyMeta = 0;
    std::uint32_t i = 0;
    std::uint32_t position = 0;
    std::uint32_t kind = 0;
    std::uint8_t c = 0;
    const char *error = nullptr;

value:
    if (i >= count) [[unlikely]] {
        if (m_part == Part::Head) {
            // The head ends with the comma in front of the split point.
            return nullptr;
        }
        return fail(m_end, "unexpected end of the document: a value is missing");
    }
    position = structurals[i++] + base;
    switch (input[position]) {
    case '"': {
        std::uint32_t offset = 0;
        std::uint32_t length = 0;
        std::uint32_t meta = NodeRecord::String | keyMeta;
        if ((error = readString(position, nextPosition(i), offset, length, meta, NodeRecord::kTextUnescaped)))
            [[unlikely]] {
            return error;
        }
        push(NodeRecord {offset, length, keyOffset, meta});
        goto afterValue;
    }
    case '{':
    case '[': {
        const std::uint32_t object = input[position] == '{' ? ObjectKind : ArrayKind;
        if (m_open - m_openBase >= std::ptrdiff_t(kMaxDepth)) [[unlikely]] {
            return fail(position, "document nested too deeply (more than 1024 levels)");
        }
        *m_open++ = OpenContainer {std::uint32_t(m_pendingEnd - m_pending), keyOffset, keyMeta, object};
        m_maxDepth = std::max(m_maxDepth, std::uint32_t(m_open - m_openBase));
        if (input[structurals[i] + base] == (object ? '}' : ']')) {
            ++i;
            closeContainer(); // empty: always fits
            goto afterValue;
        }
        if (object) {
            goto member;
        }
        keyOffset = keyMeta = 0;
        goto value;
    }
    case 't':
    case 'f':
    case 'n': {
        // Compared as 4-byte words (plus the 'e' of false); the padding makes the reads safe.
        static constexpr char kNull[] = "null", kTrue[] = "true", kFals[] = "fals";
        const std::uint8_t first = input[position];
        const std::uint32_t type
            = first == 't' ? NodeRecord::True : (first == 'f' ? NodeRecord::False : NodeRecord::Null);
        const std::uint32_t size = type == NodeRecord::False ? 5 : 4;
        std::uint32_t word = 0;
        std::uint32_t expected = 0;
        std::memcpy(&word, input + position, 4);
        std::memcpy(&expected, type == NodeRecord::True ? kTrue : (type == NodeRecord::False ? kFals : kNull), 4);
        const std::uint32_t next = nextPosition(i);
        if (next - position < size || word != expected || (size == 5 && input[position + 4] != 'e')
            || !onlyWhitespace(position + size, next)) [[unlikely]] {
            return fail(position, "invalid literal (expected true, false or null)");
        }
        push(NodeRecord {0, 0, keyOffset, type | keyMeta});
        goto afterValue;
    }
    default: {
        std::uint32_t length = 0;
        if ((error = checkNumber(position, nextPosition(i), length))) [[unlikely]] {
            return error;
        }
        push(NodeRecord {position, length, keyOffset, NodeRecord::Number | keyMeta});
        goto afterValue;
    }
    }

member:
    if (i >= count) [[unlikely]] {
        return fail(m_end, "unexpected end of the document: a member name is missing");
    }
    position = structurals[i++] + base;
    if (input[position] != '"') [[unlikely]] {
        return fail(position, "expected a member name in double quotes");
    }
    {
        std::uint32_t length = 0;
        std::uint32_t flags = 0;
        if ((error = readString(position, nextPosition(i), keyOffset, length, flags, NodeRecord::kKeyUnescaped)))
            [[unlikely]] {
            return error;
        }
        if (length > NodeRecord::kMaxKeyLength) [[unlikely]] {
            return fail(position, "member name longer than 128 MiB");
        }
        keyMeta = (length << NodeRecord::kKeyLengthShift) | flags;
    }
    if (input[structurals[i] + base] != ':') [[unlikely]] {
        return fail(nextPosition(i), "expected ':' after a member name");
    }
    ++i;
    goto value;

afterValue:
    if (m_open == m_openBase) [[unlikely]] {
        if (i < count) {
            return fail(structurals[i] + base, "unexpected content after the document");
        }
        return nullptr;
    }
    kind = m_open[-1].kind;
    if (i >= count) [[unlikely]] {
        if (kind >= OuterUnknown) {
            return nullptr; // the tail ends where the document ends
        }
        return fail(m_end,
            kind == ObjectKind ? "unexpected end of the document: an object is not closed"
                               : "unexpected end of the document: an array is not closed");
    }
    position = structurals[i++] + base;
    c = input[position];
    if (kind <= ObjectKind) [[likely]] {
        if (c == ',') {
            if (kind == ObjectKind) {
                goto member;
            }
            keyOffset = keyMeta = 0;
            goto value;
        }
        if (c == (kind == ObjectKind ? '}' : ']')) {
            if (!closeContainer()) [[unlikely]] {
                return fail(position, "out of node space");
            }
            goto afterValue;
        }
        return fail(position,
            kind == ObjectKind ? "expected ',' or '}' after an object member"
                               : "expected ',' or ']' after an array element");
    }
    // The tail's outermost level.
    if (c == ',') {
        if (kind == OuterUnknown) {
            // A member name is a string followed by a colon; an element never is.
            const bool member
                = i + 1 < count && input[structurals[i] + base] == '"' && input[structurals[i + 1] + base] == ':';
            kind = member ? OuterObject : OuterArray;
            m_open[-1].kind = kind;
        }
        if (kind == OuterObject) {
            goto member;
        }
        keyOffset = keyMeta = 0;
        goto value;
    }
    if (c == ']' || c == '}') {
        m_scratch.outerCloses.push_back(OuterClose {std::uint32_t(m_pendingEnd - m_pending), kind, c});
        m_open[-1].kind = OuterUnknown;
        goto afterValue;
    }
    return fail(position, "expected ',' or a closing bracket");
}

bool JsonSecondStage::appendTail(JsonSecondStage &tail)
{
    // The head stopped after a comma in an array.
    if (m_open == m_openBase || m_open[-1].kind != ArrayKind) {
        return false;
    }
    // The tail's outermost frame stands for the head's open containers.
    if (std::uint32_t(m_open - m_openBase) + tail.m_maxDepth - 1 > kMaxDepth) {
        return false;
    }
    // The tail made its blocks from the end of the node array downwards; reversed, they go to the end of
    // the head's block array for now, so that blocks made while joining can follow the head's.
    const std::uint32_t tailBlocks = tail.m_out.blockCount;
    if (m_out.blockCount + tailBlocks > m_blockCapacity) {
        return false;
    }
    ChildBlock *const tailBlocksAt = m_out.blocks + m_blockCapacity - tailBlocks;
    std::reverse_copy(tail.m_out.blocks, tail.m_out.blocks + tailBlocks, tailBlocksAt);
    const auto tailBlockIndex = [&](std::uint32_t block) { return m_blockCapacity - 1 - block; };

    // Each bracket that closes a container of the head takes the head's pending children of it plus the
    // tail's outermost values in front of the bracket.
    const std::vector<UnplacedOwner> &tailOwners = tail.m_scratch.owners;
    std::size_t nextTailOwner = 0;
    std::uint32_t segmentStart = 0;
    for (const OuterClose &close : tail.m_scratch.outerCloses) {
        if (m_open == m_openBase) {
            return false;
        }
        const bool object = m_open[-1].kind == ObjectKind;
        if (close.bracket != (object ? '}' : ']') || close.kind == (object ? OuterArray : OuterObject)) {
            return false;
        }
        // The tail's waiting owners of those values are renumbered into the head's pending stack.
        const auto shift = std::int64_t(m_pendingEnd - m_pending) - std::int64_t(segmentStart);
        for (std::uint32_t k = segmentStart; k < close.pendingSize; ++k) {
            push(tail.m_pending[k]);
        }
        for (; nextTailOwner < tailOwners.size() && tailOwners[nextTailOwner].pendingIndex < close.pendingSize;
             ++nextTailOwner) {
            const UnplacedOwner &owner = tailOwners[nextTailOwner];
            m_scratch.owners.push_back(
                UnplacedOwner {std::uint32_t(std::int64_t(owner.pendingIndex) + shift), tailBlockIndex(owner.block)});
        }
        segmentStart = close.pendingSize;
        if (!closeContainer()) {
            return false;
        }
    }
    if (segmentStart != std::uint32_t(tail.m_pendingEnd - tail.m_pending) || m_open != m_openBase
        || m_pendingEnd - m_pending != 1) {
        return false;
    }
    std::memmove(m_out.blocks + m_out.blockCount, tailBlocksAt, tailBlocks * sizeof(ChildBlock));
    m_out.blockCount += tailBlocks;
    m_out.gapBegin = m_placed;
    m_out.gapEnd = tail.m_top;
    m_placed += m_out.nodeEnd - tail.m_top;
    m_out.unescapedSize += tail.m_out.unescapedSize - tail.m_begin; // what is in use; the rest is never touched
    return true;
}

void JsonSecondStage::handOver(JsonTreeData &data)
{
    drainStreamingStores(); // those of appendTail()
    m_out.nodes[0] = m_pending[0];
    if (!m_scratch.owners.empty()) {
        m_out.blocks[m_scratch.owners.front().block].owner = 0;
    }
    if (m_out.gapEnd == 0) {
        m_out.gapBegin = m_out.gapEnd = m_out.nodeEnd = m_placed;
    }
    m_out.nodeCount = m_placed;
    static_cast<DecodedArrays &>(data) = std::exchange(m_out, DecodedArrays());
}

} // namespace instant::detail
