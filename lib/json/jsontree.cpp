#include "json/jsontree.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <system_error>
#include <utility>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaObject>
#include <QMutex>
#include <QThreadPool>

#include "json/json_debug.h"
#include "json/jsondecoder.h"
#include "json/jsontreedata.h"

namespace instant {

Q_LOGGING_CATEGORY(lcJson, "instant.json", QtWarningMsg)

using detail::ChildBlock;
using detail::JsonTreeData;
using detail::NodeRecord;

namespace {

// Inputs and trees are addressed with 32-bit offsets; that bounds a document to 4 GiB.
constexpr std::size_t kMaxInput = std::numeric_limits<std::uint32_t>::max() - detail::kJsonInputPadding;

const NodeRecord &record(const JsonTreeData *d, qsizetype index)
{
    return d->nodes[index];
}

QByteArrayView textOf(const JsonTreeData *d, const NodeRecord &r)
{
    return d->text(r.offset, r.length, r.meta & NodeRecord::kTextUnescaped);
}

QUtf8StringView keyOf(const JsonTreeData *d, const NodeRecord &r)
{
    const QByteArrayView key = d->text(r.keyOffset, r.keyLength(), r.meta & NodeRecord::kKeyUnescaped);
    return QUtf8StringView(key.data(), key.size());
}

QUtf8StringView memberKey(const JsonTreeData *d, qsizetype index)
{
    return keyOf(d, record(d, index));
}

JsonNode::Type typeOf(const NodeRecord &r)
{
    switch (r.type()) {
    case NodeRecord::Array:
        return JsonNode::Type::Array;
    case NodeRecord::Object:
        return JsonNode::Type::Object;
    case NodeRecord::String:
        return JsonNode::Type::String;
    case NodeRecord::Number:
        return JsonNode::Type::Number;
    case NodeRecord::True:
    case NodeRecord::False:
        return JsonNode::Type::Bool;
    case NodeRecord::Null:
        break;
    }
    return JsonNode::Type::Null;
}

// Numbers keep their text; they are converted when read. A number is an integer when written without
// fraction or exponent and within the int64 range.
std::optional<std::int64_t> integerValue(QByteArrayView text)
{
    std::int64_t value = 0;
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return value;
}

double doubleValue(QByteArrayView text)
{
    double value = 0;
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec == std::errc::result_out_of_range) {
        // JSON numbers have no range; like JavaScript, read the too large as infinity and the too small as zero.
        const bool negative = text.startsWith('-');
        const qsizetype e = std::max(text.indexOf('e'), text.indexOf('E'));
        const bool tiny = e >= 0 && e + 1 < text.size() && text[e + 1] == '-';
        return tiny ? (negative ? -0.0 : 0.0) : (negative ? -HUGE_VAL : HUGE_VAL);
    }
    return value;
}

void appendEscaped(QByteArray &out, QUtf8StringView s);

void appendJson(QByteArray &out, const JsonTreeData *d, qsizetype index)
{
    const NodeRecord &r = record(d, index);
    switch (r.type()) {
    case NodeRecord::Array:
        out.append('[');
        for (std::uint32_t i = 0; i < r.length; ++i) {
            if (i) {
                out.append(',');
            }
            appendJson(out, d, r.offset + i);
        }
        out.append(']');
        break;
    case NodeRecord::Object:
        out.append('{');
        for (std::uint32_t i = 0; i < r.length; ++i) {
            if (i) {
                out.append(',');
            }
            appendEscaped(out, memberKey(d, r.offset + i));
            out.append(':');
            appendJson(out, d, r.offset + i);
        }
        out.append('}');
        break;
    case NodeRecord::String: {
        const QByteArrayView text = textOf(d, r);
        appendEscaped(out, QUtf8StringView(text.data(), text.size()));
        break;
    }
    case NodeRecord::Number:
        // As written in the document: valid JSON, and exact even where a double is not.
        out.append(textOf(d, r));
        break;
    case NodeRecord::True:
        out.append("true", 4);
        break;
    case NodeRecord::False:
        out.append("false", 5);
        break;
    case NodeRecord::Null:
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
    return m_data ? typeOf(record(m_data, m_index)) : Type::Null;
}

qsizetype JsonNode::size() const
{
    if (!m_data) {
        return 0;
    }
    const NodeRecord &r = record(m_data, m_index);
    return r.isContainer() ? qsizetype(r.length) : 0;
}

JsonNode JsonNode::at(qsizetype i) const
{
    if (i < 0 || i >= size()) {
        return {};
    }
    return JsonNode(m_data, record(m_data, m_index).offset + i);
}

QUtf8StringView JsonNode::keyView(qsizetype i) const
{
    if (!isObject() || i < 0 || i >= size()) {
        return {};
    }
    return memberKey(m_data, record(m_data, m_index).offset + i);
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
    const qsizetype first = record(m_data, m_index).offset;
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
    return i < 0 ? JsonNode() : JsonNode(m_data, record(m_data, m_index).offset + i);
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
    if (!m_data || record(m_data, m_index).type() != NodeRecord::String) {
        return {};
    }
    const QByteArrayView text = textOf(m_data, record(m_data, m_index));
    return QUtf8StringView(text.data(), text.size());
}

QString JsonNode::toString() const
{
    return stringView().toString();
}

QByteArrayView JsonNode::numberText() const
{
    if (!m_data || record(m_data, m_index).type() != NodeRecord::Number) {
        return {};
    }
    return textOf(m_data, record(m_data, m_index));
}

double JsonNode::toDouble(double defaultValue) const
{
    const QByteArrayView text = numberText();
    return text.isEmpty() ? defaultValue : doubleValue(text);
}

std::int64_t JsonNode::toInt64(std::int64_t defaultValue) const
{
    const QByteArrayView text = numberText();
    if (text.isEmpty()) {
        return defaultValue;
    }
    if (const auto integer = integerValue(text)) {
        return *integer;
    }
    const double d = doubleValue(text);
    // 2^63 itself is not representable as int64, hence the strict upper bound.
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && double(std::int64_t(d)) == d) {
        return std::int64_t(d);
    }
    return defaultValue;
}

bool JsonNode::isInteger() const
{
    const QByteArrayView text = numberText();
    return !text.isEmpty() && integerValue(text).has_value();
}

bool JsonNode::toBool(bool defaultValue) const
{
    if (!m_data) {
        return defaultValue;
    }
    const auto type = record(m_data, m_index).type();
    return type == NodeRecord::True ? true : (type == NodeRecord::False ? false : defaultValue);
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

std::expected<JsonTree, JsonParseError> JsonTree::parse(QByteArray json, Threads threads)
{
    if (std::size_t(json.size()) > kMaxInput) {
        return std::unexpected(JsonParseError {-1, QStringLiteral("document larger than 4 GiB")});
    }
    // The tree keeps the bytes, and the decoder reads a little past their end. A reply read from the
    // network usually has that much spare room. An array owned by nobody else is grown instead, which
    // for big blocks remaps pages rather than copying them. Raw data and shared arrays without the
    // room are copied: the caller's bytes are never changed.
    const auto padding = qsizetype(detail::kJsonInputPadding);
    if (json.data_ptr().freeSpaceAtEnd() < padding) {
        if (json.isDetached()) {
            json.reserve(json.size() + padding);
        } else {
            QByteArray copy;
            copy.reserve(json.size() + padding);
            copy.append(json);
            json = std::move(copy);
        }
    }
    return decode(std::move(json), threads);
}

std::expected<JsonTree, JsonParseError> JsonTree::parse(QByteArrayView json, Threads threads)
{
    if (std::size_t(json.size()) > kMaxInput) {
        return std::unexpected(JsonParseError {-1, QStringLiteral("document larger than 4 GiB")});
    }
    QByteArray copy;
    copy.reserve(json.size() + qsizetype(detail::kJsonInputPadding));
    copy.append(json);
    return decode(std::move(copy), threads);
}

std::expected<JsonTree, JsonParseError> JsonTree::decode(QByteArray padded, Threads threads)
{
    if (padded.isEmpty()) {
        return std::unexpected(JsonParseError {0, QStringLiteral("empty document")});
    }
    QElapsedTimer timer;
    timer.start();
    JsonTree tree;
    try {
        auto data = std::make_shared<JsonTreeData>();
        data->input = std::move(padded);
        if (auto error = detail::decodeJson(*data, threads == Threads::CallerAndHelper)) {
            qCDebug(lcJson) << "decode failed at" << error->offset << error->message;
            return std::unexpected(std::move(*error));
        }
        tree.m_data = std::move(data);
    } catch (const std::bad_alloc &) {
        return std::unexpected(JsonParseError {-1, QStringLiteral("out of memory")});
    }
    qCDebug(lcJson) << "decoded" << tree.m_data->input.size() << "bytes into" << tree.nodeCount() << "nodes in"
                    << timer.nsecsElapsed() / 1000 << "us";
    return tree;
}

JsonNode JsonTree::root() const
{
    return m_data ? JsonNode(m_data.get(), 0) : JsonNode();
}

JsonNode JsonTree::node(qsizetype index) const
{
    if (!m_data || !m_data->isNode(index)) {
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
    // What is in use: the node buffer is reserved for the worst case, but pages never written cost nothing.
    return qsizetype(sizeof(JsonTreeData)) + m_data->input.size() + qsizetype(m_data->unescapedSize)
        + qsizetype(m_data->nodeCount * sizeof(NodeRecord) + m_data->blockCount * sizeof(ChildBlock));
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
