#pragma once

#include <optional>

#include <QString>
#include <QStringView>

namespace console {

/** Where and why a JSON text is malformed. line and column are 1-based and count characters. */
struct JsonSyntaxError {
    /** Offset into the text, in UTF-16 code units. */
    qsizetype offset = 0;
    int line = 1;
    int column = 1;
    /** Translated reason. */
    QString message;
};

/**
 * Checks that text is one JSON value and reports the first problem at the exact character where a
 * reader would have to stop. Written for query texts of a few kilobytes; runs in linear time.
 */
std::optional<JsonSyntaxError> checkJson(QStringView text);

/** Pretty-prints JSON text with 2-space indentation, keeping key order; text must be valid JSON. */
QString formatJsonText(QStringView text);

} // namespace console
