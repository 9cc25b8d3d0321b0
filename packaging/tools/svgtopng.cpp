// Renders the application icon from its SVG source into the raster sizes that desktops and installers
// want, so that only the SVG is kept in the repository:
//   svgtopng <input.svg> <output.png|output.ico> <size>
// The output format follows the file name, so the same tool writes the Windows .ico.

#include <cstdio>

#include <QCoreApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "svgtopng: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() != 3) {
        return fail(QStringLiteral("usage: svgtopng <input.svg> <output.png|output.ico> <size>"));
    }

    QSvgRenderer renderer(args.at(0));
    if (!renderer.isValid()) {
        return fail(QStringLiteral("cannot read %1").arg(args.at(0)));
    }
    bool ok = false;
    const int size = args.at(2).toInt(&ok);
    if (!ok || size < 1 || size > 4096) {
        return fail(QStringLiteral("invalid size %1").arg(args.at(2)));
    }

    // Rendering straight at the target size keeps small icons crisp; scaling a large one blurs them.
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();

    QImageWriter writer(args.at(1));
    if (!writer.write(image.convertToFormat(QImage::Format_ARGB32))) {
        return fail(QStringLiteral("cannot write %1: %2").arg(args.at(1), writer.errorString()));
    }
    return 0;
}
