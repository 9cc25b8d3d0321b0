#include "console_debug.h"

Q_LOGGING_CATEGORY(lcUi, "instant.ui", QtWarningMsg)
