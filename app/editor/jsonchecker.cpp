#include "editor/jsonchecker.h"

#include <QCoreApplication>

namespace console {

namespace {

// Files the texts below under the context the program looks them up in, where lupdate can see them.
struct JsonCheckerText {
    Q_DECLARE_TR_FUNCTIONS(console::JsonChecker)
};

QString describe(QChar c)
{
    if (c.isNull()) {
        return JsonCheckerText::tr("end of text");
    }
    return QStringLiteral("'") + c + QStringLiteral("'");
}

class Checker {
public:
    explicit Checker(QStringView text)
        : m_text(text)
    { }

    std::optional<JsonSyntaxError> run()
    {
        skipSpace();
        if (atEnd()) {
            return fail(JsonCheckerText::tr("The query is empty; expected a JSON object such as {\"goals\": {}}"));
        }
        if (!value(0)) {
            return m_error;
        }
        skipSpace();
        if (!atEnd()) {
            return fail(JsonCheckerText::tr("Unexpected %1 after the end of the JSON value").arg(describe(peek())));
        }
        return std::nullopt;
    }

private:
    static constexpr int kMaxDepth = 512;

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd()) {
            const QChar c = m_text.at(m_pos);
            if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r') {
                ++m_pos;
            } else {
                break;
            }
        }
    }

    std::optional<JsonSyntaxError> fail(const QString &message) { return failAt(m_pos, message); }

    std::optional<JsonSyntaxError> failAt(qsizetype offset, const QString &message)
    {
        JsonSyntaxError error;
        error.offset = offset;
        error.message = message;
        for (qsizetype i = 0; i < offset && i < m_text.size(); ++i) {
            if (m_text.at(i) == u'\n') {
                ++error.line;
                error.column = 1;
            } else {
                ++error.column;
            }
        }
        m_error = error;
        return m_error;
    }

    bool value(int depth)
    {
        if (depth > kMaxDepth) {
            fail(JsonCheckerText::tr("The JSON is nested too deeply"));
            return false;
        }
        skipSpace();
        const QChar c = peek();
        if (c == u'{') {
            return object(depth);
        }
        if (c == u'[') {
            return array(depth);
        }
        if (c == u'"') {
            return string();
        }
        if (c == u'-' || (c >= u'0' && c <= u'9')) {
            return number();
        }
        if (c.isLetter()) {
            return literal();
        }
        if (c == u'}' || c == u']') {
            fail(JsonCheckerText::tr("Expected a value but found %1").arg(describe(c)));
            return false;
        }
        if (c == u'\'') {
            fail(JsonCheckerText::tr("Strings must use double quotes, not single quotes"));
            return false;
        }
        fail(JsonCheckerText::tr("Expected a value but found %1").arg(describe(c)));
        return false;
    }

    bool object(int depth)
    {
        ++m_pos; // '{'
        skipSpace();
        if (peek() == u'}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (peek() != u'"') {
                if (peek() == u'}') {
                    fail(JsonCheckerText::tr("Trailing comma before '}'"));
                } else if (peek().isLetter() || peek() == u'$' || peek() == u'_') {
                    fail(JsonCheckerText::tr("Property names must be in double quotes"));
                } else {
                    fail(JsonCheckerText::tr("Expected a property name in double quotes but found %1")
                             .arg(describe(peek())));
                }
                return false;
            }
            if (!string()) {
                return false;
            }
            skipSpace();
            if (peek() != u':') {
                fail(JsonCheckerText::tr("Expected ':' after the property name but found %1").arg(describe(peek())));
                return false;
            }
            ++m_pos;
            if (!value(depth + 1)) {
                return false;
            }
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
                continue;
            }
            if (peek() == u'}') {
                ++m_pos;
                return true;
            }
            if (peek() == u'"') {
                fail(JsonCheckerText::tr("Missing ',' between properties"));
            } else {
                fail(JsonCheckerText::tr("Expected ',' or '}' but found %1").arg(describe(peek())));
            }
            return false;
        }
    }

    bool array(int depth)
    {
        ++m_pos; // '['
        skipSpace();
        if (peek() == u']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (peek() == u']') {
                fail(JsonCheckerText::tr("Trailing comma before ']'"));
                return false;
            }
            if (!value(depth + 1)) {
                return false;
            }
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
                continue;
            }
            if (peek() == u']') {
                ++m_pos;
                return true;
            }
            fail(JsonCheckerText::tr("Expected ',' or ']' but found %1").arg(describe(peek())));
            return false;
        }
    }

    bool string()
    {
        const qsizetype start = m_pos;
        ++m_pos; // '"'
        while (!atEnd()) {
            const QChar c = m_text.at(m_pos);
            if (c == u'"') {
                ++m_pos;
                return true;
            }
            if (c == u'\n' || c == u'\r') {
                failAt(start, JsonCheckerText::tr("Unterminated string (a string cannot span lines)"));
                return false;
            }
            if (c.unicode() < 0x20) {
                fail(JsonCheckerText::tr("Control characters must be escaped inside strings"));
                return false;
            }
            if (c == u'\\') {
                ++m_pos;
                const QChar e = peek();
                if (e == u'u') {
                    for (int i = 1; i <= 4; ++i) {
                        const qsizetype at = m_pos + i;
                        const QChar h = at < m_text.size() ? m_text.at(at) : QChar();
                        const bool hex
                            = (h >= u'0' && h <= u'9') || (h >= u'a' && h <= u'f') || (h >= u'A' && h <= u'F');
                        if (!hex) {
                            failAt(m_pos - 1, JsonCheckerText::tr("Invalid \\u escape: expected four hex digits"));
                            return false;
                        }
                    }
                    m_pos += 5;
                    continue;
                }
                if (QStringView(u"\"\\/bfnrt").contains(e) && !e.isNull()) {
                    ++m_pos;
                    continue;
                }
                failAt(m_pos - 1, JsonCheckerText::tr("Invalid escape sequence \\%1").arg(e));
                return false;
            }
            ++m_pos;
        }
        failAt(start, JsonCheckerText::tr("Unterminated string"));
        return false;
    }

    bool digits()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && peek() >= u'0' && peek() <= u'9') {
            ++m_pos;
        }
        return m_pos > start;
    }

    bool number()
    {
        if (peek() == u'-') {
            ++m_pos;
        }
        if (peek() == u'0') {
            ++m_pos;
            if (peek() >= u'0' && peek() <= u'9') {
                fail(JsonCheckerText::tr("Numbers cannot have leading zeros"));
                return false;
            }
        } else if (!digits()) {
            fail(JsonCheckerText::tr("Expected a digit but found %1").arg(describe(peek())));
            return false;
        }
        if (peek() == u'.') {
            ++m_pos;
            if (!digits()) {
                fail(JsonCheckerText::tr("Expected a digit after the decimal point"));
                return false;
            }
        }
        if (peek() == u'e' || peek() == u'E') {
            ++m_pos;
            if (peek() == u'+' || peek() == u'-') {
                ++m_pos;
            }
            if (!digits()) {
                fail(JsonCheckerText::tr("Expected a digit in the exponent"));
                return false;
            }
        }
        return true;
    }

    bool literal()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && (peek().isLetterOrNumber() || peek() == u'_')) {
            ++m_pos;
        }
        const QStringView word = m_text.mid(start, m_pos - start);
        if (word == u"true" || word == u"false" || word == u"null") {
            return true;
        }
        failAt(start, JsonCheckerText::tr("Unknown word '%1'; strings must be in double quotes").arg(word.toString()));
        return false;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    std::optional<JsonSyntaxError> m_error;
};

} // namespace

QString formatJsonText(QStringView text)
{
    QString out;
    out.reserve(text.size() * 2);
    int depth = 0;
    const auto newline = [&out, &depth] {
        out.append(QLatin1Char('\n'));
        out.append(QString(depth * 2, QLatin1Char(' ')));
    };
    const auto nextSignificant = [&text](qsizetype from) -> QChar {
        for (qsizetype i = from; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c != u' ' && c != u'\t' && c != u'\n' && c != u'\r') {
                return c;
            }
        }
        return {};
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'"') {
            const qsizetype start = i;
            for (++i; i < text.size() && text.at(i) != u'"'; ++i) {
                if (text.at(i) == u'\\') {
                    ++i;
                }
            }
            out.append(text.mid(start, i - start + 1));
            continue;
        }
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r') {
            continue;
        }
        if (c == u'{' || c == u'[') {
            const QChar closing = c == u'{' ? QLatin1Char('}') : QLatin1Char(']');
            if (nextSignificant(i + 1) == closing) {
                out.append(c);
                out.append(closing);
                // Skip to the closing bracket.
                while (i < text.size() && text.at(i) != closing) {
                    ++i;
                }
                continue;
            }
            out.append(c);
            ++depth;
            newline();
            continue;
        }
        if (c == u'}' || c == u']') {
            --depth;
            newline();
            out.append(c);
            continue;
        }
        if (c == u',') {
            out.append(c);
            newline();
            continue;
        }
        if (c == u':') {
            out.append(QStringLiteral(": "));
            continue;
        }
        out.append(c);
    }
    return out;
}

std::optional<JsonSyntaxError> checkJson(QStringView text)
{
    return Checker(text).run();
}

} // namespace console
