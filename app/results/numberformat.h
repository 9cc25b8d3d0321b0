#pragma once

#include <QString>

namespace instant {
class JsonNode;
}

namespace console {

/**
 * A JSON number as the web dashboard and every JavaScript client show it (Number.prototype.toString):
 * the shortest digits that read back as the same double, in plain notation from 1e-6 up to 1e21 and
 * with an exponent outside that range. Integers that fit 64 bits are shown exactly. The server may
 * spell the same number otherwise ("100.0", "1.0E10"); people read it the JavaScript way.
 */
QString javaScriptNumberText(const instant::JsonNode &number);

} // namespace console
