#pragma once

namespace console {

class MainWindow;

/**
 * Registers the console's tool panels (transact builder, data editing, users, presence, storage,
 * permission checks) with window through MainWindow::addPanel(). Called once by the MainWindow
 * constructor; this is the only place that lists them.
 */
void registerPanels(MainWindow &window);

} // namespace console
