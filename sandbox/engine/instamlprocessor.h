#pragma once

#include "appdata.h"
#include "store.h"

namespace sandbox {

/**
 * Validates InstaML steps the way the server does, creates missing attributes (§7.4) and applies the
 * steps to a working copy of an app. On failure the copy must be dropped: nothing is undone here.
 */
class InstamlProcessor {
public:
    /** `before` is the app as committed; `work` starts as a copy of it and receives the changes. */
    InstamlProcessor(const AppData &before, AppData &work, const TransactOptions &options);

    std::expected<void, ApiError> process(const QJsonArray &steps);

private:
    const AppData &m_before;
    AppData &m_work;
    const TransactOptions &m_options;
};

} // namespace sandbox
