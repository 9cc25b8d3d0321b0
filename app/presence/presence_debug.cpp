#include "presence_debug.h"

Q_LOGGING_CATEGORY(lcPresence, "instant.ui.presence", QtWarningMsg)
