#include "theme.h"

#include <QApplication>
#include <QFile>
#include <QFontDatabase>
#include <QHash>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QStyle>
#include <QStyleFactory>
#include <QSvgRenderer>

namespace console {

namespace {

struct ThemeState {
    bool initialised = false;
    bool dark = false;
    QPalette systemPalette;
    QHash<QString, QIcon> icons;
};

ThemeState &state()
{
    static ThemeState s;
    return s;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::WindowText, QColor(0x1d, 0x21, 0x29));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf2, 0xf5));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xf0));
    p.setColor(QPalette::ToolTipText, QColor(0x1d, 0x21, 0x29));
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x90, 0x9c));
    p.setColor(QPalette::Text, QColor(0x1d, 0x21, 0x29));
    p.setColor(QPalette::Button, QColor(0xec, 0xee, 0xf1));
    p.setColor(QPalette::ButtonText, QColor(0x1d, 0x21, 0x29));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xeb));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1f, 0x5f, 0xd6));
    p.setColor(QPalette::Mid, QColor(0xc4, 0xc8, 0xcf));
    p.setColor(QPalette::Dark, QColor(0xa0, 0xa5, 0xae));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0x9f, 0xa8));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0x9f, 0xa8));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0x9f, 0xa8));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x23, 0x26, 0x2e));
    p.setColor(QPalette::WindowText, QColor(0xe3, 0xe6, 0xed));
    p.setColor(QPalette::Base, QColor(0x1a, 0x1c, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x25, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x2d, 0x31, 0x3b));
    p.setColor(QPalette::ToolTipText, QColor(0xe3, 0xe6, 0xed));
    p.setColor(QPalette::PlaceholderText, QColor(0x7d, 0x84, 0x92));
    p.setColor(QPalette::Text, QColor(0xe3, 0xe6, 0xed));
    p.setColor(QPalette::Button, QColor(0x2d, 0x31, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xe3, 0xe6, 0xed));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xf5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xa7, 0xff));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3f, 0x4b));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x37, 0x42));
    p.setColor(QPalette::Mid, QColor(0x2a, 0x2e, 0x37));
    p.setColor(QPalette::Dark, QColor(0x15, 0x17, 0x1c));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0d, 0x10));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6c, 0x72, 0x7f));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6c, 0x72, 0x7f));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6c, 0x72, 0x7f));
    return p;
}

QPixmap renderSvg(const QByteArray &svg, int size, qreal dpr)
{
    QSvgRenderer renderer(svg);
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    renderer.render(&painter, QRectF(0, 0, size, size));
    return pixmap;
}

} // namespace

void Theme::apply(Settings::ColorScheme scheme)
{
    ThemeState &s = state();
    if (!s.initialised) {
        // The platform palette before Fusion replaces it tells whether the desktop runs dark.
        s.systemPalette = QApplication::palette();
        s.initialised = true;
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    }

    bool dark = false;
    switch (scheme) {
    case Settings::ColorScheme::System:
        dark = s.systemPalette.color(QPalette::Window).lightness() < 128;
        break;
    case Settings::ColorScheme::Light:
        dark = false;
        break;
    case Settings::ColorScheme::Dark:
        dark = true;
        break;
    }
    s.dark = dark;
    s.icons.clear();
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
}

bool Theme::isDark()
{
    return state().dark;
}

QIcon Theme::icon(const QString &name)
{
    ThemeState &s = state();
    const auto cached = s.icons.constFind(name);
    if (cached != s.icons.cend()) {
        return *cached;
    }

    QFile file(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray source = file.readAll();
    const QColor normal = QApplication::palette().color(QPalette::WindowText);
    const QColor disabled = QApplication::palette().color(QPalette::Disabled, QPalette::WindowText);
    const QByteArray normalSvg = QByteArray(source).replace("currentColor", normal.name().toLatin1());
    const QByteArray disabledSvg = QByteArray(source).replace("currentColor", disabled.name().toLatin1());

    QIcon icon;
    for (const int size : {16, 20, 24, 32, 48}) {
        for (const qreal dpr : {1.0, 2.0}) {
            icon.addPixmap(renderSvg(normalSvg, size, dpr), QIcon::Normal);
            icon.addPixmap(renderSvg(disabledSvg, size, dpr), QIcon::Disabled);
        }
    }
    s.icons.insert(name, icon);
    return icon;
}

QColor Theme::warningBackground()
{
    return isDark() ? QColor(0x4a, 0x3b, 0x12) : QColor(0xff, 0xf3, 0xcd);
}

QColor Theme::warningForeground()
{
    return isDark() ? QColor(0xff, 0xe0, 0x8a) : QColor(0x5c, 0x45, 0x00);
}

QColor Theme::impersonationBackground()
{
    return isDark() ? QColor(0x8a, 0x3b, 0x0c) : QColor(0xe8, 0x6a, 0x1a);
}

QColor Theme::impersonationForeground()
{
    return Qt::white;
}

QColor Theme::flashColor()
{
    return isDark() ? QColor(0x7a, 0x64, 0x10) : QColor(0xff, 0xe8, 0x8c);
}

QColor Theme::errorColor()
{
    return isDark() ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
}

QColor Theme::successColor()
{
    return isDark() ? QColor(0x5f, 0xd0, 0x7e) : QColor(0x1b, 0x8a, 0x3c);
}

QFont Theme::monospaceFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(std::max(font.pointSizeF(), 10.0));
    return font;
}

} // namespace console
