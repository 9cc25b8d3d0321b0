#include "json/jsondecoder.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <optional>

#include <simdjson.h>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRunnable>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>

#include "json/json_debug.h"
#include "json/jsonsecondstage.h"
#include "json/jsontreedata.h"

namespace instant::detail {

static_assert(kJsonInputPadding >= simdjson::SIMDJSON_PADDING);

namespace {

// The decoder runs in two stages. simdjson's first stage validates UTF-8 and finds, with SIMD
// instructions, the position of every structural character and of the start of every scalar. The
// second stage (JsonSecondStage) walks those positions, checks the grammar, and writes one 16-byte
// record per value. Numbers and strings without escapes are not converted: a record points at their
// text in the input, which the tree keeps. That conversion is most of the work of a full decoder, and
// a result view only ever reads the few values on screen.
//
// Big documents are split in two near the middle, where an object in an array starts, and each half
// goes through both stages on its own thread; the halves are put together at the end. A split point
// inside a string shows as an unclosed string in the first half; any such doubt, and any error, sends
// the document through the plain single-threaded path, which also gives the error messages.
//
// simdjson exposes its first stage only through the parser's implementation object, which it documents
// as there for benchmarks. The version is pinned by the distribution (Debian 12: 3.0.1), and the tests
// check the parts relied on: the positions and the end marker behind them.
simdjson::dom::parser &threadParser()
{
    // A parser keeps its buffers between documents; one per thread avoids re-allocating them per reply.
    thread_local simdjson::dom::parser parser;
    return parser;
}

// Documents smaller than this are not worth a second thread.
constexpr std::size_t kParallelMinimum = 2 * 1024 * 1024;

// Runs simdjson's first stage on [begin, begin + length) of input with the thread's parser.
simdjson::error_code findStructurals(const char *input, std::size_t begin, std::size_t length)
{
    simdjson::dom::parser &parser = threadParser();
    if (parser.capacity() < length || !parser.implementation) {
        if (const auto code = parser.allocate(std::max(length, std::size_t(4096)))) {
            return code;
        }
    }
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(input) + begin;
    const auto code = parser.implementation->stage1(bytes, length, simdjson::stage1_mode::regular);
    if (code == simdjson::SUCCESS && parser.implementation->n_structural_indexes == 0) {
        return simdjson::EMPTY;
    }
    return code;
}

// simdjson reports no position for errors of its first stage; Qt's parser does. Error path only.
qsizetype locateError(QByteArrayView json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    return error.error != QJsonParseError::NoError ? error.offset : -1;
}

// First raw control character inside a string literal: JSON forbids them, Qt's parser tolerates them.
qsizetype locateControlCharacter(QByteArrayView json)
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
            // The escaped character is skipped, unless it is itself one that needs escaping.
            if (i + 1 < json.size() && static_cast<unsigned char>(json[i + 1]) < 0x20) {
                return i + 1;
            }
            ++i;
        }
    }
    return -1;
}

// First byte of the first malformed UTF-8 sequence, or -1. Error path only.
qsizetype locateInvalidUtf8(QByteArrayView json)
{
    const auto *p = reinterpret_cast<const std::uint8_t *>(json.data());
    const qsizetype size = json.size();
    for (qsizetype i = 0; i < size;) {
        const std::uint8_t c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        // Allowed range of the second byte, which excludes overlong forms, surrogates and code points
        // beyond U+10FFFF; further bytes are plain continuation bytes.
        int extra = 0;
        std::uint8_t low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return i;
        }
        if (i + extra >= size || p[i + 1] < low || p[i + 1] > high) {
            return i;
        }
        for (int k = 2; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) {
                return i;
            }
        }
        i += extra + 1;
    }
    return -1;
}

// A point near the middle where an object in an array starts: a '{' after a comma. 0 if there is none
// within the next quarter of the document.
std::uint32_t findSplit(const char *input, std::uint32_t length)
{
    const char *p = input + length / 2;
    const char *const end = input + length / 2 + length / 4;
    for (; p < end; ++p) {
        p = static_cast<const char *>(std::memchr(p, '{', std::size_t(end - p)));
        if (!p) {
            return 0;
        }
        const char *before = p - 1;
        while (before > input && (*before == ' ' || *before == '\n' || *before == '\r' || *before == '\t')) {
            --before;
        }
        if (*before == ',') {
            return std::uint32_t(p - input);
        }
    }
    return 0;
}

// Threads for the second half of big documents, apart from the pool that runs whole decodes, so that
// a half never waits behind a decode that waits for it.
QThreadPool &helperPool()
{
    static QThreadPool *pool = [] {
        auto *created = new QThreadPool;
        created->setObjectName(QStringLiteral("instant-json-decoder"));
        created->setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
        return created;
    }();
    return *pool;
}

// Both stages for the second half of a document, on a helper thread. The two halves meet twice: after
// the first stage, as the head allocates for both once it knows both numbers of positions, and at the end.
class TailDecode final : public QRunnable {
public:
    TailDecode(const char *input, std::uint32_t length, std::uint32_t split)
        : m_input(input)
        , m_length(length)
        , m_split(split)
    {
        setAutoDelete(false);
    }

    void run() override
    {
        // m_count is written only before the first release of m_firstStageDone, m_ok before m_finished.
        try {
            decode();
        } catch (const std::bad_alloc &) {
            m_ok = false;
        }
        if (!m_count) {
            m_firstStageDone.release();
        }
        m_finished.release();
    }

    /** Blocks until the first stage is done; its number of positions, or 0 if it failed. */
    std::uint32_t structuralCount()
    {
        m_firstStageDone.acquire();
        m_firstStageDone.release();
        return m_count;
    }
    /** Lets the tail go on into the head's arrays, or stop when head is nullptr. Call once. */
    void proceed(const JsonSecondStage *head)
    {
        m_head = head;
        m_headReady.release();
    }
    /** Blocks until both stages are done; the decoded tail, or nullptr if it failed. */
    JsonSecondStage *result()
    {
        m_finished.acquire();
        m_finished.release();
        return m_ok ? m_stage.get() : nullptr;
    }

private:
    void decode()
    {
        if (findStructurals(m_input, m_split, m_length - m_split) != simdjson::SUCCESS) {
            m_ok = false;
            return;
        }
        const auto &parser = threadParser();
        m_count = parser.implementation->n_structural_indexes;
        m_firstStageDone.release();
        m_headReady.acquire();
        if (!m_head) {
            m_ok = false;
            return;
        }
        m_stage = std::make_unique<JsonSecondStage>(m_input, m_length, m_split, m_length,
            parser.implementation->structural_indexes.get(), m_count, JsonSecondStage::Part::Tail, m_scratch);
        m_stage->shareOutput(*m_head, m_count);
        m_ok = m_stage->run() == nullptr;
    }

    const char *const m_input;
    const std::uint32_t m_length;
    const std::uint32_t m_split;
    // Not the thread's: the head reads it after the helper thread may have moved on to other work.
    JsonSecondStage::Scratch m_scratch;
    std::unique_ptr<JsonSecondStage> m_stage;
    const JsonSecondStage *m_head = nullptr;
    std::uint32_t m_count = 0;
    bool m_ok = true;
    QSemaphore m_firstStageDone;
    QSemaphore m_headReady;
    QSemaphore m_finished;
};

// The two-thread path; false when it cannot be used for this document (then nothing in data is set).
bool decodeInParallel(JsonTreeData &data)
{
    const char *input = data.input.constData();
    const auto length = std::uint32_t(data.input.size());
    const std::uint32_t split = findSplit(input, length);
    if (split == 0) {
        return false;
    }
    std::optional<JsonSecondStage> head;
    TailDecode tail(input, length, split);
    helperPool().start(&tail);
    // Whatever happens here, the tail must be finished (or never started) before the head's arrays,
    // which it writes into, and the tail itself go away.
    struct WaitForTail {
        TailDecode &tail;
        bool started = true;
        bool released = false;
        ~WaitForTail()
        {
            if (started) {
                if (!released) {
                    tail.proceed(nullptr);
                }
                tail.result();
            }
        }
    } wait {tail};

    if (findStructurals(input, 0, split) != simdjson::SUCCESS) {
        return false;
    }
    if (helperPool().tryTake(&tail)) {
        // No helper thread was free: one thread does the whole document faster than both halves.
        wait.started = false;
        return false;
    }
    const std::uint32_t tailCount = tail.structuralCount();
    if (tailCount == 0) {
        return false;
    }
    const auto &parser = threadParser();
    const std::uint32_t count = parser.implementation->n_structural_indexes;
    head.emplace(input, length, 0, split, parser.implementation->structural_indexes.get(), count,
        JsonSecondStage::Part::Head, JsonSecondStage::threadScratch());
    head->allocate(std::size_t(count) + tailCount);
    head->allocateText();
    wait.released = true;
    tail.proceed(&*head);
    if (head->run()) {
        return false;
    }
    JsonSecondStage *decodedTail = tail.result();
    if (!decodedTail || !head->appendTail(*decodedTail)) {
        return false;
    }
    head->handOver(data);
    return true;
}

std::optional<JsonParseError> decodeSequentially(JsonTreeData &data)
{
    const char *input = data.input.constData();
    const auto length = std::uint32_t(data.input.size());
    if (const auto code = findStructurals(input, 0, length)) {
        if (code == simdjson::MEMALLOC) {
            throw std::bad_alloc();
        }
        if (code == simdjson::EMPTY) {
            return JsonParseError {0, QStringLiteral("empty document")};
        }
        const QByteArrayView json(data.input);
        qsizetype offset = -1;
        if (code == simdjson::UTF8_ERROR) {
            offset = locateInvalidUtf8(json);
        } else if (code == simdjson::UNESCAPED_CHARS) {
            offset = locateControlCharacter(json);
        }
        if (offset < 0) {
            offset = locateError(json);
        }
        return JsonParseError {std::min(offset, json.size()), QString::fromUtf8(simdjson::error_message(code))};
    }
    const auto &parser = threadParser();
    const std::uint32_t count = parser.implementation->n_structural_indexes;
    JsonSecondStage stage(input, length, 0, length, parser.implementation->structural_indexes.get(), count,
        JsonSecondStage::Part::Whole, JsonSecondStage::threadScratch());
    stage.allocate(count);
    if (const char *error = stage.run()) {
        return JsonParseError {qsizetype(stage.errorOffset()), QString::fromLatin1(error)};
    }
    stage.handOver(data);
    return std::nullopt;
}

} // namespace

std::optional<JsonParseError> decodeJson(JsonTreeData &data, bool mayUseHelper)
{
    if (mayUseHelper && std::size_t(data.input.size()) >= kParallelMinimum && QThread::idealThreadCount() > 1) {
        if (decodeInParallel(data)) {
            return std::nullopt;
        }
        qCDebug(lcJson) << "decoding on one thread after all";
    }
    return decodeSequentially(data);
}

} // namespace instant::detail
