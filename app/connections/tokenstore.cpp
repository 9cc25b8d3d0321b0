#include "connections/tokenstore.h"

#include "console_debug.h"

#include <memory>

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace console {

namespace {

KeychainError toError(const QKeychain::Job *job)
{
    KeychainError error;
    error.detail = job->errorString();
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        error.kind = KeychainError::Kind::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        error.kind = KeychainError::Kind::Unavailable;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        error.kind = KeychainError::Kind::Denied;
        break;
    default:
        error.kind = KeychainError::Kind::Other;
        break;
    }
    return error;
}

/**
 * Runs one keychain job with a deadline. The job is not parented: a job stuck on a locked keyring may
 * never finish, and destroying it while libsecret still holds a callback into it is not safe. It
 * deletes itself if it ever finishes.
 */
template<typename Result>
void runJob(QKeychain::Job *job, int timeoutMs, QObject *context, std::function<void(Result)> done,
    std::function<Result(QKeychain::Job *)> onSuccess)
{
    struct State {
        bool answered = false;
    };
    auto state = std::make_shared<State>();
    QPointer<QObject> guard(context);
    job->setAutoDelete(false);

    QObject::connect(job, &QKeychain::Job::finished, job, [state, guard, done, onSuccess](QKeychain::Job *finished) {
        finished->deleteLater();
        if (state->answered) {
            qCInfo(lcUi) << "keychain answered after its timeout; ignored";
            return;
        }
        state->answered = true;
        if (!guard) {
            return;
        }
        if (finished->error() != QKeychain::NoError) {
            done(std::unexpected(toError(finished)));
            return;
        }
        done(onSuccess(finished));
    });

    QTimer::singleShot(timeoutMs, context, [state, done, timeoutMs] {
        if (state->answered) {
            return;
        }
        state->answered = true;
        qCWarning(lcUi) << "keychain call timed out after" << timeoutMs << "ms";
        done(std::unexpected(KeychainError {KeychainError::Kind::Timeout, QStringLiteral("timeout")}));
    });
    job->start();
}

} // namespace

QString KeychainError::userMessage() const
{
    switch (kind) {
    case Kind::NotFound:
        return QCoreApplication::translate("console::KeychainError", "No admin token is stored for this connection.");
    case Kind::Unavailable:
        return QCoreApplication::translate("console::KeychainError", "No system keychain is available.");
    case Kind::Denied:
        return QCoreApplication::translate("console::KeychainError", "Access to the system keychain was denied.");
    case Kind::Timeout:
        return QCoreApplication::translate(
            "console::KeychainError", "The system keychain did not answer in time (it may be locked).");
    case Kind::Other:
        break;
    }
    return QCoreApplication::translate("console::KeychainError", "The system keychain failed: %1").arg(detail);
}

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
    , m_service(QStringLiteral("instant-console"))
{ }

TokenStore::~TokenStore() = default;

void TokenStore::setServiceName(const QString &service)
{
    m_service = service;
}

void TokenStore::setTimeoutMs(int ms)
{
    m_timeoutMs = ms;
}

void TokenStore::readToken(const QString &profileId, QObject *context, std::function<void(TokenResult)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(profileId);
    runJob<TokenResult>(job, m_timeoutMs, context, std::move(done), [](QKeychain::Job *finished) -> TokenResult {
        return static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
    });
}

void TokenStore::writeToken(
    const QString &profileId, const QString &token, QObject *context, std::function<void(KeychainResult)> done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(profileId);
    job->setTextData(token);
    runJob<KeychainResult>(
        job, m_timeoutMs, context, std::move(done), [](QKeychain::Job *) -> KeychainResult { return {}; });
}

void TokenStore::deleteToken(const QString &profileId, QObject *context, std::function<void(KeychainResult)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(profileId);
    runJob<KeychainResult>(
        job, m_timeoutMs, context, std::move(done), [](QKeychain::Job *) -> KeychainResult { return {}; });
}

void TokenStore::setSessionToken(const QString &profileId, const QString &token)
{
    m_sessionTokens.insert(profileId, token);
}

QString TokenStore::sessionToken(const QString &profileId) const
{
    return m_sessionTokens.value(profileId);
}

bool TokenStore::hasSessionToken(const QString &profileId) const
{
    return m_sessionTokens.contains(profileId);
}

void TokenStore::forgetSessionToken(const QString &profileId)
{
    m_sessionTokens.remove(profileId);
}

} // namespace console
