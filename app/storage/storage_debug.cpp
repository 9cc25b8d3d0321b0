#include "storage_debug.h"

Q_LOGGING_CATEGORY(lcStorage, "instant.ui.storage", QtWarningMsg)
