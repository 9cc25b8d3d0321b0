#pragma once

#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <expected>
#include <mutex>
#include <optional>

#include "engine/apierror.h"

namespace sandbox {

class Store;

/**
 * Stored files of every app: bytes under `<root>/<app-id>/<location-id>` and a `$files` entity per
 * path. Names on disk are ids the sandbox generates, never user paths, so nothing a client sends can
 * point outside the root. Uploads go to `<root>/.incoming` first and are renamed into place only
 * once complete.
 */
class StorageArea {
public:
    StorageArea(Store &store, const QString &root);

    /** Creates the directories and removes uploads left over from an interrupted run. */
    std::expected<void, QString> prepare();
    /**
     * Deletes stored bytes no `$files` entity points at any more (files deleted through a transact,
     * overwrites interrupted by a crash). Instant's bucket is swept later too; the sandbox does it at start.
     */
    void removeOrphans();
    void setBaseUrl(const QString &baseUrl);

    /** A fresh temporary file name for an upload in progress. */
    QString newIncomingPath() const;
    /**
     * Moves a complete upload into place and records it under `path` (same `$files` id when the
     * path exists, new location id). Returns {"id","location-id","size"}.
     */
    std::expected<QJsonObject, ApiError> commit(const QUuid &appId, const QString &path, const QString &incomingPath,
        qint64 size, const QString &contentType, const QString &contentDisposition);

    std::expected<std::optional<QJsonObject>, ApiError> fileByPath(const QUuid &appId, const QString &path) const;
    std::expected<std::optional<QJsonObject>, ApiError> fileByLocation(
        const QUuid &appId, const QString &locationId) const;
    /** Deletes the file at `path`; its id, or std::nullopt when there was none. */
    std::expected<std::optional<QString>, ApiError> removeByPath(const QUuid &appId, const QString &path);

    /** Where the bytes of a location live; empty when the ids are not UUIDs. */
    QString diskPath(const QUuid &appId, const QString &locationId) const;
    /** The `url` of a `$files` entity: served by the sandbox itself. */
    QString url(const QUuid &appId, const QString &locationId) const;
    /** `<app-id>/<bin>/<location-id>`, bin = abs(Java hashCode(location-id)) mod 10. */
    static QString objectKey(const QUuid &appId, const QString &locationId);

private:
    Store &m_store;
    const QString m_root;
    QString m_baseUrl;
    mutable std::mutex m_mutex; // one commit or delete at a time keeps path → id stable
};

} // namespace sandbox
