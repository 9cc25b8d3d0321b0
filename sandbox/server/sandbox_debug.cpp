#include "sandbox_debug.h"

// Request lines are chatty, so the HTTP category starts at warnings; turn it on with
// QT_LOGGING_RULES="instant.sandbox.http.debug=true".
Q_LOGGING_CATEGORY(lcSandbox, "instant.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandboxHttp, "instant.sandbox.http", QtWarningMsg)
