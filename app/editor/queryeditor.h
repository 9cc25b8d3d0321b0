#pragma once

#include "editor/jsonchecker.h"
#include "session/sessiontypes.h"

#include <Qsci/qsciscintilla.h>

#include <optional>

#include <QStringList>
#include <QTimer>

class QsciLexerJSON;

namespace console {

/**
 * The InstaQL editor: QScintilla with the JSON lexer, brace matching, folding and auto-indent.
 * Malformed JSON is marked where a reader has to stop (a squiggle plus the reason under the line);
 * completion offers namespaces, link labels, attributes and `$` options from the schema.
 * Ctrl+Enter asks to run the query.
 */
class QueryEditor final : public QsciScintilla {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryEditor)
public:
    explicit QueryEditor(QWidget *parent = nullptr);
    ~QueryEditor() override;

    /** Names used for completion. */
    void setSchema(const SchemaInfo &schema);

    /** Checks the text now (normally done shortly after each change). */
    void checkSyntax();
    std::optional<JsonSyntaxError> syntaxError() const { return m_error; }
    /** Whether the error indicator covers the character at 1-based line and column. */
    bool hasErrorIndicatorAt(int line, int column) const;

    /** Pretty-prints the query (2 spaces, key order kept); does nothing if it is malformed. */
    bool formatQuery();
    /** Candidates for the cursor position (what the completion list would offer). */
    QStringList completionsAtCursor() const;
    /** Shows the completion list at the cursor. */
    void complete();

    /** Re-applies colours after the palette changed. */
    void applyTheme();

Q_SIGNALS:
    void runRequested();
    void syntaxErrorChanged();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onCharAdded(int character);
    void onUserListActivated(int id, const QString &text);
    void showError(const std::optional<JsonSyntaxError> &error);
    int bytePosition(qsizetype utf16Offset) const;

    QsciLexerJSON *m_lexer = nullptr;
    SchemaInfo m_schema;
    std::optional<JsonSyntaxError> m_error;
    QTimer m_checkTimer;
    int m_errorIndicator = -1;
    int m_annotationStyle = 0;
};

} // namespace console
