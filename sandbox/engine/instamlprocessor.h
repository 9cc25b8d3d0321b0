#pragma once

#include "appdata.h"
#include "store.h"

namespace sandbox {

/**
 * Validates InstaML steps the way the server does, creates missing attributes (§7.4) and applies the
 * steps to an app. On failure the caller rolls the app back with its journal: nothing is undone here.
 */
class InstamlProcessor {
public:
    /**
     * `before` answers questions about the state before the transaction (existence checks, cascades);
     * `work` receives the changes. They may be the same object: those questions are asked before any
     * triple is written.
     */
    InstamlProcessor(const AppData &before, AppData &work, const TransactOptions &options);

    std::expected<void, ApiError> process(const QJsonArray &steps);
    /** After a successful process(): what the steps did, per entity and action (see TransactEffect). */
    QList<TransactEffect> effects() const { return m_effects; }

private:
    const AppData &m_before;
    AppData &m_work;
    const TransactOptions &m_options;
    QList<TransactEffect> m_effects;
};

} // namespace sandbox
