#include "permissions_debug.h"

Q_LOGGING_CATEGORY(lcPermissions, "instant.ui.permissions", QtWarningMsg)
