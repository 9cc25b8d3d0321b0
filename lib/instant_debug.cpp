#include "instant_debug.h"

// Chatty categories default to Warning; enable with QT_LOGGING_RULES="instant.net.debug=true".
Q_LOGGING_CATEGORY(lcInstantNet, "instant.net", QtWarningMsg)
Q_LOGGING_CATEGORY(lcInstantUpload, "instant.upload", QtWarningMsg)
