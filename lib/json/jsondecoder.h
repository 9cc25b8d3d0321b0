#pragma once

#include <cstddef>
#include <optional>

#include "json/jsontree.h"

namespace instant::detail {

struct JsonTreeData;

/** Bytes that must be readable after the end of the input; the first of them must be zero. */
inline constexpr std::size_t kJsonInputPadding = 64;

/**
 * Decodes data.input (padded as above) into data's node records; on failure returns what is wrong and
 * where, and data is to be dropped. Runs on the calling thread and, if allowed and worth it, on one
 * helper thread as well; safe to call from several threads at once.
 */
std::optional<JsonParseError> decodeJson(JsonTreeData &data, bool mayUseHelper);

} // namespace instant::detail
