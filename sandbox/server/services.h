#pragma once

#include <QJsonValue>
#include <QString>

#include "sandboxoptions.h"

namespace sandbox {

class AuthResolver;
class LiveQueryHub;
class PresenceRooms;
class StorageArea;
class Store;
class UserDirectory;

/** What route handlers share; owned by SandboxServer, which outlives every request. */
struct Services {
    Store &store;
    UserDirectory &users;
    AuthResolver &auth;
    StorageArea &storage;
    PresenceRooms &presence;
    LiveQueryHub &live;
    SandboxOptions options;
    QString baseUrl; // http://host:port, known once the socket is bound
};

/** Clojure truthiness, which the server applies to flags such as `inference?`. */
inline bool isTruthy(const QJsonValue &value)
{
    return !(value.isUndefined() || value.isNull() || (value.isBool() && !value.toBool()));
}

} // namespace sandbox
