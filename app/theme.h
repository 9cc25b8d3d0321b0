#pragma once

#include "settings.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QString>

namespace console {

/**
 * Look and feel: the Fusion style with a light or dark palette (following the system unless the user
 * picked one), SVG icons tinted for that palette, and the few accent colours of the console.
 */
class Theme final {
public:
    Theme() = delete;

    /** Applies Fusion and the palette for scheme; System follows the platform's palette. */
    static void apply(Settings::ColorScheme scheme);
    static bool isDark();

    /** Icon named name from the resources (":/icons/<name>.svg"), drawn in the palette's text colour. */
    static QIcon icon(const QString &name);

    static QColor warningBackground();
    static QColor warningForeground();
    /** The banner shown while a tab impersonates a user. */
    static QColor impersonationBackground();
    static QColor impersonationForeground();
    /** Background of a cell that just changed in a live result. */
    static QColor flashColor();
    static QColor errorColor();
    static QColor successColor();
    static QFont monospaceFont();
};

} // namespace console
