#pragma once

#include <cstddef>
#include <cstdint>

#include <QByteArray>
#include <QByteArrayView>

namespace instant::detail {

/**
 * One value of a decoded document, 16 bytes. Scalars are not converted while decoding: a number keeps
 * the position of its text in the input, a string the position of its bytes (or, when it had escapes,
 * of its unescaped copy in the tree's side buffer). The key of an object member sits in the member's
 * own record, so a container holds nothing but where its children are.
 */
struct NodeRecord {
    enum Type : std::uint32_t {
        Null,
        False,
        True,
        Number,
        String,
        Array,
        Object,
    };
    static constexpr std::uint32_t kTypeMask = 0x7;
    static constexpr std::uint32_t kTextUnescaped = 0x8; // text offset points into the side buffer
    static constexpr std::uint32_t kKeyUnescaped = 0x10; // key offset points into the side buffer
    static constexpr int kKeyLengthShift = 5;
    static constexpr std::uint32_t kMaxKeyLength = 0xFFFFFFFFu >> kKeyLengthShift;

    // Array/object: index of the first child and child count. String/number: offset and length of the text.
    std::uint32_t offset;
    std::uint32_t length;
    // Member of an object: offset of the key's text; 0 otherwise.
    std::uint32_t keyOffset;
    // Type, the two flags above, and the key's length in the remaining bits.
    std::uint32_t meta;

    Type type() const { return Type(meta & kTypeMask); }
    std::uint32_t keyLength() const { return meta >> kKeyLengthShift; }
    bool isContainer() const { return type() == Array || type() == Object; }
};
static_assert(sizeof(NodeRecord) == 16);

/**
 * Where the children of one container sit. Blocks are sorted by first and tile the used node indices
 * apart from the root, so the block holding a node, and with it the node's parent and row, is a binary
 * search away.
 */
struct ChildBlock {
    std::uint32_t first;
    std::uint32_t owner;
};

/** What a decode writes. The three arrays come from acquireBlock(); a byte count of 0 means not owned. */
struct DecodedArrays {
    // Node 0 is the root. Indices [0, nodeEnd) are in use except for the gap [gapBegin, gapEnd), which a
    // document decoded in two parts leaves between them.
    NodeRecord *nodes = nullptr;
    std::size_t nodeBytes = 0;
    std::uint32_t nodeCount = 0;
    std::uint32_t nodeEnd = 0;
    std::uint32_t gapBegin = 0;
    std::uint32_t gapEnd = 0;
    ChildBlock *blocks = nullptr;
    std::size_t blockBytes = 0;
    std::uint32_t blockCount = 0;
    // Unescaped copies of the strings and keys that had escapes (allocated with the first of them).
    char *unescaped = nullptr;
    std::size_t unescapedBytes = 0;
    std::uint32_t unescapedSize = 0;

    /** Hands the owned arrays back for reuse. */
    void release();
    bool isNode(qsizetype index) const
    {
        return index >= 0 && index < qsizetype(nodeEnd) && (index < qsizetype(gapBegin) || index >= qsizetype(gapEnd));
    }
};

/** Everything a JsonTree shares between its copies; immutable once decoded. */
struct JsonTreeData : DecodedArrays {
    JsonTreeData() = default;
    JsonTreeData(const JsonTreeData &) = delete;
    JsonTreeData &operator=(const JsonTreeData &) = delete;
    ~JsonTreeData() { release(); }

    // The document's bytes: strings without escapes and numbers are read from here.
    QByteArray input;

    QByteArrayView text(std::uint32_t offset, std::uint32_t length, bool unescapedText) const
    {
        return QByteArrayView((unescapedText ? unescaped : input.constData()) + offset, length);
    }
};

} // namespace instant::detail
