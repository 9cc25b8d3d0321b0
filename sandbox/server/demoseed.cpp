#include "demoseed.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include "engine/store.h"
#include "storagearea.h"
#include "userdirectory.h"

namespace sandbox {

namespace {

QString id(const char *text)
{
    return QString::fromLatin1(text);
}

// Fixed ids keep the seed idempotent and let documentation and tests refer to them.
const QString kAlyssa = id("3f2b8a61-5c0d-4e7a-9b14-6d8e2f1a0c53");
const QString kBen = id("6a1c9e2d-4b3f-4c8a-8d7e-1f2a3b4c5d6e");
const QString kGuest = id("5b7c3d1e-2f4a-4b6c-9d8e-7f6a5b4c3d2e");

const QString kGoalFit = id("1d6f3a2e-9b47-4c15-8e03-7a2c5b9d4e61");
const QString kGoalJapanese = id("8a2b6c4d-1e3f-4a5b-9c6d-7e8f9a0b1c2d");
const QString kGoalConsole = id("2c4e6a8b-0d1f-4e3a-8b5c-6d7e8f9a0b1c");

struct Todo {
    QString id;
    const char *title;
    bool done;
    int priority;
    QString goal;
    QStringList tags;
};

const QString kTagHealth = id("a1b2c3d4-0001-4a00-8000-000000000001");
const QString kTagStudy = id("a1b2c3d4-0002-4a00-8000-000000000002");
const QString kTagWork = id("a1b2c3d4-0003-4a00-8000-000000000003");
const QString kTagWeekend = id("a1b2c3d4-0004-4a00-8000-000000000004");

struct AttrSpec {
    const char *id;
    const char *identId;
    const char *etype;
    const char *label;
    const char *reverseId; // refs only
    const char *reverseEtype;
    const char *reverseLabel;
    const char *cardinality;
    bool unique;
    bool indexed;
    const char *checkedType; // blobs only, may be null
};

// One attribute per kind the demo wants: typed, indexed blobs for ordering and comparisons, and
// links covering one-to-one, one-to-many, many-to-one and many-to-many.
const AttrSpec kAttrs[] = {
    {"b0000000-0000-4000-8000-000000000001", "b1000000-0000-4000-8000-000000000001", "goals", "title", nullptr, nullptr,
        nullptr, "one", false, true, "string"},
    {"b0000000-0000-4000-8000-000000000002", "b1000000-0000-4000-8000-000000000002", "todos", "title", nullptr, nullptr,
        nullptr, "one", false, true, "string"},
    {"b0000000-0000-4000-8000-000000000003", "b1000000-0000-4000-8000-000000000003", "todos", "priority", nullptr,
        nullptr, nullptr, "one", false, true, "number"},
    {"b0000000-0000-4000-8000-000000000004", "b1000000-0000-4000-8000-000000000004", "todos", "done", nullptr, nullptr,
        nullptr, "one", false, true, "boolean"},
    {"b0000000-0000-4000-8000-000000000005", "b1000000-0000-4000-8000-000000000005", "tags", "name", nullptr, nullptr,
        nullptr, "one", true, true, "string"},
    // goal has many todos, a todo has one goal
    {"c0000000-0000-4000-8000-000000000001", "c1000000-0000-4000-8000-000000000001", "goals", "todos",
        "c2000000-0000-4000-8000-000000000001", "todos", "goal", "many", true, false, nullptr},
    // many-to-many
    {"c0000000-0000-4000-8000-000000000002", "c1000000-0000-4000-8000-000000000002", "todos", "tags",
        "c2000000-0000-4000-8000-000000000002", "tags", "todos", "many", false, false, nullptr},
    // a goal has one owner, a user owns many goals
    {"c0000000-0000-4000-8000-000000000003", "c1000000-0000-4000-8000-000000000003", "goals", "owner",
        "c2000000-0000-4000-8000-000000000003", "$users", "goals", "one", false, false, nullptr},
    // one-to-one
    {"c0000000-0000-4000-8000-000000000004", "c1000000-0000-4000-8000-000000000004", "profiles", "user",
        "c2000000-0000-4000-8000-000000000004", "$users", "profile", "one", true, false, nullptr},
};

QString seedError(const ApiError &error)
{
    return QStringLiteral("demo seed failed: %1").arg(error.message);
}

} // namespace

DemoSeed::DemoSeed(Store &store, UserDirectory &users, StorageArea &storage)
    : m_store(store)
    , m_users(users)
    , m_storage(storage)
{ }

std::expected<void, QString> DemoSeed::apply(const QUuid &appId)
{
    if (auto r = ensureAttrs(appId); !r) {
        return r;
    }
    if (auto r = ensureUsers(appId); !r) {
        return r;
    }
    if (auto r = ensureData(appId); !r) {
        return r;
    }
    return ensureFiles(appId);
}

std::expected<void, QString> DemoSeed::ensureAttrs(const QUuid &appId)
{
    QStringList existing;
    for (const QJsonValue &attr : m_store.attrs(appId)) {
        const QJsonArray identity = attr.toObject().value(QStringLiteral("forward-identity")).toArray();
        existing.append(identity.at(1).toString() + QLatin1Char('.') + identity.at(2).toString());
    }
    QJsonArray steps;
    for (const AttrSpec &spec : kAttrs) {
        if (existing.contains(QString::fromLatin1(spec.etype) + QLatin1Char('.') + QString::fromLatin1(spec.label))) {
            continue;
        }
        QJsonObject attr {
            {QStringLiteral("id"), id(spec.id)},
            {QStringLiteral("forward-identity"), QJsonArray {id(spec.identId), id(spec.etype), id(spec.label)}},
            {QStringLiteral("value-type"), spec.reverseId ? QStringLiteral("ref") : QStringLiteral("blob")},
            {QStringLiteral("cardinality"), id(spec.cardinality)},
            {QStringLiteral("unique?"), spec.unique},
            {QStringLiteral("index?"), spec.indexed},
        };
        if (spec.reverseId) {
            attr.insert(QStringLiteral("reverse-identity"),
                QJsonArray {id(spec.reverseId), id(spec.reverseEtype), id(spec.reverseLabel)});
        }
        if (spec.checkedType) {
            attr.insert(QStringLiteral("checked-data-type"), id(spec.checkedType));
        }
        steps.append(QJsonArray {QStringLiteral("add-attr"), attr});
    }
    if (steps.isEmpty()) {
        return {};
    }
    const auto tx = m_store.transact(appId, steps);
    if (!tx) {
        return std::unexpected(seedError(tx.error()));
    }
    return {};
}

std::expected<void, QString> DemoSeed::ensureUsers(const QUuid &appId)
{
    struct DemoUser {
        QString id;
        QJsonObject attrs;
    };
    const DemoUser users[] = {
        {kAlyssa,
            QJsonObject {{QStringLiteral("email"), QStringLiteral("alyssa@example.com")},
                {QStringLiteral("type"), QStringLiteral("user")}}},
        {kBen,
            QJsonObject {{QStringLiteral("email"), QStringLiteral("ben@example.com")},
                {QStringLiteral("type"), QStringLiteral("user")}}},
        {kGuest, QJsonObject {{QStringLiteral("type"), QStringLiteral("guest")}}},
    };
    for (const DemoUser &user : users) {
        const QUuid userId = QUuid::fromString(user.id);
        const auto found = m_users.byId(appId, userId);
        if (!found) {
            return std::unexpected(seedError(found.error()));
        }
        if (found->has_value()) {
            continue;
        }
        // A new user gets one refresh token, so "signed-in" users exist from the start.
        const auto made = m_users.upsert(appId, userId, user.attrs);
        if (!made) {
            return std::unexpected(seedError(made.error()));
        }
        const auto token = m_users.mintRefreshToken(appId, userId);
        if (!token) {
            return std::unexpected(seedError(token.error()));
        }
    }
    return {};
}

std::expected<void, QString> DemoSeed::ensureData(const QUuid &appId)
{
    const auto seeded = m_store.query(appId,
        QJsonObject {{QStringLiteral("goals"),
            QJsonObject {{QStringLiteral("$"),
                QJsonObject {{QStringLiteral("where"), QJsonObject {{QStringLiteral("id"), kGoalFit}}}}}}}});
    if (!seeded) {
        return std::unexpected(seedError(seeded.error()));
    }
    if (!seeded->tree.value(QStringLiteral("goals")).toArray().isEmpty()) {
        return {};
    }

    const auto update = [](const char *etype, const QString &eid, const QJsonObject &attrs) {
        return QJsonArray {QStringLiteral("update"), id(etype), eid, attrs};
    };
    const auto link = [](const char *etype, const QString &eid, const char *label, const QJsonValue &targets) {
        return QJsonArray {QStringLiteral("link"), id(etype), eid, QJsonObject {{id(label), targets}}};
    };

    QJsonArray steps;
    const QString s = QStringLiteral("title");
    steps.append(update("goals", kGoalFit, QJsonObject {{s, QStringLiteral("Get fit")}}));
    steps.append(update("goals", kGoalJapanese, QJsonObject {{s, QStringLiteral("Learn Japanese")}}));
    steps.append(update("goals", kGoalConsole, QJsonObject {{s, QStringLiteral("Ship the console")}}));
    steps.append(link("goals", kGoalFit, "owner", kAlyssa));
    steps.append(link("goals", kGoalJapanese, "owner", kBen));
    steps.append(link("goals", kGoalConsole, "owner", kAlyssa));

    const QList<QPair<QString, const char *>> tags {
        {kTagHealth, "health"}, {kTagStudy, "study"}, {kTagWork, "work"}, {kTagWeekend, "weekend"}};
    for (const auto &[tagId, name] : tags) {
        steps.append(update("tags", tagId, QJsonObject {{QStringLiteral("name"), id(name)}}));
    }

    const Todo todos[] = {
        {id("d0000000-0000-4000-8000-000000000001"), "Run 5k", false, 2, kGoalFit, {kTagHealth, kTagWeekend}},
        {id("d0000000-0000-4000-8000-000000000002"), "Stretch every morning", true, 1, kGoalFit, {kTagHealth}},
        {id("d0000000-0000-4000-8000-000000000003"), "Learn hiragana", true, 3, kGoalJapanese, {kTagStudy}},
        {id("d0000000-0000-4000-8000-000000000004"), "Read a manga in Japanese", false, 1, kGoalJapanese,
            {kTagStudy, kTagWeekend}},
        {id("d0000000-0000-4000-8000-000000000005"), "Write the README", false, 3, kGoalConsole, {kTagWork}},
        {id("d0000000-0000-4000-8000-000000000006"), "Fix the flaky test", true, 2, kGoalConsole, {kTagWork}},
        {id("d0000000-0000-4000-8000-000000000007"), "Buy groceries", false, 1, QString(), {}},
    };
    for (const Todo &todo : todos) {
        steps.append(update("todos", todo.id,
            QJsonObject {{s, QString::fromUtf8(todo.title)}, {QStringLiteral("done"), todo.done},
                {QStringLiteral("priority"), todo.priority}}));
        if (!todo.goal.isEmpty()) {
            steps.append(link("goals", todo.goal, "todos", todo.id));
        }
        if (!todo.tags.isEmpty()) {
            steps.append(link("todos", todo.id, "tags", QJsonArray::fromStringList(todo.tags)));
        }
    }

    const QString profileAlyssa = id("e0000000-0000-4000-8000-000000000001");
    const QString profileBen = id("e0000000-0000-4000-8000-000000000002");
    steps.append(update("profiles", profileAlyssa,
        QJsonObject {{QStringLiteral("nickname"), QStringLiteral("alyssa")},
            {QStringLiteral("bio"), QStringLiteral("Runs, codes, repeats.")}}));
    steps.append(update("profiles", profileBen,
        QJsonObject {{QStringLiteral("nickname"), QStringLiteral("ben")},
            {QStringLiteral("bio"), QStringLiteral("日本語を勉強中")}}));
    steps.append(link("profiles", profileAlyssa, "user", kAlyssa));
    steps.append(link("profiles", profileBen, "user", kBen));

    const auto tx = m_store.transact(appId, steps);
    if (!tx) {
        return std::unexpected(seedError(tx.error()));
    }
    return {};
}

std::expected<void, QString> DemoSeed::ensureFiles(const QUuid &appId)
{
    struct DemoFile {
        const char *path;
        const char *contentType;
        QByteArray bytes;
    };
    const DemoFile files[] = {
        {"demo/readme.txt", "text/plain", QByteArrayLiteral("This app was created by instant-sandbox --seed demo.\n")},
        {"demo/logo.svg", "image/svg+xml",
            QByteArrayLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"32\">"
                              "<circle cx=\"16\" cy=\"16\" r=\"14\" fill=\"#ea580c\"/></svg>\n")},
        {"demo/goals.json", "application/json",
            QByteArrayLiteral("{\"goals\":[\"Get fit\",\"Learn Japanese\",\"Ship the console\"]}\n")},
    };
    for (const DemoFile &file : files) {
        const QString path = QString::fromLatin1(file.path);
        const auto existing = m_storage.fileByPath(appId, path);
        if (!existing) {
            return std::unexpected(seedError(existing.error()));
        }
        if (existing->has_value()) {
            continue;
        }
        const QString incoming = m_storage.newIncomingPath();
        QFile out(incoming);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.bytes) != file.bytes.size()) {
            return std::unexpected(QStringLiteral("demo seed failed: cannot write %1").arg(incoming));
        }
        out.close();
        const auto stored = m_storage.commit(
            appId, path, incoming, file.bytes.size(), QString::fromLatin1(file.contentType), QStringLiteral("inline"));
        if (!stored) {
            return std::unexpected(seedError(stored.error()));
        }
    }
    return {};
}

} // namespace sandbox
