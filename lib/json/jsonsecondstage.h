#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "json/jsontreedata.h"

namespace instant::detail {

/**
 * The grammar pass of the JSON decoder. It walks the positions of the structural characters that the
 * first stage found, checks the grammar, and writes one NodeRecord per value. Numbers and strings
 * without escapes are checked but not converted: a record points at their text in the input.
 *
 * Children of a container get consecutive node indices: finished values wait on a pending stack until
 * their container closes, and then move into the node array as one block.
 *
 * A document can be decoded in two parts on two threads: the head from the start of the document, the
 * tail from a split point where a value of an array starts. The tail does not know the containers it
 * sits in; the values it finishes at its outermost level, and the brackets that close containers the
 * head opened, are kept for appendTail(), which puts the two parts together.
 */
class JsonSecondStage {
public:
    enum class Part {
        Whole,
        Head,
        Tail,
    };

    /** Working memory of a decode; the calling thread's own is reused between decodes. */
    struct Scratch;
    static Scratch &threadScratch();
    /** Consumers of a tree (serialising, copying into Qt's JSON classes) walk it recursively. */
    static constexpr std::uint32_t kMaxDepth = 1024;

    /**
     * input is padded (see kJsonInputPadding). structurals are positions relative to begin; the part is
     * [begin, end) of input. scratch must stay with this object until it is destroyed.
     */
    JsonSecondStage(const char *input, std::uint32_t inputLength, std::uint32_t begin, std::uint32_t end,
        const std::uint32_t *structurals, std::uint32_t count, Part part, Scratch &scratch);
    ~JsonSecondStage();
    JsonSecondStage(const JsonSecondStage &) = delete;
    JsonSecondStage &operator=(const JsonSecondStage &) = delete;

    /** Reserves the node and block arrays for a document of that many structural positions. */
    void allocate(std::size_t structuralCount);
    /** Reserves room for unescaped text now rather than at the first escape (for a head with a tail). */
    void allocateText();
    /**
     * Tail only, instead of allocate(): nodes go into the head's node array, downwards from its end, and
     * unescaped text into the head's buffer from the split point on (the head's own text ends before
     * it). Indices and offsets are then final, and putting the parts together moves nothing big.
     */
    void shareOutput(const JsonSecondStage &head, std::size_t structuralCount);
    /** Decodes the part; nullptr on success, else a message, with the byte offset in errorOffset(). */
    const char *run();
    std::uint32_t errorOffset() const { return m_errorAt; }

    /** Head only: joins the decoded tail to the head; false if the parts do not fit together. */
    bool appendTail(JsonSecondStage &tail);
    /** Whole, or Head after appendTail(): hands the decoded nodes to data. */
    void handOver(JsonTreeData &data);

private:
    struct OpenContainer {
        std::uint32_t pendingStart; // its first child on the pending stack
        std::uint32_t keyOffset; // its own key, when it is an object member
        std::uint32_t keyMeta;
        std::uint32_t kind; // one of the Kind values
    };
    // Kinds of open containers. The tail's outermost frame stands for the containers the head opened;
    // it learns from the first comma after a closing bracket whether members or elements follow.
    enum Kind : std::uint32_t {
        ArrayKind = 0,
        ObjectKind = 1,
        OuterUnknown = 2,
        OuterArray = 4,
        OuterObject = 5,
    };
    // A container on the pending stack whose children block does not know its owner's index yet.
    struct UnplacedOwner {
        std::uint32_t pendingIndex;
        std::uint32_t block;
    };
    // In the tail: a bracket that closes a container the head opened.
    struct OuterClose {
        std::uint32_t pendingSize; // values of the tail's outermost level before it
        std::uint32_t kind; // OuterArray or OuterObject as learnt, or OuterUnknown
        std::uint8_t bracket;
    };

public:
    struct Scratch {
        std::vector<NodeRecord> pending;
        std::vector<OpenContainer> open = std::vector<OpenContainer>(kMaxDepth + 2);
        std::vector<UnplacedOwner> owners;
        std::vector<std::uint32_t> backslashes;
        std::vector<OuterClose> outerCloses;

        void release();
    };

private:
    const char *fail(std::uint32_t offset, const char *message)
    {
        m_errorAt = offset;
        return message;
    }
    bool onlyWhitespace(std::uint32_t from, std::uint32_t to) const;
    void scanForBackslashes(std::uint32_t upTo);
    const char *readString(std::uint32_t quote, std::uint32_t next, std::uint32_t &offset, std::uint32_t &length,
        std::uint32_t &flags, std::uint32_t unescapedFlag);
    const char *unescape(std::uint32_t begin, std::uint32_t end, std::uint32_t &offset, std::uint32_t &length);
    const char *checkNumber(std::uint32_t position, std::uint32_t next, std::uint32_t &length);
    void growPending();
    void push(const NodeRecord &record);
    bool closeContainer();
    void placeBlock(std::uint32_t first, std::uint32_t pendingStart);
    void allocateBlocks(std::size_t structuralCount);

    const std::uint8_t *const m_input;
    const std::uint32_t m_inputLength;
    const std::uint32_t m_begin;
    const std::uint32_t m_end;
    const std::uint32_t *const m_structurals;
    const std::uint32_t m_count;
    const Part m_part;
    Scratch &m_scratch;

    // The node array is filled from 1 upwards up to m_placed, or for a tail from m_out.nodeEnd downwards
    // down to m_top. A tail's node array and text buffer are the head's.
    DecodedArrays m_out;
    std::uint32_t m_placed = 0;
    std::uint32_t m_top = 0;
    std::uint32_t m_blockCapacity = 0;

    const std::uint32_t *m_nextBackslash = nullptr;
    std::uint32_t m_scannedUpTo = 0;
    NodeRecord *m_pending = nullptr; // the pending stack: finished values whose container is still open
    NodeRecord *m_pendingEnd = nullptr;
    NodeRecord *m_pendingLimit = nullptr;
    OpenContainer *m_openBase = nullptr;
    OpenContainer *m_open = nullptr; // one past the innermost open container
    std::uint32_t m_maxDepth = 0;
    std::uint32_t m_errorAt = 0;
};

} // namespace instant::detail
