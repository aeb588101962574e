#include "TestSupport.h"
#include "WidgetSupport.h"

#include "support/Environment.h"
#include "widgets/DailyChart.h"
#include "widgets/StatusBadge.h"
#include "window/MainWindow.h"
#include "window/SettingsPage.h"

#include <QAccessible>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QRawFont>
#include <QScrollBar>
#include <QStackedWidget>

using TestSupport::at;

// The window as a screen reader sees it (QAccessible, which AT-SPI serves on Linux), offscreen on a real
// SQLite file: every control a user can reach has a name, each key field tells its state, the chart is a chart
// of days, and the first Tab stop is a named control.
class TestAccessibility : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    // The page's moment: the middle of a period with usage in it, whatever the date the suite runs.
    const Clock m_clock = Clock::fixedAt(at("2026-11-20T12:00:00Z"));
    std::unique_ptr<Ui::MainWindow> m_window;

    template <typename T> T* find(const char* name) { return WidgetSupport::find<T>(m_window.get(), name); }

    static bool isInteractive(QAccessible::Role role)
    {
        switch (role) {
        case QAccessible::PushButton:
        case QAccessible::CheckBox:
        case QAccessible::RadioButton:
        case QAccessible::ComboBox:
        case QAccessible::EditableText:
        case QAccessible::SpinBox:
        case QAccessible::List:
        case QAccessible::Table:
        case QAccessible::Link:
        case QAccessible::Chart:
        case QAccessible::ProgressBar:
            return true;
        default:
            return false;
        }
    }

    // Every reachable, visible interactive control below `iface` without a name, as "Role (object name)".
    static void unnamed(QAccessibleInterface* iface, QStringList& out, int depth = 0)
    {
        if (!iface || depth > 40 || iface->state().invisible)
            return;
        if (isInteractive(iface->role()) && iface->text(QAccessible::Name).trimmed().isEmpty()) {
            const QObject* o = iface->object();
            out << QStringLiteral("%1 (%2 %3)")
                       .arg(int(iface->role()))
                       .arg(o ? QLatin1String(o->metaObject()->className()) : QLatin1String("?"),
                            o ? o->objectName() : QString());
        }
        // A table's cells are its own business; their names come from the data.
        if (iface->role() == QAccessible::Table)
            return;
        for (int i = 0; i < iface->childCount(); ++i)
            unnamed(iface->child(i), out, depth + 1);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_db = m_dir.filePath(QStringLiteral("a11y.sqlite"));
        auto ledger = TestSupport::openLedger(m_db, Environment::currentUserName());
        ledger->setClock(m_clock);
        const qint64 start = ledger->usage().report(std::nullopt, std::nullopt)->period.start;
        QVERIFY(TestSupport::recordAsItHappened(*ledger, {QStringLiteral("theme"), {}, start + 3600000, {}}).ok());
        QVERIFY(ledger->keys()
                    .setKeyRecord(
                        {{},
                         QStringLiteral("anthropic"),
                         KeyState::Invalid,
                         QStringLiteral("wxyz"),
                         ledger->now(),
                         KeyVerdict::fromStored(QStringLiteral("Anthropic rejected the key (401): invalid x-api-key.")),
                         {},
                         std::nullopt,
                         {},
                         {}},
                        KeyChange::Checked)
                    .ok());
        m_window = std::make_unique<Ui::MainWindow>(m_db, m_clock);
        m_window->resize(1000, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(WidgetSupport::pageRead(m_window->page()));
    }

    void cleanupTestCase() { m_window.reset(); }

    void everyControlInEverySectionHasAName()
    {
        QAccessibleInterface* root = QAccessible::queryAccessibleInterface(m_window.get());
        QVERIFY(root);
        for (const QString& section : m_window->page()->sectionNames()) {
            m_window->page()->showSection(section);
            QStringList missing;
            unnamed(root, missing);
            QVERIFY2(missing.isEmpty(),
                     qPrintable(section + QStringLiteral(": ") + missing.join(QStringLiteral(", "))));
        }
    }

    void aKeyFieldTellsItsStateAndWhy()
    {
        m_window->page()->showSection(QStringLiteral("keys"));
        QAccessibleInterface* field = QAccessible::queryAccessibleInterface(find<QLineEdit>("anthropicKeyEdit"));
        QCOMPARE(field->text(QAccessible::Name), QStringLiteral("Anthropic API key"));
        const QString description = field->text(QAccessible::Description);
        QVERIFY2(description.startsWith(QStringLiteral("Status: Invalid key. Anthropic rejected the key (401)")),
                 qPrintable(description));
        QVERIFY(QAccessible::queryAccessibleInterface(find<QLineEdit>("openaiKeyEdit"))
                    ->text(QAccessible::Description)
                    .startsWith(QStringLiteral("Status: Not set.")));
        // The badge and the reason are related to the field: they label it.
        QStringList labels;
        for (const auto& [other, relation] : field->relations(QAccessible::Label))
            labels << other->object()->objectName();
        QVERIFY2(labels.contains(QStringLiteral("anthropicStatusBadge")) &&
                     labels.contains(QStringLiteral("anthropicMessageLabel")),
                 qPrintable(labels.join(QLatin1Char(','))));
    }

    void theChartIsAChartOfDays()
    {
        m_window->page()->showSection(QStringLiteral("usage"));
        auto* chart = find<Ui::DailyChart>("dailyChart");
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(chart);
        QCOMPARE(iface->role(), QAccessible::Chart);
        QCOMPARE(iface->childCount(), int(chart->days().size()));
        QVERIFY(iface->childCount() >= 28);
        QCOMPARE(iface->child(0)->role(), QAccessible::ListItem);
        // The first day holds the one theme generation: one credit, one run, in the singular.
        QVERIFY2(iface->child(0)->text(QAccessible::Name).endsWith(QStringLiteral(": 1 credit, 1 run")),
                 qPrintable(iface->child(0)->text(QAccessible::Name)));
        chart->setFocus();
        QTest::keyClick(chart, Qt::Key_End);
        QCOMPARE(chart->selectedDay(), iface->childCount() - 1);
        QCOMPARE(iface->indexOfChild(iface->focusChild()), iface->childCount() - 1);
        QTest::keyClick(chart, Qt::Key_Home);
        QCOMPARE(chart->selectedDay(), 0);
        QTest::keyClick(chart, Qt::Key_Right);
        QCOMPARE(chart->selectedDay(), 1);
    }

    // Tab from the sidebar reaches every control of each section, each once, and goes on out of it: no control
    // keeps Tab to itself (a date field stepping through its parts, a table through its cells) and none is skipped.
    void tabReachesEveryControlOfEverySectionAndLeavesIt()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        // A control's inner editor (a date field's line edit) stands for the control, whichever way the focus is
        // delegated between them.
        const auto control = [](QWidget* w) {
            while (w && w->parentWidget() && w->parentWidget()->focusProxy() == w)
                w = w->parentWidget();
            while (w && w->focusProxy() && w->focusProxy()->isAncestorOf(w))
                w = w->focusProxy();
            return w;
        };
        auto* stack = m_window->page()->findChild<QStackedWidget*>();
        auto* sidebar = find<QListWidget>("sectionList");
        for (const QString& section : m_window->page()->sectionNames()) {
            m_window->page()->showSection(section);
            QApplication::processEvents();
            QWidget* root = stack->currentWidget();
            QList<QWidget*> expected;
            for (QWidget* w : root->findChildren<QWidget*>())
                if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) && control(w) == w &&
                    !qobject_cast<QScrollBar*>(w))
                    expected << w;
            if (expected.isEmpty())
                continue; // a section that only tells (the rate limit)
            sidebar->setFocus();
            QList<QWidget*> visited;
            bool left = false;
            int stays = 0; // Tabs that stayed in one control: a label's link is a stop of its own, once
            for (int i = 0; i < 4 * expected.size() + 10 && !left; ++i) {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                QWidget* now = control(QApplication::focusWidget());
                if (!now || !root->isAncestorOf(now)) {
                    left = !visited.isEmpty();
                    continue;
                }
                if (!visited.isEmpty() && visited.last() == now) {
                    QVERIFY2(++stays < 3,
                             qPrintable(QStringLiteral("%1: Tab stays in %2").arg(section, now->objectName())));
                    continue;
                }
                stays = 0;
                QVERIFY2(!visited.contains(now),
                         qPrintable(QStringLiteral("%1: Tab comes back to %2").arg(section, now->objectName())));
                visited << now;
            }
            QStringList missed;
            for (QWidget* w : expected)
                if (!visited.contains(w))
                    missed << QStringLiteral("%1 %2").arg(QLatin1String(w->metaObject()->className()), w->objectName());
            QVERIFY2(missed.isEmpty(),
                     qPrintable(section + QStringLiteral(": Tab never reaches ") + missed.join(QStringLiteral(", "))));
            QVERIFY2(left, qPrintable(section + QStringLiteral(": Tab never leaves the section")));
        }
    }

    // Each badge's symbol is a glyph of DejaVu Sans, the font Debian's desktops fall back to, so that no badge
    // shows an empty box where its symbol should be.
    void everyBadgeSymbolIsInTheFontDebianShips()
    {
        const QRawFont dejaVu = QRawFont::fromFont(QFont(QStringLiteral("DejaVu Sans")));
        QVERIFY2(dejaVu.isValid() && dejaVu.familyName() == QLatin1String("DejaVu Sans"),
                 "DejaVu Sans is missing: install the Debian package fonts-dejavu-core (scripts/setup.sh test does)");
        Ui::StatusBadge badge;
        QStringList badges;
        for (KeyState state : {KeyState::NotSet, KeyState::Active, KeyState::Invalid, KeyState::OutOfBudget,
                               KeyState::Throttled, KeyState::NotVerified, KeyState::Unused}) {
            badge.setState(state);
            badges << badge.text();
        }
        badge.setChecking();
        badges << badge.text();
        for (const QString& text : badges)
            for (const uint c : text.toUcs4())
                QVERIFY2(dejaVu.supportsCharacter(c),
                         qPrintable(QStringLiteral("U+%1 of \"%2\"").arg(c, 4, 16, QLatin1Char('0')).arg(text)));
    }

    void theFirstTabStopIsNamed()
    {
        m_window->activateWindow();
        m_window->page()->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_Tab);
        QWidget* first = QApplication::focusWidget();
        QVERIFY(first);
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(first);
        QVERIFY2(!iface->text(QAccessible::Name).isEmpty(), first->metaObject()->className());
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
