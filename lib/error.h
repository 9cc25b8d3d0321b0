#pragma once

#include <QJsonValue>
#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace instant {

/**
 * Everything that can go wrong with one Admin API call, as one value type.
 *
 * Server errors (spec §2) keep the server's `type`, `message` and `hint`; errors below HTTP (refused
 * connection, TLS, timeout, cancel) keep Qt's error code. hint may echo secrets (admin token, refresh
 * tokens, magic codes): never log it directly, use detail() or redactedHint().
 */
struct Error {
    enum class Kind {
        /** The server could not be reached or the connection broke (DNS, refused, reset …). */
        Network,
        /** TLS handshake or certificate verification failed. Never ignored by the library. */
        Tls,
        /** No data moved for longer than the transfer timeout. */
        Timeout,
        /** The server answered with a status other than 200 (body decoded as far as possible). */
        Http,
        /** The server answered 200 but the body is not what the route promises (not JSON, too large …). */
        Protocol,
        /** The caller cancelled the call. */
        Cancelled,
        /** The call was refused before anything was sent (e.g. an admin token is required). */
        Config,
    };

    Kind kind = Kind::Network;
    /** HTTP status, 0 when no response arrived. */
    int httpStatus = 0;
    /** Server error type (`validation-failed`, `record-not-found` …); empty if the body had none. */
    QString type;
    /** Server message, or the raw text body (malformed-JSON reply), or Qt's error string. Untranslated. */
    QString message;
    /** Server hint (object or null). May contain secrets. */
    QJsonValue hint;
    /** Server trace id when present. */
    QString traceId;
    /** Qt's network error code for Network/Tls/Timeout/Cancelled kinds. */
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    /** Certificate problems reported during the handshake (Tls kind). */
    QStringList sslErrors;
    /** Request URL without its query string (the query may carry refresh tokens). */
    QUrl url;

    static Error make(Kind kind, QString message);
    /** Decodes a non-200 reply body of any shape of spec §0/§2. */
    static Error fromHttpReply(int status, const QByteArray &body, const QByteArray &contentType);

    bool isServerError() const { return kind == Kind::Http && !type.isEmpty(); }
    bool isRateLimited() const { return httpStatus == 429; }

    /** A translated sentence for people (QCoreApplication::translate, context "instant::Error"). */
    QString userMessage() const;
    /** One line for logs and bug reports, secrets redacted. Not translated. */
    QString detail() const;
    /** hint with every secret-bearing member replaced by "<redacted>". */
    QJsonValue redactedHint() const;

    /** Redacts token, refresh-token, refresh_token, sse-token, code, authorization and secret original-input. */
    static QJsonValue redact(const QJsonValue &value);
    /** The kind as a stable technical word, for logs and detail(). */
    static QString kindName(Kind kind);
    /** The kind as a short label for people, translated (a status column, an error's title). */
    static QString kindLabel(Kind kind);

    friend bool operator==(const Error &, const Error &) = default;
};

} // namespace instant
