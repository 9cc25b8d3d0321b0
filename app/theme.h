#pragma once

#include "settings.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QString>

class QWidget;

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

    /** Colours a widget can wear on top of the palette. */
    enum class Tone {
        /** Text in the error colour. */
        Error,
        /** Text in the warning colour. */
        Warning,
        /** A bar in the warning colours (background and text). */
        WarningBar,
        /** The bar shown while a tab impersonates a user. */
        ImpersonationBar,
    };
    /** Dresses widget in tone, now and again after every switch between light and dark. */
    static void setTone(QWidget *widget, Tone tone);
};

} // namespace console
