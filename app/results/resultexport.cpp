#include "results/resultexport.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace console {

namespace {

// Files the texts below under the context the program looks them up in, where lupdate can see them.
struct ResultExportText {
    Q_DECLARE_TR_FUNCTIONS(console::ResultExport)
};

ExportResult writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return std::unexpected(ResultExportText::tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    if (file.write(data) != data.size() || !file.commit()) {
        return std::unexpected(ResultExportText::tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return data.size();
}

void appendCsvField(QByteArray &out, const QByteArray &field)
{
    const bool quote = field.contains(',') || field.contains('"') || field.contains('\n') || field.contains('\r');
    if (!quote) {
        out.append(field);
        return;
    }
    out.append('"');
    for (const char c : field) {
        if (c == '"') {
            out.append('"');
        }
        out.append(c);
    }
    out.append('"');
}

} // namespace

QByteArray ResultExport::toCsv(const instant::JsonNode &entities, const QList<QByteArray> &columns)
{
    QByteArray out;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        if (c > 0) {
            out.append(',');
        }
        appendCsvField(out, columns.at(c));
    }
    out.append("\r\n");

    const qsizetype rows = entities.size();
    for (qsizetype r = 0; r < rows; ++r) {
        const instant::JsonNode entity = entities.at(r);
        for (qsizetype c = 0; c < columns.size(); ++c) {
            if (c > 0) {
                out.append(',');
            }
            const instant::JsonNode value = entity.value(QUtf8StringView(columns.at(c)));
            if (!value.isValid() || value.isNull()) {
                continue;
            }
            if (value.isString()) {
                const QUtf8StringView text = value.stringView();
                appendCsvField(out, QByteArray(text.data(), text.size()));
            } else {
                appendCsvField(out, value.toJson());
            }
        }
        out.append("\r\n");
    }
    return out;
}

QFuture<ExportResult> ResultExport::writeJson(const ResultSnapshot &result, const QString &path)
{
    return QtConcurrent::run([result, path]() -> ExportResult { return writeFile(path, result.root.toJson()); });
}

QFuture<ExportResult> ResultExport::writeCsv(const ResultSnapshot &result, const QByteArray &ns, const QString &path)
{
    return QtConcurrent::run([result, ns, path]() -> ExportResult {
        const instant::JsonNode entities = result.root.value(QUtf8StringView(ns));
        if (!entities.isArray()) {
            return std::unexpected(
                QCoreApplication::translate("console::ResultExport", "The result has no namespace %1")
                    .arg(QString::fromUtf8(ns)));
        }
        return writeFile(path, toCsv(entities, collectColumns(entities)));
    });
}

} // namespace console
