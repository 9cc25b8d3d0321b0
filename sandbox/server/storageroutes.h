#pragma once

#include <QHash>
#include <QJsonValue>
#include <QMutex>
#include <QUuid>

#include <expected>

#include "engine/apierror.h"

namespace httplib {
class ContentReader;
}

namespace sandbox {

class RequestContext;
class Router;
struct Services;

/** Storage routes (§4.16–4.21) and the sandbox's own file download route. */
class StorageRoutes {
public:
    explicit StorageRoutes(Services &services);
    void install(Router &router);

private:
    void upload(RequestContext &context, const httplib::ContentReader &reader);
    void consumeUploadUrl(RequestContext &context, const httplib::ContentReader &reader);
    /** Streams the body to disk and commits it; answers the request either way. */
    void receive(
        RequestContext &context, const httplib::ContentReader &reader, const QUuid &appId, const QString &path);
    void download(RequestContext &context);
    std::expected<QJsonValue, ApiError> signedUploadUrl(RequestContext &context);
    std::expected<QJsonValue, ApiError> signedDownloadUrl(RequestContext &context);
    std::expected<QJsonValue, ApiError> list(RequestContext &context);
    std::expected<QJsonValue, ApiError> deleteOne(RequestContext &context);
    std::expected<QJsonValue, ApiError> deleteMany(RequestContext &context);

    struct PendingUpload {
        QUuid appId;
        QString path;
    };

    Services &m_services;
    QMutex m_pendingMutex;
    QHash<QUuid, PendingUpload> m_pendingUploads; // legacy signed upload URLs, single use
};

} // namespace sandbox
