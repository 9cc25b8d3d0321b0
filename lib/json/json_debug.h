#pragma once

#include <QLoggingCategory>

namespace instant {
Q_DECLARE_LOGGING_CATEGORY(lcJson)
}
