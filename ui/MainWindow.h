#pragma once

#include <QMainWindow>

namespace Ui {

// Opens the Settings > AI window on the database at `databasePath` and runs until it closes.
int runWindow(const QString& databasePath);

// For now a read-only summary of the current period; the full page is built in the window issue.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const QString& databasePath, QWidget* parent = nullptr);
};

} // namespace Ui
