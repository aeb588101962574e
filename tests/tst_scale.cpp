#include "TestSupport.h"
#include "WidgetSupport.h"

#include "support/Environment.h"
#include "widgets/DailyChart.h"
#include "window/MainWindow.h"
#include "window/SettingsPage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableWidget>

// The window at twice the scale (CTest runs this with QT_SCALE_FACTOR=2) in a window 1,280 device pixels wide, left
// to right and right to left: no section needs a horizontal scroll bar, no control is cut at a side, and the
// chart runs the way the text does.
class TestScale : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    // The page's moment: the middle of a period with usage in it, whatever the date the suite runs.
    const Clock m_clock = Clock::fixedAt(TestSupport::at("2026-11-20T12:00:00Z"));

    // Controls of the current section that stick out of its visible width.
    static QStringList clipped(Ui::SettingsPage* page)
    {
        QWidget* current = page->findChild<QStackedWidget*>()->currentWidget();
        auto* area = qobject_cast<QScrollArea*>(current);
        QWidget* viewport = area ? area->viewport() : current;
        QStringList out;
        if (area && area->horizontalScrollBar()->isVisible())
            out << QStringLiteral("a horizontal scroll bar");
        const auto check = [&](QWidget* w) {
            if (!w->isVisibleTo(current) || !viewport->isAncestorOf(w))
                return;
            const QRect r(w->mapTo(viewport, QPoint(0, 0)), w->size());
            if (r.left() < 0 || r.right() >= viewport->width() + 1)
                out << QStringLiteral("%1 %2 at %3..%4 of %5")
                           .arg(QLatin1String(w->metaObject()->className()), w->objectName())
                           .arg(r.left())
                           .arg(r.right())
                           .arg(viewport->width());
        };
        for (auto* w : current->findChildren<QAbstractButton*>())
            check(w);
        for (auto* w : current->findChildren<QLineEdit*>())
            check(w);
        for (auto* w : current->findChildren<QComboBox*>())
            check(w);
        // A table the page scrolls, not itself, shows every row and its bottom border.
        for (auto* table : current->findChildren<QTableWidget*>()) {
            if (!table->isVisibleTo(current) || table->verticalScrollBarPolicy() != Qt::ScrollBarAlwaysOff)
                continue;
            int rows = 0;
            for (int r = 0; r < table->rowCount(); ++r)
                rows += table->rowHeight(r);
            if (table->viewport()->height() < rows)
                out << QStringLiteral("table %1 shows %2 of %3 pixels of rows")
                           .arg(table->objectName())
                           .arg(table->viewport()->height())
                           .arg(rows);
        }
        return out;
    }

    void checkEverySection(Qt::LayoutDirection direction)
    {
        QApplication::setLayoutDirection(direction);
        Ui::MainWindow window(m_db, m_clock);
        window.resize(int(1280 / window.devicePixelRatioF()), 800 / 2);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(WidgetSupport::pageRead(window.page()));
        QCOMPARE(window.width() * window.devicePixelRatioF(), 1280.0);
        for (const QString& section : window.page()->sectionNames()) {
            window.page()->showSection(section);
            QApplication::processEvents();
            const QStringList problems = clipped(window.page());
            QVERIFY2(problems.isEmpty(),
                     qPrintable(section + QStringLiteral(": ") + problems.join(QStringLiteral("; "))));
        }
        window.page()->showSection(QStringLiteral("usage"));
        auto* chart = WidgetSupport::find<Ui::DailyChart>(&window, "dailyChart");
        QVERIFY(chart->days().size() >= 28);
        const int first = chart->slotRect(0).center().x();
        const int last = chart->slotRect(int(chart->days().size()) - 1).center().x();
        QVERIFY2(direction == Qt::LeftToRight ? first < last : first > last, "the days run the way the text does");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(qEnvironmentVariable("QT_SCALE_FACTOR"), QStringLiteral("2"));
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_db = m_dir.filePath(QStringLiteral("scale.sqlite"));
        auto ledger = TestSupport::openLedger(m_db, Environment::currentUserName());
        ledger->setClock(m_clock);
        QVERIFY(ledger->settings().setPlan(QStringLiteral("professional")).ok());
        QVERIFY(
            ledger->directory().addTenant(QStringLiteral("acme"), QStringLiteral("Acme Retail International")).ok());
        const qint64 start = ledger->usage().report(std::nullopt, std::nullopt)->period.start;
        QVERIFY(TestSupport::recordAsItHappened(
                    *ledger, {QStringLiteral("analysis"), QStringLiteral("acme"), start + 3600000, {}})
                    .ok());
    }

    void leftToRight() { checkEverySection(Qt::LeftToRight); }
    void rightToLeft() { checkEverySection(Qt::RightToLeft); }
};

QTEST_MAIN(TestScale)
#include "tst_scale.moc"
