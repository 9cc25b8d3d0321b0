#include "sdkjson.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include <QJsonArray>
#include <QJsonObject>

namespace instant {

namespace {

// Number::prototype.toString as JSON.stringify uses it (ECMA-262 Number::toString, radix 10):
// shortest round-trip digits, plain notation for exponents in [-7, 21), "1e+21" style otherwise.
void appendNumber(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    if (value == 0) {
        out += '0'; // also for -0
        return;
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string text(buffer, result.ptr);
    const bool negative = text.front() == '-';
    if (negative) {
        text.erase(0, 1);
    }
    const auto ePos = text.find('e');
    std::string digits;
    for (char c : text.substr(0, ePos)) {
        if (c != '.') {
            digits += c;
        }
    }
    const int k = int(digits.size());
    const int n = std::atoi(text.c_str() + ePos + 1) + 1;

    std::string plain;
    if (k <= n && n <= 21) {
        plain = digits + std::string(std::size_t(n - k), '0');
    } else if (0 < n && n <= 21) {
        plain = digits.substr(0, std::size_t(n)) + '.' + digits.substr(std::size_t(n));
    } else if (-6 < n && n <= 0) {
        plain = "0." + std::string(std::size_t(-n), '0') + digits;
    } else {
        const int exponent = n - 1;
        plain = digits.substr(0, 1);
        if (k > 1) {
            plain += '.' + digits.substr(1);
        }
        plain += 'e';
        plain += exponent >= 0 ? '+' : '-';
        plain += std::to_string(std::abs(exponent));
    }
    if (negative) {
        out += '-';
    }
    out.append(plain.data(), qsizetype(plain.size()));
}

void appendEscapedUnit(QByteArray &out, char16_t unit)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u";
    out += kHex[(unit >> 12) & 0xf];
    out += kHex[(unit >> 8) & 0xf];
    out += kHex[(unit >> 4) & 0xf];
    out += kHex[unit & 0xf];
}

// JSON.stringify's QuoteJSONString (ES2019 "well-formed"): short escapes, \u00xx for other controls,
// lone surrogates as \udxxx, everything else raw (here: UTF-8).
void appendString(QByteArray &out, QStringView text)
{
    out += '"';
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = text[i].unicode();
        switch (c) {
        case u'"':
            out += "\\\"";
            continue;
        case u'\\':
            out += "\\\\";
            continue;
        case u'\b':
            out += "\\b";
            continue;
        case u'\f':
            out += "\\f";
            continue;
        case u'\n':
            out += "\\n";
            continue;
        case u'\r':
            out += "\\r";
            continue;
        case u'\t':
            out += "\\t";
            continue;
        default:
            break;
        }
        if (c < 0x20) {
            appendEscapedUnit(out, c);
        } else if (c < 0x80) {
            out += char(c);
        } else if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(text[i + 1].unicode())) {
            out += text.sliced(i, 2).toUtf8();
            ++i;
        } else if (QChar::isSurrogate(c)) {
            appendEscapedUnit(out, c);
        } else {
            out += text.sliced(i, 1).toUtf8();
        }
    }
    out += '"';
}

void appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        appendNumber(out, value.toDouble());
        break;
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        bool first = true;
        for (const QJsonValue &element : value.toArray()) {
            if (!first) {
                out += ',';
            }
            first = false;
            appendValue(out, element);
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        out += '{';
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            // JSON.stringify drops undefined members; QJsonObject cannot hold them, but be safe.
            if (it.value().isUndefined()) {
                continue;
            }
            if (!first) {
                out += ',';
            }
            first = false;
            appendString(out, it.key());
            out += ':';
            appendValue(out, it.value());
        }
        out += '}';
        break;
    }
    }
}

} // namespace

QByteArray toSdkJson(const QJsonValue &value)
{
    QByteArray out;
    appendValue(out, value);
    return out;
}

OrderedJsonObject &OrderedJsonObject::insert(QStringView key, const QJsonValue &value)
{
    if (value.isUndefined()) {
        return *this;
    }
    return insertRaw(key, toSdkJson(value));
}

OrderedJsonObject &OrderedJsonObject::insertRaw(QStringView key, const QByteArray &json)
{
    m_members.append({key.toString(), json});
    return *this;
}

QByteArray OrderedJsonObject::toJson() const
{
    QByteArray out;
    out += '{';
    bool first = true;
    for (const auto &[key, json] : m_members) {
        if (!first) {
            out += ',';
        }
        first = false;
        appendString(out, key);
        out += ':';
        out += json;
    }
    out += '}';
    return out;
}

} // namespace instant
