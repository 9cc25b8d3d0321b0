#include "json/jsontreedata.h"

#include <utility>

#include "json/blockbin.h"

namespace instant::detail {

void DecodedArrays::release()
{
    if (nodeBytes) {
        releaseBlock(std::exchange(nodes, nullptr), std::exchange(nodeBytes, 0));
    }
    if (blockBytes) {
        releaseBlock(std::exchange(blocks, nullptr), std::exchange(blockBytes, 0));
    }
    if (unescapedBytes) {
        releaseBlock(std::exchange(unescaped, nullptr), std::exchange(unescapedBytes, 0));
    }
}

} // namespace instant::detail
