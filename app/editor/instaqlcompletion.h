#pragma once

#include "session/sessiontypes.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace console {

/** Where the cursor is inside an InstaQL query, as far as completion cares. */
struct CompletionContext {
    /** Keys of the enclosing objects from the root to the cursor; "[]" marks an array element. */
    QStringList path;
    /** True while typing an object key (inside its quotes or where one is expected). */
    bool inKey = false;
    /** True when the cursor is inside a string literal. */
    bool inString = false;
    /** What was typed inside the string so far. */
    QString prefix;
    /** Offset where the string's text (after its opening quote) begins; the cursor if none. */
    qsizetype prefixStart = 0;
};

/** Scans text up to cursor (tolerating everything after it) and tells what is being typed there. */
CompletionContext instaqlContextAt(QStringView text, qsizetype cursor);

/**
 * Candidates for context: namespaces at the top, link labels and "$" inside a namespace, option names
 * inside "$", attributes and operators in "where", attributes in "order" and "fields", "asc"/"desc".
 * Sorted, filtered by the typed prefix (case-insensitive).
 */
QStringList instaqlCandidates(const CompletionContext &context, const SchemaInfo &schema);

} // namespace console
