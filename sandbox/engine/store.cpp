#include "store.h"

#include "appdata.h"
#include "database.h"
#include "engine_debug.h"
#include "instamlprocessor.h"
#include "instaqlevaluator.h"
#include "jsonutil.h"
#include "systemcatalog.h"

#include <QHash>

#include <algorithm>
#include <mutex>
#include <shared_mutex>

using namespace Qt::Literals::StringLiterals;

namespace sandbox {

namespace {

// Soft-deleted attributes stay restorable this long (GET /admin/soft_deleted_attrs).
constexpr int kGracePeriodDays = 2;

ApiError unknownApp(const QUuid &appId)
{
    return ApiError::recordNotFound(u"app"_s, QJsonObject {{u"id"_s, jsonutil::uuidText(appId)}});
}

ApiError storageError(const QString &detail)
{
    qCWarning(lcSandboxEngine) << "database write failed:" << detail;
    return ApiError {500, u"sql-exception"_s, u"The database could not store the transaction."_s,
        QJsonObject {{u"debug-uri"_s, QJsonValue()}}};
}

} // namespace

struct Store::Private {
    mutable std::shared_mutex mutex;
    std::unique_ptr<Database> db;
    QList<AppInfo> apps;
    QHash<QUuid, AppData> data;
    QHash<QUuid, qint64> latestTx; // newest committed transaction per app

    std::mutex listenerMutex;
    QHash<int, ChangeListener> listeners;
    int nextHandle = 1;
    FileUrlBuilder urlBuilder;

    // Adds system attributes the app does not have yet (apps created by an older build).
    std::expected<void, QString> ensureSystemCatalog(AppData &app)
    {
        for (const Attr &attr : systemcatalog::attrs()) {
            if (!app.attr(attr.id)) {
                app.putAttr(attr);
            }
        }
        const QList<Change> journal = app.takeJournal();
        if (journal.isEmpty()) {
            return {};
        }
        auto committed = db->commit(app.appId, journal);
        if (!committed) {
            return std::unexpected(committed.error());
        }
        latestTx.insert(app.appId, *committed);
        return {};
    }

    void notify(const QUuid &appId, qint64 txId)
    {
        QList<ChangeListener> copies;
        {
            std::lock_guard lock(listenerMutex);
            copies = listeners.values();
        }
        for (const ChangeListener &listener : std::as_const(copies)) {
            listener(appId, txId);
        }
    }
};

Store::Store()
    : d(std::make_unique<Private>())
{ }

Store::~Store() = default;

std::expected<std::unique_ptr<Store>, QString> Store::open(const QString &databasePath)
{
    auto db = Database::open(databasePath);
    if (!db) {
        return std::unexpected(db.error());
    }
    std::unique_ptr<Store> store(new Store);
    store->d->db = std::move(*db);
    store->d->apps = store->d->db->loadApps();
    store->d->latestTx = store->d->db->latestTxIds();
    for (const AppInfo &app : std::as_const(store->d->apps)) {
        auto data = store->d->db->loadApp(app.id);
        if (!data) {
            return std::unexpected(data.error());
        }
        if (auto ensured = store->d->ensureSystemCatalog(*data); !ensured) {
            return std::unexpected(ensured.error());
        }
        store->d->data.insert(app.id, std::move(*data));
    }
    qCInfo(lcSandboxEngine) << "opened" << databasePath << "with" << store->d->apps.size() << "apps";
    return store;
}

std::expected<void, QString> Store::createApp(const AppInfo &app)
{
    std::unique_lock lock(d->mutex);
    if (d->data.contains(app.id)) {
        return std::unexpected(u"App %1 already exists"_s.arg(jsonutil::uuidText(app.id)));
    }
    AppData data;
    data.appId = app.id;
    for (const Attr &attr : systemcatalog::attrs()) {
        data.putAttr(attr);
    }
    auto committed = d->db->commit(app.id, data.takeJournal(), &app);
    if (!committed) {
        return std::unexpected(committed.error());
    }
    d->apps.append(app);
    d->data.insert(app.id, std::move(data));
    d->latestTx.insert(app.id, *committed);
    return {};
}

QList<AppInfo> Store::apps() const
{
    std::shared_lock lock(d->mutex);
    return d->apps;
}

bool Store::appExists(const QUuid &appId) const
{
    std::shared_lock lock(d->mutex);
    return d->data.contains(appId);
}

bool Store::isAdminToken(const QUuid &appId, const QUuid &token) const
{
    std::shared_lock lock(d->mutex);
    return std::any_of(d->apps.cbegin(), d->apps.cend(),
        [&](const AppInfo &app) { return app.id == appId && app.adminToken == token && !token.isNull(); });
}

std::expected<QueryResult, ApiError> Store::query(
    const QUuid &appId, const QJsonObject &instaql, const QueryOptions &options) const
{
    std::shared_lock lock(d->mutex);
    const auto it = d->data.constFind(appId);
    if (it == d->data.cend()) {
        return std::unexpected(unknownApp(appId));
    }
    InstaqlEvaluator evaluator(it.value(), options, d->urlBuilder);
    return evaluator.run(instaql);
}

std::expected<qint64, ApiError> Store::transact(
    const QUuid &appId, const QJsonArray &steps, const TransactOptions &options)
{
    const auto report = transactWithReport(appId, steps, options);
    if (!report) {
        return std::unexpected(report.error());
    }
    return report->txId;
}

std::expected<TransactReport, ApiError> Store::transactWithReport(const QUuid &appId, const QJsonArray &steps,
    const TransactOptions &options, const std::function<bool(const QList<TransactEffect> &)> &approve)
{
    TransactReport report;
    {
        std::unique_lock lock(d->mutex);
        const auto it = d->data.find(appId);
        if (it == d->data.end()) {
            return std::unexpected(unknownApp(appId));
        }
        // Changes go straight into the published image; a failure or a dry run undoes them from the journal.
        // Readers wait on the lock, so none of them ever sees a change that is rolled back.
        AppData &data = it.value();
        InstamlProcessor processor(data, data, options);
        if (auto processed = processor.process(steps); !processed) {
            data.rollback(data.takeJournal());
            return std::unexpected(processed.error());
        }
        report.effects = processor.effects();
        const QList<Change> journal = data.takeJournal();
        if (options.dryRun || (approve && !approve(report.effects))) {
            data.rollback(journal);
            auto reserved = d->db->reserveTxId();
            if (!reserved) {
                return std::unexpected(storageError(reserved.error()));
            }
            report.txId = *reserved;
            qCDebug(lcSandboxEngine) << "rolled back tx" << report.txId << "with" << steps.size() << "steps";
            return report;
        }
        auto committed = d->db->commit(appId, journal);
        if (!committed) {
            data.rollback(journal);
            return std::unexpected(storageError(committed.error()));
        }
        report.txId = *committed;
        report.committed = true;
        d->latestTx.insert(appId, report.txId);
    }
    qCDebug(lcSandboxEngine) << "committed tx" << report.txId << "with" << steps.size() << "steps";
    d->notify(appId, report.txId);
    return report;
}

qint64 Store::latestTxId(const QUuid &appId) const
{
    std::shared_lock lock(d->mutex);
    return d->latestTx.value(appId);
}

QDateTime Store::entityCreatedAt(const QUuid &appId, const QUuid &entityId) const
{
    std::shared_lock lock(d->mutex);
    const auto it = d->data.constFind(appId);
    if (it == d->data.cend()) {
        return {};
    }
    const Entity *entity = it->entity(entityId);
    if (!entity) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(entity->createdAt, Qt::UTC);
}

QJsonArray Store::attrs(const QUuid &appId) const
{
    std::shared_lock lock(d->mutex);
    QJsonArray result;
    const auto it = d->data.constFind(appId);
    if (it == d->data.cend()) {
        return result;
    }
    QList<const Attr *> live = it->liveAttrs();
    std::sort(live.begin(), live.end(),
        [](const Attr *a, const Attr *b) { return std::tuple(a->etype, a->label) < std::tuple(b->etype, b->label); });
    for (const Attr *attr : std::as_const(live)) {
        result.append(attr->toJson());
    }
    return result;
}

QJsonObject Store::schema(const QUuid &appId) const
{
    std::shared_lock lock(d->mutex);
    QJsonObject blobs;
    QJsonObject refs;
    const auto it = d->data.constFind(appId);
    if (it != d->data.cend()) {
        static const QStringList hiddenFileLabels {
            u"content-type"_s, u"content-disposition"_s, u"size"_s, u"location-id"_s, u"key-version"_s};
        for (const Attr *attr : it->liveAttrs()) {
            if (attr->etype.startsWith(u'$') && !systemcatalog::isVisibleSystemEtype(attr->etype)) {
                continue;
            }
            if (attr->isRef && attr->reverseEtype.startsWith(u'$')
                && !systemcatalog::isVisibleSystemEtype(attr->reverseEtype)) {
                continue;
            }
            if (attr->etype == u"$files"_s && hiddenFileLabels.contains(attr->label)) {
                continue;
            }
            QJsonObject json = attr->toJson();
            if (attr->etype == u"$files"_s && attr->label == u"url"_s) {
                json.insert(u"required?"_s, true);
            }
            if (attr->isRef) {
                refs.insert(
                    attr->etype + u'-' + attr->label + u'-' + attr->reverseEtype + u'-' + attr->reverseLabel, json);
            } else {
                QJsonObject labels = blobs.value(attr->etype).toObject();
                labels.insert(attr->label, json);
                blobs.insert(attr->etype, labels);
            }
        }
    }
    return QJsonObject {{u"blobs"_s, blobs}, {u"refs"_s, refs}};
}

QJsonObject Store::softDeletedAttrs(const QUuid &appId) const
{
    std::shared_lock lock(d->mutex);
    QList<QJsonObject> deleted;
    const auto it = d->data.constFind(appId);
    const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - qint64(kGracePeriodDays) * 24 * 3600 * 1000;
    if (it != d->data.cend()) {
        // Soft-deleted attributes are not "live", so walk every id the journal ever stored.
        for (const Attr &attr : it->allAttrs()) {
            if (attr.isDeleted() && attr.deletionMarkedAt >= cutoff) {
                deleted.append(attr.toJson());
            }
        }
    }
    std::sort(deleted.begin(), deleted.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"id").toString() < b.value(u"id").toString();
    });
    QJsonArray array;
    for (const QJsonObject &attr : std::as_const(deleted)) {
        array.append(attr);
    }
    return QJsonObject {{u"attrs"_s, array}, {u"grace-period-days"_s, kGracePeriodDays}};
}

int Store::addChangeListener(ChangeListener listener)
{
    std::lock_guard lock(d->listenerMutex);
    const int handle = d->nextHandle++;
    d->listeners.insert(handle, std::move(listener));
    return handle;
}

void Store::removeChangeListener(int handle)
{
    std::lock_guard lock(d->listenerMutex);
    d->listeners.remove(handle);
}

void Store::setFileUrlBuilder(FileUrlBuilder builder)
{
    std::unique_lock lock(d->mutex);
    d->urlBuilder = std::move(builder);
}

} // namespace sandbox
