#include "theme.h"

#include <QApplication>
#include <QFile>
#include <QFontDatabase>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QStyle>
#include <QStyleFactory>
#include <QSvgRenderer>
#include <QWidget>

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

/**
 * Draws a monochrome SVG in the current palette's text colour each time it is painted, so icons that
 * widgets already hold follow a switch between light and dark.
 */
class TintedSvgEngine final : public QIconEngine {
public:
    explicit TintedSvgEngine(QByteArray source)
        : m_source(std::move(source))
    { }

    QIconEngine *clone() const override { return new TintedSvgEngine(m_source); }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, dpr));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QPalette palette = QApplication::palette();
        QColor color = palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Normal,
            mode == QIcon::Selected ? QPalette::HighlightedText : QPalette::WindowText);
        const QString key
            = QStringLiteral("%1-%2x%3@%4").arg(color.name()).arg(size.width()).arg(size.height()).arg(scale);
        const auto cached = m_cache.constFind(key);
        if (cached != m_cache.cend()) {
            return *cached;
        }
        QByteArray svg = m_source;
        svg.replace("currentColor", color.name().toLatin1());
        QSvgRenderer renderer(svg);
        QPixmap pixmap(size * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
        painter.end();
        if (m_cache.size() > 64) {
            m_cache.clear();
        }
        m_cache.insert(key, pixmap);
        return pixmap;
    }

private:
    QByteArray m_source;
    QHash<QString, QPixmap> m_cache;
};

// The dynamic property that remembers a widget's tone.
constexpr char kToneProperty[] = "consoleTone";

void dressInTone(QWidget *widget, Theme::Tone tone)
{
    // Only the tone's roles are set on the widget; every other role keeps following the palette.
    QPalette palette;
    switch (tone) {
    case Theme::Tone::Error:
        palette.setColor(QPalette::WindowText, Theme::errorColor());
        break;
    case Theme::Tone::Warning:
        palette.setColor(QPalette::WindowText, Theme::warningForeground());
        break;
    case Theme::Tone::WarningBar:
        palette.setColor(QPalette::Window, Theme::warningBackground());
        palette.setColor(QPalette::WindowText, Theme::warningForeground());
        break;
    case Theme::Tone::ImpersonationBar:
        palette.setColor(QPalette::Window, Theme::impersonationBackground());
        palette.setColor(QPalette::WindowText, Theme::impersonationForeground());
        palette.setColor(QPalette::ButtonText, Theme::impersonationForeground());
        break;
    }
    widget->setPalette(palette);
}

} // namespace

void Theme::setTone(QWidget *widget, Tone tone)
{
    // Remembered on the widget, so that apply() can choose its colours again for another scheme.
    widget->setProperty(kToneProperty, int(tone));
    dressInTone(widget, tone);
}

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
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    // The new palette does not touch the colours widgets wear on top of it.
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        if (const QVariant tone = widget->property(kToneProperty); tone.isValid()) {
            dressInTone(widget, Tone(tone.toInt()));
        }
    }
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
    const QIcon icon(new TintedSvgEngine(file.readAll()));
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
