#pragma once

#include <cstdint>
#include <expected>
#include <functional>
#include <memory>

#include <QAnyStringView>
#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QString>
#include <QUtf8StringView>

class QObject;

namespace instant {

class JsonTree;
namespace detail {
struct JsonTreeData;
}

/** Why a document could not be decoded; offset is a byte offset into the input (-1 if unknown). */
struct JsonParseError {
    qsizetype offset = -1;
    QString message;

    /** 1-based line and column of offset in the original bytes (column counts bytes); {0, 0} if unknown. */
    struct Position {
        qsizetype line = 0;
        qsizetype column = 0;
    };
    Position position(QByteArrayView json) const;
};

/**
 * A read-only view of one value inside a JsonTree: a tree pointer and a node index, 16 bytes.
 * Cheap to copy; valid only while some JsonTree sharing the data is alive. A default-constructed
 * node is invalid and answers every question with an empty value.
 *
 * Children of an array or object occupy consecutive node indices, so at(i) is O(1), and a node's
 * index() is stable for the lifetime of the tree: a Qt model can use it as QModelIndex::internalId
 * and get the node back with JsonTree::node(index).
 */
class JsonNode {
public:
    enum class Type : std::uint8_t {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object,
    };

    JsonNode() = default;

    bool isValid() const { return m_data != nullptr; }
    Type type() const;
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    /** Number of children of an array or object; 0 for scalars and invalid nodes. */
    qsizetype size() const;
    /** Child i of an array or object (invalid node when out of range). */
    JsonNode at(qsizetype i) const;
    /** Key of member i of an object (empty for arrays and scalars). */
    QString key(qsizetype i) const;
    /** Key of member i as UTF-8 without copying; stays valid while the tree lives. */
    QUtf8StringView keyView(qsizetype i) const;
    /** Member named key of an object (linear scan; entity objects are small); invalid if absent. */
    JsonNode value(QAnyStringView key) const;
    /** Index of the member named key, or -1. */
    qsizetype indexOf(QAnyStringView key) const;
    bool contains(QAnyStringView key) const { return indexOf(key) >= 0; }

    /** This node's key inside its parent object (empty otherwise). */
    QUtf8StringView ownKey() const;
    /** The containing array/object; invalid for the root. */
    JsonNode parent() const;
    /** Position of this node among its parent's children (0 for the root). */
    qsizetype row() const;
    /** Stable node index inside the tree (root is 0). */
    qsizetype index() const { return m_index; }

    /** String value (empty for non-strings). */
    QString toString() const;
    /** String value as UTF-8 without copying (empty for non-strings). */
    QUtf8StringView stringView() const;
    /** A number's text as written in the document (empty for non-numbers); read without conversion. */
    QByteArrayView numberText() const;
    /** Numeric value; integers outside the double range lose precision. defaultValue for non-numbers. */
    double toDouble(double defaultValue = 0) const;
    /** Integer value; doubles with an integral value are converted, others give defaultValue. */
    std::int64_t toInt64(std::int64_t defaultValue = 0) const;
    /** True for numbers written without fraction or exponent that fit into int64. */
    bool isInteger() const;
    bool toBool(bool defaultValue = false) const;

    /** Deep copy into Qt's JSON classes; meant for small subtrees. */
    QJsonValue toQJsonValue() const;
    /** Compact, valid JSON for this subtree (UTF-8). */
    QByteArray toJson() const;

    friend bool operator==(const JsonNode &a, const JsonNode &b)
    {
        return a.m_data == b.m_data && a.m_index == b.m_index;
    }

private:
    friend class JsonTree;
    JsonNode(const detail::JsonTreeData *data, qsizetype index)
        : m_data(data)
        , m_index(index)
    { }

    const detail::JsonTreeData *m_data = nullptr;
    qsizetype m_index = 0;
};

/**
 * An immutable JSON document. The tree keeps the document's bytes and one 16-byte record per value;
 * numbers and strings are read from the bytes when asked for (only strings with escapes are copied,
 * unescaped, while decoding). Decoding validates the whole document: a tree exists only for valid JSON.
 * Copies share the data (thread-safe reference counting); the tree can be created on a worker thread
 * and read from any thread.
 */
class JsonTree {
public:
    /** Which threads may decode a document. */
    enum class Threads {
        /** The calling thread, and for a document of some megabytes one helper thread if one is free. */
        CallerAndHelper,
        /** The calling thread only. */
        CallerOnly,
    };

    JsonTree() = default;

    /** Decodes json and keeps its bytes (copied only when they are not json's own or lack spare room). */
    static std::expected<JsonTree, JsonParseError> parse(QByteArray json, Threads threads = Threads::CallerAndHelper);
    static std::expected<JsonTree, JsonParseError> parse(
        QByteArrayView json, Threads threads = Threads::CallerAndHelper);

    bool isNull() const { return m_data == nullptr; }
    /** The document's top-level value (invalid for a null tree). */
    JsonNode root() const;
    /**
     * Node by index (as returned by JsonNode::index()); invalid for an index no node has. Indices are
     * unique but not always dense: a big document decoded in two parts leaves a gap between them.
     */
    JsonNode node(qsizetype index) const;
    /** Number of values in the document. */
    qsizetype nodeCount() const;
    /** Approximate memory held by the tree in bytes. */
    qsizetype byteSize() const;

    friend bool operator==(const JsonTree &a, const JsonTree &b) { return a.m_data == b.m_data; }

private:
    static std::expected<JsonTree, JsonParseError> decode(QByteArray padded, Threads threads);

    std::shared_ptr<const detail::JsonTreeData> m_data;
};

/**
 * Decodes json on QThreadPool::globalInstance() and calls done on context's thread through a queued
 * invocation. If context is destroyed before the result arrives, done is not called.
 */
void decodeJsonAsync(
    QByteArray json, QObject *context, std::function<void(std::expected<JsonTree, JsonParseError>)> done);

} // namespace instant
