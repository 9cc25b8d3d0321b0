#pragma once

#include <functional>

#include <QIcon>
#include <QKeySequence>
#include <QString>

class QWidget;

namespace console {

class ConnectionSession;

/**
 * How a tool panel (transact builder, users, storage …) is plugged into the main window.
 *
 * MainWindow::addPanel() turns each factory into an action (menu "Panels", toolbar, command palette,
 * the shortcut). The first time the action is triggered in a connection tab, create() builds the panel
 * for that tab's session; it is shown in the tab's panel area and kept until the tab closes. The panel
 * must follow session->identity() (signal identityChanged) for every call it makes.
 */
struct PanelFactory {
    /** Stable id, used for settings ("transact", "users" …). */
    QString id;
    /** Translated title shown on the panel's tab and in menus. */
    QString title;
    QIcon icon;
    QKeySequence shortcut;
    std::function<QWidget *(ConnectionSession *session, QWidget *parent)> create;
};

} // namespace console
