#include "MainWindow.h"

#include "Catalog.h"
#include "Environment.h"
#include "Ledger.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

namespace Ui {

MainWindow::MainWindow(const QString& databasePath, QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Settings > AI"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    auto* heading = new QLabel(tr("<h2>AI Credits</h2>"), central);
    auto* summary = new QLabel(central);
    summary->setObjectName(QStringLiteral("creditsSummaryLabel"));
    auto* bar = new QProgressBar(central);
    bar->setObjectName(QStringLiteral("creditsProgressBar"));
    layout->addWidget(heading);
    layout->addWidget(bar);
    layout->addWidget(summary);
    layout->addStretch();
    setCentralWidget(central);
    resize(640, 320);

    const auto catalog = Catalog::builtIn();
    if (!catalog) {
        summary->setText(catalog.failure().message);
        return;
    }
    static const Catalog keptCatalog = catalog.value();
    if (databasePath == Environment::defaultDatabasePath())
        QDir().mkpath(QFileInfo(databasePath).absolutePath());
    auto ledger = Ledger::open(databasePath, keptCatalog, Environment::currentUserName());
    if (!ledger) {
        summary->setText(ledger.failure().message);
        return;
    }
    const auto report = ledger.value()->report(std::nullopt, std::nullopt);
    if (!report) {
        summary->setText(report.failure().message);
        return;
    }
    const QLocale locale;
    bar->setRange(0, static_cast<int>(report->allocation));
    bar->setValue(static_cast<int>(qMin(report->poolUsed, report->allocation)));
    bar->setFormat(tr("%1 of %2 credits used this month").arg(locale.toString(report->poolUsed), locale.toString(report->allocation)));
    summary->setText(tr("%1 plan · %2 credits remaining · resets %3 · Unused credits do not roll over.")
                         .arg(report->plan->name, locale.toString(report->remaining),
                              report->period.lastDay.addDays(1).toString(Qt::ISODate)));
}

int runWindow(const QString& databasePath)
{
    MainWindow window(databasePath);
    window.show();
    return QApplication::exec();
}

} // namespace Ui
