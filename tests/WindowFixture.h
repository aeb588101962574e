#pragma once

#include "FakeProvider.h"
#include "TestSupport.h"
#include "WidgetSupport.h"

#include "formats/UsageFile.h"
#include "keys/KeyVault.h"
#include "sections/ByokPanel.h"
#include "sections/CreditsPanel.h"
#include "sections/ModelsPanel.h"
#include "session/Session.h"
#include "support/Environment.h"
#include "widgets/Ask.h"
#include "widgets/DailyChart.h"
#include "widgets/StatusBadge.h"
#include "window/MainWindow.h"
#include "window/SettingsPage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>

using TestSupport::runCli;

// What the window suites share: the Settings > AI window, offscreen, against a real SQLite file, the test keychain
// (gnome-keyring started by scripts/run-tests.sh) and the loopback provider; controls are driven with the
// keyboard and the mouse. Its private slots run before and after each suite's tests.
class WindowFixture : public QObject
{
    Q_OBJECT

protected:
    const QString anthropicKey =
        QStringLiteral("sk-ant-api03-") + QString(70, QLatin1Char('W')) + QStringLiteral("Zq7_wxyz");
    const QString replacementKey =
        QStringLiteral("sk-ant-api03-") + QString(70, QLatin1Char('R')) + QStringLiteral("Xy8_rpl9");
    const QByteArray models = R"({"data":[{"id":"claude-sonnet-4-6"},{"id":"claude-opus-4-6"}],"has_more":false})";

    QTemporaryDir m_dir;
    QString m_db;
    int m_dbCount = 0;
    FakeProvider m_provider;
    std::unique_ptr<Ui::MainWindow> m_window;

    template <typename T> T* find(const char* name) { return WidgetSupport::find<T>(m_window.get(), name); }

    QString badgeState(const char* provider)
    {
        return find<Ui::StatusBadge>(QByteArray(provider).append("StatusBadge").constData())->stateId();
    }

    std::unique_ptr<Ledger> ledger(const QString& user = Environment::currentUserName())
    {
        return TestSupport::openLedger(m_db, user);
    }

    void openWindow()
    {
        m_window = std::make_unique<Ui::MainWindow>(m_db);
        QVERIFY(m_window->session());
        // Short bounds, so that the stalled-provider test ends quickly; still far above a loopback answer.
        m_window->session()->setTimeouts(10000, 1500);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        read();
    }

    // Waits until the page shows what it read last (WidgetSupport::pageRead).
    void read() { QVERIFY(WidgetSupport::pageRead(m_window->page())); }

    // Answers the next dialog with `button` through the Ask seam, runs `trigger`, waits (bounded) until the
    // dialog came, and returns its text.
    QString answerNextDialog(QMessageBox::StandardButton button, const std::function<void()>& trigger)
    {
        Ui::Ask::setNextAnswer(button);
        trigger();
        [&] { QTRY_COMPARE_WITH_TIMEOUT(Ui::Ask::pendingAnswers(), 0, 10000); }();
        return Ui::Ask::lastQuestion();
    }

    // What the database knows about a key, written directly: for states the window must show without a keychain.
    void recordKeyState(const QString& tenant, KeyState state, std::optional<qint64> retryAt = std::nullopt,
                        const char* message = "")
    {
        auto l = ledger();
        const Status s = l->keys().setKeyRecord({tenant,
                                                 QStringLiteral("anthropic"),
                                                 state,
                                                 QStringLiteral("wxyz"),
                                                 l->now(),
                                                 KeyVerdict::fromStored(QString::fromUtf8(message)),
                                                 {},
                                                 retryAt,
                                                 {},
                                                 {}},
                                                KeyChange::Checked);
        QVERIFY2(s.ok(), qPrintable(s.failure().message));
    }

    // Stores a key through the command line, as an administrator would: the real keychain and the loopback provider.
    void setKeyWithTheCli(const QString& key)
    {
        const auto r = runCli(
            {QStringLiteral("--db"), m_db, QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("anthropic")},
            key.toUtf8());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void typeKey(const char* provider, const QString& key)
    {
        auto* edit = find<QLineEdit>(QByteArray(provider).append("KeyEdit").constData());
        edit->setFocus();
        QTest::keyClicks(edit, key);
    }

    // Usage spread over the running period and the one before, for the install and a tenant.
    void recordSampleUsage()
    {
        auto l = ledger();
        const auto current = l->usage().report(std::nullopt, std::nullopt);
        const qint64 start = current->period.start;
        // The plan and the tenant were there when the period began, before the usage below happened.
        const Clock clock = l->clock();
        l->setClock(Clock::fixedAt(start));
        QVERIFY(l->settings().setPlan(QStringLiteral("professional")).ok());
        QVERIFY(l->directory().addTenant(QStringLiteral("acme"), QStringLiteral("Acme Retail")).ok());
        l->setClock(clock);
        const qint64 span = qMax<qint64>(1, l->now() - start - 60000);
        const char* actions[] = {"theme", "content", "inline_text", "image", "analysis", "trigger"};
        for (int i = 0; i < 24; ++i) {
            const QString tenant = i % 3 == 0 ? QStringLiteral("acme") : QString();
            const auto r =
                TestSupport::recordAsItHappened(*l, {QLatin1String(actions[i % 6]), tenant, start + span * i / 24, {}});
            QVERIFY2(r.ok(), qPrintable(r.failure().message));
        }
        // History of the period before: imported, as an administrator would.
        const qint64 before = start - 5 * 86400000LL;
        QVector<ImportRow> rows;
        const auto parsed = UsageFile::parse(QStringLiteral("id,occurred_at,tenant,action,model,billing,credits\n"
                                                            "h1,%1,,trigger,claude-opus-4-6,credits,\n"
                                                            "h2,%1,acme,image,,byok,\n")
                                                 .arg(IsoTime::formatUtc(before))
                                                 .toUtf8(),
                                             UsageFile::Format::Csv);
        QVERIFY2(parsed.ok(), qPrintable(parsed.failure().message));
        QVERIFY(l->usage().importRows(parsed.value(), false).ok());
    }

    QJsonObject reportJson(const QStringList& extra = {})
    {
        const auto run = runCli(
            QStringList{QStringLiteral("--db"), m_db, QStringLiteral("report"), QStringLiteral("--json")} + extra);
        if (run.exitCode != 0)
            qFatal("report failed (exit %d): %s", run.exitCode, run.err.constData());
        return QJsonDocument::fromJson(run.out).object();
    }

    // `report --json` for the running period the window shows. At a period's edge (the clock suites run 30 s before
    // one) the window may have read just before it and the report run just after: then both are read again.
    QJsonObject runningReportAsShown(const QStringList& extra = {})
    {
        QJsonObject report = reportJson(extra);
        const auto shownPeriod = [&] { return m_window->page()->shown().running.period.id(); };
        if (report[QStringLiteral("period")][QStringLiteral("id")].toString() != shownPeriod()) {
            m_window->session()->refresh();
            read();
            report = reportJson(extra);
        }
        return report;
    }

    // The credits panel shows what `report --json` says for the same selection.
    void compareWithReport(const QJsonObject& report, bool current)
    {
        const QLocale locale;
        auto* bar = find<QProgressBar>("creditsProgressBar");
        const qint64 allocation = report[QStringLiteral("allocation")].toInteger();
        const qint64 remaining = report[QStringLiteral("remaining")].toInteger();
        const qint64 poolUsed = allocation - remaining;
        QCOMPARE(bar->maximum(), int(allocation));
        QCOMPARE(bar->value(), int(qMin(poolUsed, allocation)));
        const QString used = find<QLabel>("usedLabel")->text();
        QVERIFY2(
            used.startsWith(
                QStringLiteral("%1 of %2 credits used ").arg(locale.toString(poolUsed), locale.toString(allocation))),
            qPrintable(used));
        QCOMPARE(used.contains(QStringLiteral("this month")), current); // a past period is told in the past tense
        QCOMPARE(bar->accessibleDescription(), used);
        QVERIFY(find<QLabel>("remainingLabel")
                    ->text()
                    .startsWith(locale.toString(remaining) + (current ? QStringLiteral(" credits remaining")
                                                                      : QStringLiteral(" credits were left"))));
        auto* table = find<QTableWidget>("breakdownTable");
        const QJsonArray byAction = report[QStringLiteral("by_action")].toArray();
        QCOMPARE(table->rowCount(), byAction.size() + 1);
        qint64 credits = 0;
        for (int row = 0; row < byAction.size(); ++row) {
            const QJsonObject a = byAction[row].toObject();
            QCOMPARE(table->item(row, 0)->text(),
                     TestSupport::catalog().action(a[QStringLiteral("action")].toString())->name);
            QCOMPARE(table->item(row, 1)->text(), locale.toString(a[QStringLiteral("count")].toInteger()));
            QCOMPARE(table->item(row, 2)->text(), locale.toString(a[QStringLiteral("credits")].toInteger()));
            QCOMPARE(table->item(row, 3)->text(), locale.toString(a[QStringLiteral("byok_count")].toInteger()));
            credits += a[QStringLiteral("credits")].toInteger();
        }
        QCOMPARE(credits, report[QStringLiteral("used")].toInteger());
        qint64 charted = 0;
        for (const DayUsage& d : find<Ui::DailyChart>("dailyChart")->days())
            charted += d.credits;
        QCOMPARE(charted, credits);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The window's remembered size goes to a scratch settings file, never the user's.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("ANTHROPIC_BASE_URL", m_provider.baseUrl().toString().toUtf8());
        qputenv("OPENAI_BASE_URL", m_provider.baseUrl().toString().toUtf8());
    }

    void init()
    {
        TestSupport::failOnAnyWidgetWarning();
        m_db = m_dir.filePath(QStringLiteral("window-%1.sqlite").arg(++m_dbCount));
        m_provider.respond(200, models);
        m_provider.requests.clear();
    }

    void cleanup()
    {
        if (m_window && m_window->page() && m_window->page()->models()->isDirty())
            m_window->page()->models()->discard(); // nothing to ask about on close
        m_window.reset();
    }
};
