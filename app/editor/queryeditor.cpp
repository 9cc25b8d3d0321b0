#include "editor/queryeditor.h"

#include "editor/instaqlcompletion.h"
#include "theme.h"

#include <Qsci/qscilexerjson.h>

#include <QApplication>
#include <QKeyEvent>
#include <QPalette>

namespace console {

namespace {

constexpr int kCompletionListId = 1;
constexpr int kCheckDelayMs = 250;

} // namespace

QueryEditor::QueryEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_lexer(new QsciLexerJSON(this))
{
    setObjectName(QStringLiteral("queryEditor"));
    setUtf8(true);
    setLexer(m_lexer);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setIndentationWidth(2);
    setTabWidth(2);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginWidth(0, QStringLiteral("0000"));
    setMarginWidth(1, 0);
    setCaretLineVisible(true);
    setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    setWrapMode(QsciScintilla::WrapNone);
    setAutoCompletionSource(QsciScintilla::AcsNone);

    m_errorIndicator = indicatorDefine(QsciScintilla::SquiggleLowIndicator);
    setIndicatorDrawUnder(false, m_errorIndicator);

    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(kCheckDelayMs);
    connect(&m_checkTimer, &QTimer::timeout, this, &QueryEditor::checkSyntax);
    connect(this, &QsciScintilla::textChanged, &m_checkTimer, qOverload<>(&QTimer::start));
    connect(this, &QsciScintilla::SCN_CHARADDED, this, &QueryEditor::onCharAdded);
    connect(this, &QsciScintilla::userListActivated, this, &QueryEditor::onUserListActivated);
    applyTheme();
}

QueryEditor::~QueryEditor() = default;

void QueryEditor::applyTheme()
{
    const QPalette pal = QApplication::palette();
    const bool dark = Theme::isDark();
    const QFont font = Theme::monospaceFont();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);

    m_lexer->setDefaultFont(font);
    m_lexer->setFont(font);
    m_lexer->setDefaultPaper(base);
    m_lexer->setPaper(base);
    m_lexer->setDefaultColor(text);
    m_lexer->setColor(text, QsciLexerJSON::Default);
    m_lexer->setColor(dark ? QColor(0x61, 0xaf, 0xef) : QColor(0x1c, 0x5a, 0xc4), QsciLexerJSON::Number);
    m_lexer->setColor(dark ? QColor(0x98, 0xc3, 0x79) : QColor(0x1f, 0x7a, 0x3a), QsciLexerJSON::String);
    m_lexer->setColor(dark ? QColor(0xe0, 0x6c, 0x75) : QColor(0xb3, 0x1d, 0x28), QsciLexerJSON::UnclosedString);
    m_lexer->setColor(dark ? QColor(0xe5, 0xc0, 0x7b) : QColor(0x8a, 0x4b, 0x00), QsciLexerJSON::Property);
    m_lexer->setColor(dark ? QColor(0xab, 0xb2, 0xbf) : QColor(0x4b, 0x52, 0x5e), QsciLexerJSON::Operator);
    m_lexer->setColor(dark ? QColor(0xc6, 0x78, 0xdd) : QColor(0x8a, 0x2b, 0xb3), QsciLexerJSON::Keyword);
    m_lexer->setColor(Theme::errorColor(), QsciLexerJSON::Error);

    setMarginsFont(font);
    setMarginsBackgroundColor(pal.color(QPalette::Window));
    setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    setFoldMarginColors(pal.color(QPalette::Window), pal.color(QPalette::Window));
    setCaretForegroundColor(text);
    setCaretLineBackgroundColor(dark ? QColor(0x26, 0x29, 0x31) : QColor(0xf3, 0xf6, 0xfb));
    setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    setMatchedBraceBackgroundColor(dark ? QColor(0x3a, 0x4a, 0x66) : QColor(0xcf, 0xe0, 0xff));
    setMatchedBraceForegroundColor(text);
    setUnmatchedBraceForegroundColor(Theme::errorColor());
    setIndicatorForegroundColor(Theme::errorColor(), m_errorIndicator);

    // Annotations use a style past the lexer's; 100 is free in QsciLexerJSON.
    m_annotationStyle = 100;
    SendScintilla(SCI_STYLESETFORE, m_annotationStyle, Theme::errorColor());
    SendScintilla(SCI_STYLESETBACK, m_annotationStyle, dark ? QColor(0x3a, 0x1f, 0x22) : QColor(0xfd, 0xec, 0xec));
    SendScintilla(SCI_STYLESETITALIC, m_annotationStyle, true);
    if (m_error) {
        showError(m_error);
    }
}

void QueryEditor::setSchema(const SchemaInfo &schema)
{
    m_schema = schema;
}

int QueryEditor::bytePosition(qsizetype utf16Offset) const
{
    return int(text().left(utf16Offset).toUtf8().size());
}

void QueryEditor::checkSyntax()
{
    m_checkTimer.stop();
    const std::optional<JsonSyntaxError> error = checkJson(text());
    const bool changed = error.has_value() != m_error.has_value()
        || (error && (error->offset != m_error->offset || error->message != m_error->message));
    m_error = error;
    showError(error);
    if (changed) {
        Q_EMIT syntaxErrorChanged();
    }
}

void QueryEditor::showError(const std::optional<JsonSyntaxError> &error)
{
    const int length = int(SendScintilla(SCI_GETLENGTH));
    SendScintilla(SCI_SETINDICATORCURRENT, m_errorIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, length);
    clearAnnotations();
    if (!error) {
        return;
    }

    // Mark the offending character; at the end of the text, mark the last one so something shows.
    int position = bytePosition(error->offset);
    int width = 1;
    if (position >= length && length > 0) {
        position = int(SendScintilla(SCI_POSITIONBEFORE, length));
        width = length - position;
    } else if (position < length) {
        width = int(SendScintilla(SCI_POSITIONAFTER, position)) - position;
    }
    SendScintilla(SCI_INDICATORFILLRANGE, position, std::max(width, 1));
    const QString note = tr("Line %1, column %2: %3").arg(error->line).arg(error->column).arg(error->message);
    annotate(error->line - 1, note, m_annotationStyle);
}

bool QueryEditor::hasErrorIndicatorAt(int line, int column) const
{
    // Translate 1-based line/column (characters) to a byte position.
    const QStringList lines = text().split(QLatin1Char('\n'));
    if (line < 1 || line > lines.size()) {
        return false;
    }
    qsizetype offset = 0;
    for (int i = 0; i < line - 1; ++i) {
        offset += lines.at(i).size() + 1;
    }
    offset += column - 1;
    const int position = bytePosition(offset);
    return const_cast<QueryEditor *>(this)->SendScintilla(SCI_INDICATORVALUEAT, m_errorIndicator, position) != 0;
}

bool QueryEditor::formatQuery()
{
    checkSyntax();
    if (m_error) {
        return false;
    }
    const QString formatted = formatJsonText(text());
    if (formatted == text()) {
        return true;
    }
    // One undo step, and the caret stays roughly where it was.
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    beginUndoAction();
    selectAll();
    replaceSelectedText(formatted);
    endUndoAction();
    setCursorPosition(std::min(line, lines() - 1), 0);
    return true;
}

QStringList QueryEditor::completionsAtCursor() const
{
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    const int position = positionFromLineIndex(line, index);
    const QString all = text();
    // Scintilla positions are bytes; completion works on characters.
    const qsizetype cursor = QString::fromUtf8(all.toUtf8().left(position)).size();
    const CompletionContext context = instaqlContextAt(all, cursor);
    return instaqlCandidates(context, m_schema);
}

void QueryEditor::complete()
{
    const QStringList candidates = completionsAtCursor();
    if (candidates.isEmpty()) {
        if (isListActive()) {
            cancelList();
        }
        return;
    }
    showUserList(kCompletionListId, candidates);
}

void QueryEditor::onCharAdded(int character)
{
    const QChar c(character);
    if (c == u'"' || c == u'$' || c.isLetterOrNumber() || c == u'_') {
        int line = 0;
        int index = 0;
        getCursorPosition(&line, &index);
        const QString all = text();
        const qsizetype cursor = QString::fromUtf8(all.toUtf8().left(positionFromLineIndex(line, index))).size();
        const CompletionContext context = instaqlContextAt(all, cursor);
        if (context.inString) {
            complete();
        }
    }
}

void QueryEditor::onUserListActivated(int id, const QString &chosen)
{
    if (id != kCompletionListId) {
        return;
    }
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    const QString all = text();
    const int cursorBytes = positionFromLineIndex(line, index);
    const qsizetype cursor = QString::fromUtf8(all.toUtf8().left(cursorBytes)).size();
    const CompletionContext context = instaqlContextAt(all, cursor);
    const int startBytes = bytePosition(context.prefixStart);

    QString insertion = chosen;
    const QChar next = cursor < all.size() ? all.at(cursor) : QChar();
    int skip = 0;
    if (context.inString) {
        if (next == u'"') {
            skip = 1;
        }
        insertion.append(QLatin1Char('"'));
        if (context.inKey) {
            insertion.append(QStringLiteral(": "));
        }
    }
    SendScintilla(SCI_SETSEL, startBytes, cursorBytes + skip);
    replaceSelectedText(insertion);
}

void QueryEditor::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && (event->modifiers() & Qt::ControlModifier)) {
        event->accept();
        Q_EMIT runRequested();
        return;
    }
    if (event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier)) {
        event->accept();
        complete();
        return;
    }
    QsciScintilla::keyPressEvent(event);
}

} // namespace console
