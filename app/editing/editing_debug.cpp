#include "editing_debug.h"

Q_LOGGING_CATEGORY(lcEditing, "instant.ui.editing", QtWarningMsg)
