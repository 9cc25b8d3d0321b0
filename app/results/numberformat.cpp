#include "results/numberformat.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "json/jsontree.h"

namespace console {

namespace {

// ECMAScript's Number::toString for a finite, non-zero, positive double.
QString javaScriptText(double value)
{
    // Shortest round-trip digits, as d.ddde±x.
    char buffer[40];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const std::string_view text(buffer, std::size_t(written.ptr - buffer));
    const std::size_t e = text.find('e');
    QString digits = QString::fromLatin1(text.substr(0, e)).remove(u'.');
    const int k = int(digits.size());
    // The value is 0.digits × 10^n.
    const int n = std::atoi(std::string(text.substr(e + 1)).c_str()) + 1;
    if (k <= n && n <= 21) {
        return digits + QString(n - k, u'0');
    }
    if (0 < n && n <= 21) {
        return digits.left(n) + u'.' + digits.mid(n);
    }
    if (-6 < n && n <= 0) {
        return QStringLiteral("0.") + QString(-n, u'0') + digits;
    }
    const QString exponent
        = (n - 1 < 0 ? QStringLiteral("e-") : QStringLiteral("e+")) + QString::number(std::abs(n - 1));
    if (k == 1) {
        return digits + exponent;
    }
    return digits.left(1) + u'.' + digits.mid(1) + exponent;
}

} // namespace

QString javaScriptNumberText(const instant::JsonNode &number)
{
    if (number.isInteger()) {
        return QString::number(number.toInt64());
    }
    const double value = number.toDouble();
    if (std::isnan(value)) {
        return QStringLiteral("NaN");
    }
    if (std::isinf(value)) {
        return value < 0 ? QStringLiteral("-Infinity") : QStringLiteral("Infinity");
    }
    if (value == 0) {
        return QStringLiteral("0");
    }
    if (value < 0) {
        return u'-' + javaScriptText(-value);
    }
    return javaScriptText(value);
}

} // namespace console
