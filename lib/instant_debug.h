#pragma once

#include <QLoggingCategory>

/** instant.net: requests, replies and timings of the Admin HTTP client (never secrets). */
Q_DECLARE_LOGGING_CATEGORY(lcInstantNet)
/** instant.upload: upload streaming (chunking, progress, cancellation). */
Q_DECLARE_LOGGING_CATEGORY(lcInstantUpload)
