#include "users_debug.h"

Q_LOGGING_CATEGORY(lcUsers, "instant.ui.users", QtWarningMsg)
