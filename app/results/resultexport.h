#pragma once

#include "results/resultdiff.h"

#include <expected>

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QString>

namespace console {

/** Bytes written, or a translated reason. */
using ExportResult = std::expected<qint64, QString>;

/**
 * Writes results to files on the thread pool, so a 100k-entity export never blocks the window. The
 * file is written to a temporary name and renamed at the end, so a failed export leaves nothing.
 */
class ResultExport final {
public:
    ResultExport() = delete;

    /** The whole result object as compact JSON. */
    static QFuture<ExportResult> writeJson(const ResultSnapshot &result, const QString &path);
    /** One namespace as CSV (RFC 4180); nested values are written as JSON text. */
    static QFuture<ExportResult> writeCsv(const ResultSnapshot &result, const QByteArray &ns, const QString &path);

    /** The CSV text of one namespace (also used by the tests). */
    static QByteArray toCsv(const instant::JsonNode &entities, const QList<QByteArray> &columns);
};

} // namespace console
