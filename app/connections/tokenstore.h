#pragma once

#include <expected>
#include <functional>

#include <QHash>
#include <QObject>
#include <QString>

namespace console {

/** Why the keychain could not do what was asked. */
struct KeychainError {
    enum class Kind {
        /** No token is stored for this profile. */
        NotFound,
        /** No secret service is running (or none is implemented on this platform). */
        Unavailable,
        /** The user or the system refused access. */
        Denied,
        /** The keychain did not answer in time (a locked keyring may wait forever for a prompt). */
        Timeout,
        Other,
    };

    Kind kind = Kind::Other;
    /** Technical text from the keychain; untranslated. */
    QString detail;

    /** A translated sentence for people. */
    QString userMessage() const;
};

using TokenResult = std::expected<QString, KeychainError>;
using KeychainResult = std::expected<void, KeychainError>;

/**
 * Admin tokens in the OS keychain (QtKeychain: libsecret, macOS Keychain, Windows credentials), one
 * entry per profile id, plus tokens the user chose to keep only for this session (memory only).
 *
 * Every call has its own timeout: the callback runs exactly once, from the event loop, with the
 * keychain's answer or KeychainError::Kind::Timeout, and never if context was destroyed first. A job
 * that answers after its timeout is ignored.
 */
class TokenStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)
public:
    explicit TokenStore(QObject *parent = nullptr);
    ~TokenStore() override;

    /** Keychain service name; "instant-console" by default (tests use their own). */
    QString serviceName() const { return m_service; }
    void setServiceName(const QString &service);
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms);

    void readToken(const QString &profileId, QObject *context, std::function<void(TokenResult)> done);
    void writeToken(
        const QString &profileId, const QString &token, QObject *context, std::function<void(KeychainResult)> done);
    void deleteToken(const QString &profileId, QObject *context, std::function<void(KeychainResult)> done);

    /** Memory-only tokens ("keep for this session only", or typed at a prompt). */
    void setSessionToken(const QString &profileId, const QString &token);
    QString sessionToken(const QString &profileId) const;
    bool hasSessionToken(const QString &profileId) const;
    void forgetSessionToken(const QString &profileId);

private:
    QString m_service;
    int m_timeoutMs = 8000;
    QHash<QString, QString> m_sessionTokens;
};

} // namespace console
