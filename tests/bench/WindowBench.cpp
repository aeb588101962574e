#include "WindowBench.h"

#include "widgets/DailyChart.h"
#include "window/MainWindow.h"
#include "window/SettingsPage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>

#include <memory>

namespace {

// Notes when the page's last section that depends on the history (the daily chart) is first painted. It watches
// the whole application: a section is built when first shown, and on a shared ledger only once it is connected.
class FirstPaint : public QObject
{
public:
    bool painted = false;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && qobject_cast<Ui::DailyChart*>(watched))
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

std::vector<double> timeToFirstPaint(const QString& databasePath, qint64 now, int runs)
{
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto window = std::make_unique<Ui::MainWindow>(databasePath, Clock::fixedAt(now));
        FirstPaint watcher;
        if (!window->page())
            return {};
        // The Usage section holds the chart, whatever section the window last showed.
        window->page()->showSection(QStringLiteral("usage"));
        qApp->installEventFilter(&watcher);
        window->show();
        while (!watcher.painted && timer.elapsed() < 60000)
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        qApp->removeEventFilter(&watcher);
        if (!watcher.painted)
            return {};
        samples.push_back(timer.nsecsElapsed() / 1e6);
    }
    return samples;
}

std::pair<std::vector<double>, std::vector<double>> timeToFirstPaintInTurn(const QString& first, const QString& second,
                                                                           qint64 now, int rounds)
{
    std::vector<double> onFirst, onSecond;
    for (int i = 0; i < rounds; ++i) {
        const auto a = timeToFirstPaint(first, now, 1);
        const auto b = timeToFirstPaint(second, now, 1);
        if (a.empty() || b.empty())
            return {};
        onFirst.push_back(a.front());
        onSecond.push_back(b.front());
    }
    return {onFirst, onSecond};
}
