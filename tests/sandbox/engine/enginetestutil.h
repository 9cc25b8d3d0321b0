#pragma once

#include "engine/store.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

/** Helpers shared by the engine tests: a store in a temporary directory with one app. */
namespace enginetest {

inline QJsonValue json(const char *text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text + QByteArray("]"));
    return doc.array().at(0);
}

inline QJsonObject object(const char *text)
{
    return json(text).toObject();
}

inline QJsonArray array(const char *text)
{
    return json(text).toArray();
}

inline QString compact(const QJsonValue &value)
{
    const QByteArray text = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<sandbox::Store> store;
    QUuid appId = QUuid::createUuid();

    bool open()
    {
        auto opened = sandbox::Store::open(dir.filePath(QStringLiteral("sandbox.db")));
        if (!opened) {
            qWarning("%s", qPrintable(opened.error()));
            return false;
        }
        store = std::move(*opened);
        return true;
    }

    bool init()
    {
        if (!dir.isValid() || !open()) {
            return false;
        }
        return store->createApp(sandbox::AppInfo {appId, QUuid::createUuid(), QStringLiteral("test")}).has_value();
    }

    std::expected<qint64, sandbox::ApiError> tx(const char *steps, const sandbox::TransactOptions &options = {})
    {
        return store->transact(appId, array(steps), options);
    }

    std::expected<sandbox::QueryResult, sandbox::ApiError> q(
        const char *query, const sandbox::QueryOptions &options = {})
    {
        return store->query(appId, object(query), options);
    }
};

} // namespace enginetest
