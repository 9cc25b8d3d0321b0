#pragma once

#include "appdata.h"
#include "store.h"

namespace sandbox {

/**
 * Validates an InstaQL query the way the server does and answers it from an app's in-memory image.
 * One instance per query; the image must not change while it runs.
 */
class InstaqlEvaluator {
public:
    InstaqlEvaluator(const AppData &data, const QueryOptions &options, const Store::FileUrlBuilder &urlBuilder);

    std::expected<QueryResult, ApiError> run(const QJsonObject &query);

private:
    const AppData &m_data;
    const QueryOptions &m_options;
    const Store::FileUrlBuilder &m_urlBuilder;
};

} // namespace sandbox
