#include "panels.h"

#include "mainwindow.h"

namespace console {

void registerPanels(MainWindow &window)
{
    // Each panel adds one PanelFactory here, e.g.
    //   window.addPanel({u"users"_s, MainWindow::tr("Users"), Theme::icon(u"user"_s), QKeySequence(u"Ctrl+3"_s),
    //       [](ConnectionSession *session, QWidget *parent) { return new UsersPanel(session, parent); }});
    Q_UNUSED(window);
}

} // namespace console
