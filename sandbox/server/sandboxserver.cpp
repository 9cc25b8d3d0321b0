#include "sandboxserver.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <httplib.h>

#include <sys/socket.h>

#include <atomic>
#include <thread>

#include "authresolver.h"
#include "authroutes.h"
#include "dataroutes.h"
#include "demoseed.h"
#include "engine/store.h"
#include "livequeryhub.h"
#include "liveroutes.h"
#include "presencerooms.h"
#include "requestcontext.h"
#include "router.h"
#include "sandbox_debug.h"
#include "sandboxroutes.h"
#include "services.h"
#include "storagearea.h"
#include "storageroutes.h"
#include "userdirectory.h"
#include "wire.h"

namespace sandbox {

namespace {

const QString kIdentityFile = QStringLiteral("sandbox.json");
const QString kDatabaseFile = QStringLiteral("sandbox.sqlite");

/** Picks the first app: options win, then what DIR remembers, then fresh ids. */
std::expected<AppInfo, QString> primaryApp(Store &store, const SandboxOptions &options, const QString &dataDir)
{
    QFile file(dataDir + QLatin1Char('/') + kIdentityFile);
    QJsonObject saved;
    if (file.open(QIODevice::ReadOnly)) {
        saved = QJsonDocument::fromJson(file.readAll()).object();
    }
    const auto savedApp = wire::parseUuid(saved.value(QStringLiteral("app-id")).toString());
    const QUuid appId = !options.appId.isNull() ? options.appId : savedApp.value_or(QUuid::createUuid());

    AppInfo app {appId, options.adminToken, QStringLiteral("Sandbox")};
    if (store.appExists(appId)) {
        for (const AppInfo &known : store.apps()) {
            if (known.id == appId) {
                app = known;
            }
        }
        if (!options.adminToken.isNull() && !store.isAdminToken(appId, options.adminToken)) {
            return std::unexpected(QStringLiteral("app %1 already exists in %2 with a different admin token")
                                       .arg(wire::uuidString(appId), dataDir));
        }
    } else {
        if (app.adminToken.isNull()) {
            app.adminToken = QUuid::createUuid();
        }
        const auto created = store.createApp(app);
        if (!created) {
            return std::unexpected(created.error());
        }
    }

    QSaveFile out(file.fileName());
    const QJsonObject identity {{QStringLiteral("app-id"), wire::uuidString(app.id)},
        {QStringLiteral("admin-token"), wire::uuidString(app.adminToken)}};
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(identity).toJson()) < 0 || !out.commit()) {
        return std::unexpected(QStringLiteral("cannot write %1").arg(file.fileName()));
    }
    QFile::setPermissions(file.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return app;
}

} // namespace

QByteArray SandboxInfo::toJsonLine() const
{
    // Written by hand: the contract fixes the key order, and QJsonObject sorts keys.
    const auto field = [](const char *key, const QString &value) -> QByteArray {
        return RequestContext::encode(QString::fromLatin1(key)) + ':' + RequestContext::encode(value);
    };
    return '{' + field("url", url) + ',' + field("app-id", wire::uuidString(appId)) + ','
        + field("admin-token", wire::uuidString(adminToken)) + "}\n";
}

struct SandboxServer::Private {
    SandboxOptions options;
    SandboxInfo info;
    std::unique_ptr<Store> store;
    std::unique_ptr<UserDirectory> users;
    std::unique_ptr<AuthResolver> auth;
    std::unique_ptr<StorageArea> storage;
    std::unique_ptr<PresenceRooms> presence;
    std::unique_ptr<LiveQueryHub> live;
    std::unique_ptr<Services> services;
    std::unique_ptr<httplib::Server> http;
    std::unique_ptr<Router> router;
    std::unique_ptr<DataRoutes> dataRoutes;
    std::unique_ptr<AuthRoutes> authRoutes;
    std::unique_ptr<StorageRoutes> storageRoutes;
    std::unique_ptr<LiveRoutes> liveRoutes;
    std::unique_ptr<SandboxRoutes> sandboxRoutes;
    std::thread listener;
    std::shared_ptr<std::atomic<bool>> listenerDone; // set when the accept loop has returned
    bool running = false;
};

SandboxServer::SandboxServer()
    : d(std::make_unique<Private>())
{ }

SandboxServer::~SandboxServer()
{
    stop();
}

std::expected<SandboxInfo, QString> SandboxServer::start(const SandboxOptions &options)
{
    if (d->running || d->http) {
        return std::unexpected(QStringLiteral("the sandbox is already started"));
    }
    d->options = options;
    const QString dataDir = QDir::cleanPath(QDir(options.dataDir).absolutePath());
    if (!QDir().mkpath(dataDir)) {
        return std::unexpected(QStringLiteral("cannot create the data directory %1").arg(dataDir));
    }

    auto store = Store::open(dataDir + QLatin1Char('/') + kDatabaseFile);
    if (!store) {
        return std::unexpected(store.error());
    }
    d->store = std::move(*store);
    const auto app = primaryApp(*d->store, options, dataDir);
    if (!app) {
        return std::unexpected(app.error());
    }
    d->storage = std::make_unique<StorageArea>(*d->store, dataDir + QStringLiteral("/files"));
    if (const auto prepared = d->storage->prepare(); !prepared) {
        return std::unexpected(prepared.error());
    }
    d->storage->removeOrphans();
    d->users = std::make_unique<UserDirectory>(*d->store);
    d->auth = std::make_unique<AuthResolver>(*d->store, *d->users);
    d->presence = std::make_unique<PresenceRooms>();
    d->live = std::make_unique<LiveQueryHub>(*d->store);
    d->services = std::make_unique<Services>(
        Services {*d->store, *d->users, *d->auth, *d->storage, *d->presence, *d->live, options, QString()});

    d->http = std::make_unique<httplib::Server>();
    const int threads = options.threads;
    // Every open event stream holds a worker for its lifetime; the pool must outnumber them.
    d->http->new_task_queue = [threads] { return new httplib::ThreadPool(std::size_t(threads)); };
    d->http->set_payload_max_length(std::size_t(options.uploadLimit));
    d->http->set_keep_alive_max_count(1000);
    d->http->set_keep_alive_timeout(2);
    d->http->set_read_timeout(30);
    d->http->set_write_timeout(30);
    d->router = std::make_unique<Router>(*d->http, options.jsonBodyLimit);
    d->router->installDefaults();
    d->dataRoutes = std::make_unique<DataRoutes>(*d->services);
    d->authRoutes = std::make_unique<AuthRoutes>(*d->services);
    d->storageRoutes = std::make_unique<StorageRoutes>(*d->services);
    d->liveRoutes = std::make_unique<LiveRoutes>(*d->services);
    d->sandboxRoutes = std::make_unique<SandboxRoutes>(*d->services, app->id);
    d->dataRoutes->install(*d->router);
    d->authRoutes->install(*d->router);
    d->storageRoutes->install(*d->router);
    d->liveRoutes->install(*d->router);
    d->sandboxRoutes->install(*d->router);

    // The library listens with a backlog of 5, which drops connection bursts (a console opening many
    // live queries at once) into slow SYN retries; the socket is remembered to widen it after bind.
    auto listenSocket = std::make_shared<socket_t>(INVALID_SOCKET);
    d->http->set_socket_options([listenSocket](socket_t sock) {
        // SO_REUSEADDR only: the library's default SO_REUSEPORT would let a second sandbox share the port.
        const int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        *listenSocket = sock;
    });

    const std::string host = options.host.toStdString();
    int port = options.port;
    if (port == 0) {
        port = d->http->bind_to_any_port(host);
        if (port <= 0) {
            return std::unexpected(QStringLiteral("cannot listen on %1").arg(options.host));
        }
    } else if (!d->http->bind_to_port(host, port)) {
        return std::unexpected(QStringLiteral("cannot listen on %1:%2").arg(options.host).arg(port));
    }
    if (*listenSocket != INVALID_SOCKET) {
        ::listen(*listenSocket, SOMAXCONN);
    }
    const QString hostPart
        = options.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + options.host + QLatin1Char(']') : options.host;
    d->info = SandboxInfo {QStringLiteral("http://%1:%2").arg(hostPart).arg(port), app->id, app->adminToken};
    d->services->baseUrl = d->info.url;
    d->storage->setBaseUrl(d->info.url);
    StorageArea *storage = d->storage.get();
    d->store->setFileUrlBuilder(
        [storage](const QUuid &appId, const QString &locationId) { return storage->url(appId, locationId); });

    if (options.seed == QLatin1String("demo")) {
        DemoSeed seed(*d->store, *d->users, *d->storage);
        if (const auto seeded = seed.apply(app->id); !seeded) {
            return std::unexpected(seeded.error());
        }
    }

    httplib::Server *http = d->http.get();
    auto done = std::make_shared<std::atomic<bool>>(false);
    d->listenerDone = done;
    d->listener = std::thread([http, done] {
        http->listen_after_bind();
        *done = true;
    });
    d->running = true;
    qCInfo(lcSandbox) << "sandbox listening on" << d->info.url << "data in" << dataDir;
    return d->info;
}

void SandboxServer::stop()
{
    if (!d->http) {
        return;
    }
    // Streams first: their workers block waiting for events, and the pool joins its workers.
    if (d->live) {
        d->live->shutdown();
    }
    // httplib's stop() does nothing until the accept loop has started, and a loaded machine can take a
    // while to schedule the listener thread: a stop() in that window (a quick SIGTERM) would leave the
    // loop running and the join below waiting forever. So stop once the loop runs, or not at all if it
    // already ended. The library must not be stopped twice while its loop winds down.
    while (d->listenerDone && !*d->listenerDone) {
        if (d->http->is_running()) {
            d->http->stop();
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (d->listener.joinable()) {
        d->listener.join();
    }
    d->listenerDone.reset();
    d->running = false;
    d->sandboxRoutes.reset();
    d->liveRoutes.reset();
    d->storageRoutes.reset();
    d->authRoutes.reset();
    d->dataRoutes.reset();
    d->router.reset();
    d->http.reset();
    d->services.reset();
    d->live.reset();
    d->presence.reset();
    d->auth.reset();
    d->users.reset();
    d->storage.reset();
    d->store.reset();
    qCInfo(lcSandbox) << "sandbox stopped";
}

bool SandboxServer::isRunning() const
{
    return d->running;
}

SandboxInfo SandboxServer::info() const
{
    return d->info;
}

int SandboxServer::liveSessionCount() const
{
    return d->live ? d->live->sessionCount() : 0;
}

Store *SandboxServer::store() const
{
    return d->store.get();
}

} // namespace sandbox
