#include "engine_debug.h"

Q_LOGGING_CATEGORY(lcSandboxEngine, "instant.sandbox.engine", QtWarningMsg)
