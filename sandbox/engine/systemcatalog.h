#pragma once

#include "attr.h"

#include <QList>

namespace sandbox::systemcatalog {

/**
 * The system attributes every app starts with. Their ids are derived from etype and label the way
 * Instant derives them, so they are the same in every app and across restarts.
 */
QList<Attr> attrs();
/**
 * Every namespace of Instant's system catalog, the sandbox's four and the ones it does not implement
 * (OAuth, streams): for these, an app without rules falls back to Instant's fixed system programs.
 */
bool isSystemEtype(const QString &etype);
/** The namespaces the schema view shows although they belong to the system catalog. */
bool isVisibleSystemEtype(const QString &etype);

} // namespace sandbox::systemcatalog
