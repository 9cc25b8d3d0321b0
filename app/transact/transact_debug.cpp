#include "transact_debug.h"

Q_LOGGING_CATEGORY(lcTransact, "instant.ui.transact", QtWarningMsg)
