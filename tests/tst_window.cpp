#include "FakeProvider.h"
#include "TestSupport.h"
#include "WidgetSupport.h"

#include "Ask.h"
#include "ByokPanel.h"
#include "CreditsPanel.h"
#include "DailyChart.h"
#include "Environment.h"
#include "KeyVault.h"
#include "MainWindow.h"
#include "ModelsPanel.h"
#include "Session.h"
#include "SettingsPage.h"
#include "StatusBadge.h"
#include "UsageFile.h"

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

// The Settings > AI window, offscreen, against a real SQLite file, the test keychain (gnome-keyring started by
// scripts/run-tests.sh) and the loopback provider. Controls are driven with the keyboard and the mouse.
class TestWindow : public QObject
{
    Q_OBJECT

    const QString anthropicKey = QStringLiteral("sk-ant-api03-") + QString(70, QLatin1Char('W')) + QStringLiteral("Zq7_wxyz");
    const QString replacementKey = QStringLiteral("sk-ant-api03-") + QString(70, QLatin1Char('R')) + QStringLiteral("Xy8_rpl9");
    const QByteArray models = R"({"data":[{"id":"claude-sonnet-4-6"},{"id":"claude-opus-4-6"}],"has_more":false})";

    QTemporaryDir m_dir;
    QString m_db;
    int m_dbCount = 0;
    FakeProvider m_provider;
    std::unique_ptr<Ui::MainWindow> m_window;

    template <typename T>
    T* find(const char* name)
    {
        return WidgetSupport::find<T>(m_window.get(), name);
    }

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
    }

    // Clicks the button of the next message box (a confirmation, a result) once it is up; returns its text.
    QString answerNextMessageBox(QMessageBox::StandardButton button, const std::function<void()>& trigger)
    {
        QString text;
        bool answered = false;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                text = box->text();
                answered = true;
                box->button(button)->click();
            }
        });
        poll.start();
        trigger();
        if (!answered)
            [&] { QTRY_VERIFY_WITH_TIMEOUT(answered, 10000); }();
        poll.stop();
        return text;
    }

    // What the database knows about a key, written directly: for states the window must show without a keychain.
    void recordKeyState(const QString& tenant, KeyState state, std::optional<qint64> retryAt = std::nullopt,
                        const char* message = "")
    {
        auto l = ledger();
        const Status s = l->keys().setKeyRecord({tenant, QStringLiteral("anthropic"), state, QStringLiteral("wxyz"), l->now(),
                                          QString::fromUtf8(message), {}, retryAt, {}, {}},
                                         KeyChange::Checked);
        QVERIFY2(s.ok(), qPrintable(s.failure().message));
    }

    // Stores a key through the command line, as an administrator would: the real keychain and the loopback provider.
    void setKeyWithTheCli(const QString& key)
    {
        const auto r = runCli({QStringLiteral("--db"), m_db, QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("anthropic")},
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
        QVERIFY(l->settings().setPlan(QStringLiteral("professional")).ok());
        QVERIFY(l->directory().addTenant(QStringLiteral("acme"), QStringLiteral("Acme Retail")).ok());
        const auto current = l->usage().report(std::nullopt, std::nullopt);
        const qint64 start = current->period.start;
        const qint64 span = qMax<qint64>(1, l->now() - start - 60000);
        const char* actions[] = {"theme", "content", "inline_text", "image", "analysis", "trigger"};
        for (int i = 0; i < 24; ++i) {
            const QString tenant = i % 3 == 0 ? QStringLiteral("acme") : QString();
            const auto r = l->usage().record({QLatin1String(actions[i % 6]), tenant, start + span * i / 24, {}});
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
        const auto run = runCli(QStringList{QStringLiteral("--db"), m_db, QStringLiteral("report"), QStringLiteral("--json")} + extra);
        if (run.exitCode != 0)
            qFatal("report failed: %s", run.err.constData());
        return QJsonDocument::fromJson(run.out).object();
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
        QVERIFY2(used.startsWith(QStringLiteral("%1 of %2 credits used ").arg(locale.toString(poolUsed), locale.toString(allocation))),
                 qPrintable(used));
        QCOMPARE(used.contains(QStringLiteral("this month")), current); // a past period is told in the past tense
        QCOMPARE(bar->accessibleDescription(), used);
        QVERIFY(find<QLabel>("remainingLabel")->text().startsWith(locale.toString(remaining) +
                                                                   (current ? QStringLiteral(" credits remaining") : QStringLiteral(" credits were left"))));
        auto* table = find<QTableWidget>("breakdownTable");
        const QJsonArray byAction = report[QStringLiteral("by_action")].toArray();
        QCOMPARE(table->rowCount(), byAction.size() + 1);
        qint64 credits = 0;
        for (int row = 0; row < byAction.size(); ++row) {
            const QJsonObject a = byAction[row].toObject();
            QCOMPARE(table->item(row, 0)->text(), TestSupport::catalog().action(a[QStringLiteral("action")].toString())->name);
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
            m_window->page()->models()->reload(); // nothing to ask about on close
        m_window.reset();
    }

    void panelNumbersMatchTheReport()
    {
        recordSampleUsage();
        openWindow();
        compareWithReport(reportJson(), true);
        QVERIFY(find<QLabel>("remainingLabel")->text().contains(QStringLiteral("Unused credits do not roll over")));
        QVERIFY(find<QLabel>("planLabel")->text().startsWith(QStringLiteral("Professional plan")));

        // One tenant, chosen with the keyboard.
        auto* tenants = find<QComboBox>("tenantCombo");
        tenants->setFocus();
        QTest::keyClick(tenants, Qt::Key_Down);
        QCOMPARE(m_window->page()->selectedTenant(), QStringLiteral("acme"));
        compareWithReport(reportJson({QStringLiteral("--tenant"), QStringLiteral("acme")}), true);
        QVERIFY(find<QLabel>("creditNotesLabel")->text().contains(QStringLiteral("Tenant acme used")));

        // The period before, for offline review; Later comes back, and there is nothing later than now.
        auto* earlier = find<QPushButton>("previousPeriodButton");
        auto* later = find<QPushButton>("nextPeriodButton");
        QVERIFY(!later->isEnabled());
        QTest::mouseClick(earlier, Qt::LeftButton);
        const QString previous = m_window->page()->credits()->periodId();
        QVERIFY(!previous.isEmpty());
        compareWithReport(reportJson({QStringLiteral("--tenant"), QStringLiteral("acme"), QStringLiteral("--period"), previous}), false);
        QVERIFY(!earlier->isEnabled()); // nothing was used before it
        QVERIFY(later->isEnabled());
        QTest::mouseClick(later, Qt::LeftButton);
        QVERIFY(m_window->page()->credits()->periodId().isEmpty());
        QVERIFY(!later->isEnabled());
    }

    void progressBarWarnsAtEightyAndFullPercent()
    {
        {
            auto l = ledger();
            const qint64 start = l->usage().report(std::nullopt, std::nullopt)->period.start;
            for (int i = 0; i < 4; ++i) // 4 × 20 = 80 of 100
                QVERIFY(l->usage().record({QStringLiteral("trigger"), {}, start + i, {}}).ok());
        }
        openWindow();
        auto* bar = find<QProgressBar>("creditsProgressBar");
        QCOMPARE(bar->property("level").toString(), QStringLiteral("warning"));
        QVERIFY(!bar->styleSheet().isEmpty());
        {
            auto l = ledger();
            const qint64 start = l->usage().report(std::nullopt, std::nullopt)->period.start;
            QVERIFY(l->usage().record({QStringLiteral("trigger"), {}, start + 10, {}}).ok());
        }
        QTest::keyClick(m_window.get(), Qt::Key_F5); // View › Refresh
        QCOMPARE(bar->property("level").toString(), QStringLiteral("full"));
        QCOMPARE(bar->value(), 100);
        QVERIFY(find<QLabel>("remainingLabel")->text().startsWith(QStringLiteral("0 credits remaining")));
    }

    void typingAKeyAndSavingTurnsTheBadgeActive()
    {
        openWindow();
        QCOMPARE(badgeState("anthropic"), QStringLiteral("not_set"));
        auto* edit = find<QLineEdit>("anthropicKeyEdit");
        auto* save = find<QPushButton>("anthropicSaveButton");
        auto* show = find<QWidget>("anthropicShowButton");
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!save->isEnabled());
        QVERIFY(!show->isEnabled()); // nothing typed, nothing to show
        edit->setFocus();
        QTest::keyClicks(edit, anthropicKey);
        QVERIFY(save->isEnabled());
        QVERIFY(show->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(badgeState("anthropic"), QStringLiteral("checking"));
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("active"), 20000);
        QCOMPARE(find<QLabel>("anthropicStatusBadge")->text(), QStringLiteral("✓ Active (BYOK)"));

        // The widget let go of the key; it shows only the masked form, and the keychain has the key.
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(edit->placeholderText(), QStringLiteral("sk-ant-••••••••wxyz"));
        QVERIFY(!show->isEnabled());
        QVERIFY(!find<QLabel>("anthropicMessageLabel")->isVisible());
        QVERIFY(find<QLabel>("keyInForceLabel")->text().contains(QStringLiteral("Anthropic actions use the install's key (Active (BYOK))")));
        QVERIFY(find<QTableWidget>("creditCostsTable")->item(1, 3)->text().startsWith(QStringLiteral("0 credits")));
        KeyVault vault;
        QSignalSpy noSignal(this, &QObject::destroyed);
        std::optional<QString> stored;
        bool read = false;
        vault.read({ledger()->settings().current()->installId, {}, QStringLiteral("anthropic")}, [&](Result<std::optional<QString>> r) {
            read = true;
            if (r)
                stored = r.value();
        });
        QTRY_VERIFY_WITH_TIMEOUT(read, 15000);
        QCOMPARE(stored.value_or(QString()), anthropicKey);
        QCOMPARE(ledger()->keys().keyRecord({}, QStringLiteral("anthropic"))->fingerprint, QStringLiteral("wxyz"));

        // Remove asks first, then the actions go back to credits.
        const QString question = answerNextMessageBox(QMessageBox::Yes, [&] {
            QTest::mouseClick(find<QPushButton>("anthropicRemoveButton"), Qt::LeftButton);
        });
        QVERIFY(question.contains(QStringLiteral("Remove the Anthropic key")));
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("not_set"), 15000);
        QVERIFY(find<QLabel>("keyInForceLabel")->text().contains(QStringLiteral("Anthropic actions use AI credits.")));
    }

    void aRejectedKeyTurnsTheBadgeRedWithTheProvidersMessage()
    {
        m_provider.respond(401, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        openWindow();
        auto* edit = find<QLineEdit>("anthropicKeyEdit");
        edit->setFocus();
        QTest::keyClicks(edit, anthropicKey);
        QTest::keyClick(edit, Qt::Key_Return); // Enter saves too
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("invalid"), 20000);
        QCOMPARE(find<QLabel>("anthropicStatusBadge")->text(), QStringLiteral("✕ Invalid key"));
        auto* message = find<QLabel>("anthropicMessageLabel");
        m_window->page()->showSection(QStringLiteral("keys"));
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("Anthropic rejected the key (401): invalid x-api-key.")),
                 qPrintable(message->text()));
        QVERIFY(!message->text().contains(anthropicKey.right(12)));
        // The key stays stored as invalid, and Test checks it again once the provider accepts it.
        m_provider.respond(200, models);
        QTest::mouseClick(find<QPushButton>("anthropicTestButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("active"), 20000);
        QVERIFY(!message->isVisible());
    }

    void theWindowKeepsAnsweringWhileACheckHangs()
    {
        openWindow();
        auto* edit = find<QLineEdit>("anthropicKeyEdit");
        edit->setFocus();
        QTest::keyClicks(edit, anthropicKey);
        m_provider.stall();
        QTest::mouseClick(find<QPushButton>("anthropicSaveButton"), Qt::LeftButton);
        QCOMPARE(badgeState("anthropic"), QStringLiteral("checking"));
        // While the provider says nothing, the page takes input and repaints.
        auto* combo = find<QComboBox>("contentModelCombo");
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QVERIFY(find<QPushButton>("saveChangesButton")->isEnabled());
        QCOMPARE(badgeState("anthropic"), QStringLiteral("checking"));
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(10);
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 5, 1000);
        // The check gives up within its bound and says why; Test tries again.
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("not_verified"), 15000);
        QVERIFY(find<QLabel>("anthropicMessageLabel")->text().contains(QStringLiteral("did not answer")));
        m_provider.respond(200, models);
        QTest::mouseClick(find<QPushButton>("anthropicTestButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("active"), 20000);
    }

    void eachKeyStateHasItsOwnBadgeAndAdvice_data()
    {
        QTest::addColumn<KeyState>("state");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("badge");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("cost"); // of content generation, in the costs table
        QTest::newRow("active") << KeyState::Active << "active" << "✓ Active (BYOK)" << "" << "0 credits (your Anthropic key; 5 otherwise)";
        QTest::newRow("invalid") << KeyState::Invalid << "invalid" << "✕ Invalid key"
                                 << "To rotate it: revoke it at console.anthropic.com, paste a new key here and press Save."
                                 << "refused: the Anthropic key is invalid";
        QTest::newRow("out of budget") << KeyState::OutOfBudget << "out_of_budget" << "$ Out of budget" << "spend limit"
                                       << "refused: the Anthropic key is out of budget";
        QTest::newRow("throttled") << KeyState::Throttled << "throttled" << "⏸ Throttled" << "It is checked again automatically at"
                                   << "0 credits (your Anthropic key; 5 otherwise)";
        QTest::newRow("not verified") << KeyState::NotVerified << "not_verified" << "? Not verified" << "did not answer"
                                      << "0 credits (your Anthropic key; 5 otherwise)";
    }

    void eachKeyStateHasItsOwnBadgeAndAdvice()
    {
        QFETCH(KeyState, state);
        QFETCH(QString, message);
        const char* reasons[] = {"", "Anthropic rejected the key (401): invalid x-api-key.", "Anthropic did not answer within 15 seconds.",
                                 "The Anthropic account behind this key is out of budget (429); raise its spend limit or add credit at console.anthropic.com.",
                                 "Anthropic is limiting requests (429); check again in 3600 seconds."};
        recordKeyState({}, state, state == KeyState::Throttled ? std::optional<qint64>(QDateTime::currentMSecsSinceEpoch() + 3600000) : std::nullopt,
                       reasons[int(state) - 1]);
        openWindow();
        QTEST(badgeState("anthropic"), "id");
        QTEST(find<QLabel>("anthropicStatusBadge")->text(), "badge");
        auto* label = find<QLabel>("anthropicMessageLabel");
        m_window->page()->showSection(QStringLiteral("keys"));
        QCOMPARE(label->isVisible(), !message.isEmpty());
        QVERIFY2(label->text().contains(message), qPrintable(label->text()));
        QTEST(find<QTableWidget>("creditCostsTable")->item(1, 3)->text(), "cost");
        QVERIFY(find<QLabel>("anthropicConsoleLink")->text().contains(QStringLiteral("href=\"https://console.anthropic.com\"")));
        const QString estimate = find<QLabel>("estimateLabel")->text();
        QCOMPARE(estimate.contains(QStringLiteral("Refused until the key is fixed")), keyStateRefusesActions(state));
        QVERIFY(m_provider.requests.isEmpty()); // checked just now: nothing to check again
    }

    // What the page promises depends on who reads it: a Viewer's window does not check keys by itself.
    void aViewerIsToldOnlyWhatItsWindowDoes()
    {
        recordKeyState({}, KeyState::Throttled, QDateTime::currentMSecsSinceEpoch() + 3600000,
                       "Anthropic is limiting requests (429); check again in 3600 seconds.");
        {
            auto owner = ledger();
            QVERIFY(owner->directory().setMember(QStringLiteral("someone-else"), Role::Owner).ok());
        }
        QVERIFY(ledger(QStringLiteral("someone-else"))->directory().setMember(Environment::currentUserName(), Role::Viewer).ok());
        openWindow();
        const QString text = find<QLabel>("anthropicMessageLabel")->text();
        QVERIFY2(text.contains(QStringLiteral("The provider said to ask again at")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("automatically")));
        QVERIFY(!find<QPushButton>("anthropicTestButton")->isEnabled());
    }

    void aKeyHeldOnAnotherMachineSaysWhere()
    {
        {
            auto l = ledger();
            KeyRecord r{{}, QStringLiteral("anthropic"), KeyState::Active, QStringLiteral("wxyz"), l->now(), {}, {}, std::nullopt, {},
                        QStringLiteral("alice@desk-7")};
            QVERIFY(l->keys().setKeyRecord(r, KeyChange::Set).ok());
        }
        openWindow();
        QCOMPARE(badgeState("anthropic"), QStringLiteral("active"));
        QVERIFY(find<QLabel>("anthropicMessageLabel")->text().contains(
            QStringLiteral("kept in the keychain of alice on desk-7; Test and Remove work there.")));
        QVERIFY(!find<QPushButton>("anthropicTestButton")->isEnabled());
        QVERIFY(!find<QPushButton>("anthropicRemoveButton")->isEnabled());
        QVERIFY(find<QLineEdit>("anthropicKeyEdit")->isEnabled()); // a new key can still be saved here
    }

    void aDowngradedTenantKeyIsShownUnused()
    {
        // Professional since last period, then Essentials: the downgrade holds from this period's start.
        auto l = ledger();
        l->setClock([] { return QDateTime::currentMSecsSinceEpoch() - 45LL * 86400000; });
        QVERIFY(l->settings().setPlan(QStringLiteral("professional")).ok());
        QVERIFY(l->directory().addTenant(QStringLiteral("acme"), {}).ok());
        recordKeyState(QStringLiteral("acme"), KeyState::Active);
        QVERIFY(l->settings().setPlan(QStringLiteral("essentials")).ok());
        l.reset();
        openWindow();
        auto* tenants = find<QComboBox>("tenantCombo");
        tenants->setFocus();
        QTest::keyClick(tenants, Qt::Key_Down);
        QCOMPARE(badgeState("anthropic"), QStringLiteral("unused"));
        QCOMPARE(find<QLabel>("anthropicStatusBadge")->text(), QStringLiteral("○ Unused"));
        QVERIFY(find<QLabel>("anthropicMessageLabel")->text().contains(QStringLiteral("Not used: the Essentials plan does not allow tenant keys")));
        QVERIFY(find<QPushButton>("anthropicRemoveButton")->isEnabled()); // it can still be removed
        QVERIFY(!find<QPushButton>("anthropicTestButton")->isEnabled());
        QVERIFY(find<QTableWidget>("creditCostsTable")->item(1, 3)->text().startsWith(QStringLiteral("5 credits")));
    }

    void replacingAnActiveKeyAsksFirstAndARejectedKeyChangesNothing()
    {
        setKeyWithTheCli(anthropicKey);
        openWindow();
        QCOMPARE(badgeState("anthropic"), QStringLiteral("active"));
        const qsizetype asked = m_provider.requests.size();
        typeKey("anthropic", replacementKey);
        Ui::Ask::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(find<QPushButton>("anthropicSaveButton"), Qt::LeftButton);
        QCOMPARE(Ui::Ask::lastQuestion(), QStringLiteral("Replace the active Anthropic key ending wxyz?"));
        QCOMPARE(m_provider.requests.size(), asked); // cancelled: nothing was sent
        QCOMPARE(find<QLineEdit>("anthropicKeyEdit")->text(), replacementKey);

        m_provider.respond(401, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        Ui::Ask::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("anthropicSaveButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("active"), 20000);
        QCOMPARE(m_provider.requests.last().header("x-api-key"), replacementKey.toUtf8());
        auto* message = find<QLabel>("anthropicMessageLabel");
        QVERIFY2(message->text().contains(QStringLiteral("rejected the key (401): invalid x-api-key; the stored key ending wxyz is kept")),
                 qPrintable(message->text()));
        QCOMPARE(find<QLineEdit>("anthropicKeyEdit")->text(), replacementKey); // kept, with the reason
        QCOMPARE(ledger()->keys().keyRecord({}, QStringLiteral("anthropic"))->fingerprint, QStringLiteral("wxyz"));
        QCOMPARE(ledger()->keys().keyRecord({}, QStringLiteral("anthropic"))->state, KeyState::Active);
    }

    void aReplacementWithoutAVerdictIsConfirmedFirst()
    {
        setKeyWithTheCli(anthropicKey);
        openWindow();
        m_provider.respond(503, R"({"type":"error","error":{"type":"api_error","message":"unavailable"}})");
        typeKey("anthropic", replacementKey);
        Ui::Ask::setNextAnswer(QMessageBox::Yes); // replace the active key
        Ui::Ask::setNextAnswer(QMessageBox::Yes); // even though the new one could not be checked
        QTest::mouseClick(find<QPushButton>("anthropicSaveButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("not_verified"), 20000);
        QCOMPARE(Ui::Ask::pendingAnswers(), 0);
        QVERIFY2(Ui::Ask::lastQuestion().startsWith(QStringLiteral("Anthropic is having trouble (503); the stored key ending wxyz is "
                                                                   "kept. Replace the stored key with the new one anyway?")),
                 qPrintable(Ui::Ask::lastQuestion()));
        QCOMPARE(ledger()->keys().keyRecord({}, QStringLiteral("anthropic"))->fingerprint, QStringLiteral("rpl9"));
        QVERIFY(find<QLineEdit>("anthropicKeyEdit")->text().isEmpty()); // stored: the widget let go of it
    }

    void modelsTheKeyCannotUseAreMarkedAndRefused()
    {
        setKeyWithTheCli(anthropicKey); // its list: Sonnet 4.6 and Opus 4.6
        openWindow();
        auto* analysis = find<QComboBox>("analysisModelCombo");
        const int sonnet45 = analysis->findData(QStringLiteral("claude-sonnet-4-5"));
        QVERIFY(analysis->itemText(sonnet45).endsWith(QStringLiteral("not available with your key")));
        QVERIFY(!analysis->itemText(analysis->findData(QStringLiteral("claude-opus-4-6"))).contains(QStringLiteral("not available")));
        auto* listLabel = find<QLabel>("keyModelsLabel");
        m_window->page()->showSection(QStringLiteral("models"));
        QVERIFY(listLabel->isVisible());
        QVERIFY(listLabel->text().contains(QStringLiteral("were read from Anthropic on")));
        analysis->setCurrentIndex(sonnet45);
        QTest::mouseClick(find<QPushButton>("saveChangesButton"), Qt::LeftButton);
        QVERIFY2(find<QLabel>("modelsMessageLabel")->text().contains(QStringLiteral("cannot use Claude Sonnet 4.5")),
                 qPrintable(find<QLabel>("modelsMessageLabel")->text()));
        QCOMPARE(ledger()->settings().current()->slotModels.value(QStringLiteral("analysis")), QStringLiteral("claude-sonnet-4-6"));
        QVERIFY(find<QPushButton>("saveChangesButton")->isEnabled()); // the choice stays, to be changed
    }

    void staleKeysAreCheckedAgainWhenTheWindowOpens()
    {
        setKeyWithTheCli(anthropicKey);
        {
            auto l = ledger();
            KeyRecord old = l->keys().keyRecord({}, QStringLiteral("anthropic")).value();
            old.checkedAt = l->now() - Ui::Session::staleAfterMs - 60000;
            QVERIFY(l->keys().setKeyRecord(old, KeyChange::Checked).ok());
        }
        m_provider.requests.clear();
        m_provider.respond(401, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        openWindow();
        // The page is up and usable while the check runs in the background.
        QVERIFY(find<QComboBox>("contentModelCombo")->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("invalid"), 20000);
        QCOMPARE(m_provider.requests.size(), 1);
        const qint64 checked = *ledger()->keys().keyRecord({}, QStringLiteral("anthropic"))->checkedAt;
        QVERIFY(ledger()->now() - checked < 60000);
    }

    void aKeyInTheWrongFieldIsRefusedAndKeptForCorrection()
    {
        openWindow();
        auto* edit = find<QLineEdit>("openaiKeyEdit");
        edit->setFocus();
        QTest::keyClicks(edit, anthropicKey);
        QTest::mouseClick(find<QPushButton>("openaiSaveButton"), Qt::LeftButton);
        auto* message = find<QLabel>("openaiMessageLabel");
        QVERIFY2(message->text().contains(QStringLiteral("Anthropic")), qPrintable(message->text()));
        QVERIFY(!message->text().contains(anthropicKey.right(12)));
        QCOMPARE(edit->text(), anthropicKey); // kept, to be moved to the right field
        QCOMPARE(badgeState("openai"), QStringLiteral("not_set"));
        QCOMPARE(ledger()->keys().keyRecord({}, QStringLiteral("openai"))->state, KeyState::NotSet);
        QVERIFY(m_provider.requests.isEmpty() || m_provider.requests.last().path != "/v1/models" ||
                m_provider.requests.last().header("authorization").isEmpty());
    }

    void saveChangesIsEnabledOnlyWhenSomethingChanged()
    {
        openWindow();
        auto* content = find<QComboBox>("contentModelCombo");
        auto* save = find<QPushButton>("saveChangesButton");
        auto* revert = find<QPushButton>("revertButton");
        QCOMPARE(content->currentData().toString(), QStringLiteral("claude-sonnet-4-6"));
        QVERIFY(!save->isEnabled());
        QVERIFY(!revert->isEnabled());
        const int opus = content->findData(QStringLiteral("claude-opus-4-6"));
        QVERIFY(content->itemText(opus).contains(QStringLiteral("2× credit cost")));
        QVERIFY(!content->itemText(content->findData(QStringLiteral("claude-haiku-4-5"))).contains(QStringLiteral("credit cost")));
        content->setFocus();
        QTest::keyClick(content, Qt::Key_Down);
        QVERIFY(save->isEnabled());
        QTest::keyClick(content, Qt::Key_Up); // back to what is applied: nothing to save
        QVERIFY(!save->isEnabled());
        content->setCurrentIndex(opus);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(revert, Qt::LeftButton);
        QCOMPARE(content->currentData().toString(), QStringLiteral("claude-sonnet-4-6"));
        QVERIFY(!save->isEnabled());
        content->setCurrentIndex(opus);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(!save->isEnabled());
        QCOMPARE(ledger()->settings().current()->slotModels.value(QStringLiteral("content")), QStringLiteral("claude-opus-4-6"));
        QVERIFY(find<QTableWidget>("creditCostsTable")->item(1, 3)->text().startsWith(QStringLiteral("10 credits (Claude Opus 4.6, ×2)")));
    }

    void aViewerSeesThePageReadOnlyAndWhy()
    {
        {
            auto owner = ledger(QStringLiteral("someone-else"));
            QVERIFY(owner->directory().setMember(Environment::currentUserName(), Role::Viewer).ok());
        }
        openWindow();
        auto* line = find<QLabel>("readOnlyLabel");
        QVERIFY(line->isVisible());
        QVERIFY(line->text().contains(QStringLiteral("Viewer")));
        QVERIFY(line->text().contains(QStringLiteral("only an Owner or Admin")));
        for (const char* name : {"anthropicKeyEdit", "openaiKeyEdit"})
            QVERIFY2(!find<QLineEdit>(name)->isEnabled(), name);
        for (const char* name : {"contentModelCombo", "analysisModelCombo"})
            QVERIFY2(!find<QComboBox>(name)->isEnabled(), name);
        QVERIFY(!find<QPushButton>("saveChangesButton")->isEnabled());
        QVERIFY(find<QComboBox>("tenantCombo")->isEnabled()); // reviewing stays open to everyone
        m_window->page()->showSection(QStringLiteral("usage"));
        QVERIFY(find<QProgressBar>("creditsProgressBar")->isVisible());
        bool importEnabled = true;
        for (QAction* a : m_window->findChildren<QAction*>())
            if (a->text().contains(QStringLiteral("Import")))
                importEnabled = a->isEnabled();
        QVERIFY(!importEnabled);
    }

    void tenantKeysOnEssentialsAreDisabledWithTheReason()
    {
        QVERIFY(ledger()->directory().addTenant(QStringLiteral("acme"), {}).ok());
        openWindow();
        auto* tenants = find<QComboBox>("tenantCombo");
        tenants->setFocus();
        QTest::keyClick(tenants, Qt::Key_Down);
        QVERIFY(!find<QLineEdit>("anthropicKeyEdit")->isEnabled());
        QVERIFY(find<QLabel>("anthropicMessageLabel")->text().contains(QStringLiteral("Professional or Enterprise")));
        QVERIFY(find<QLabel>("keyScopeLabel")->text().contains(QStringLiteral("acme")));
        QVERIFY(find<QLabel>("rateOnCreditsLabel")->text().contains(QStringLiteral("20 of 20")));
    }

    void importRunsBehindAProgressDialogAllOrNothing()
    {
        openWindow();
        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,occurred_at,tenant,action,model,billing,credits\n"
                   "g1,2026-01-05T10:00:00Z,,theme,claude-sonnet-4-6,credits,\n"
                   "g2,2026-01-05T11:00:00Z,,poetry,,credits,\n");
        file.close();
        const QString refusal = answerNextMessageBox(QMessageBox::Ok, [&] { m_window->importFile(bad); });
        QVERIFY2(refusal.startsWith(QStringLiteral("Line 3:")), qPrintable(refusal));
        QCOMPARE(ledger()->usage().report(QStringLiteral("2026-01"), std::nullopt)->used, 0);

        const QString good = m_dir.filePath(QStringLiteral("good.csv"));
        file.setFileName(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,occurred_at,tenant,action,model,billing,credits\n"
                   "g1,2026-01-05T10:00:00Z,,theme,claude-sonnet-4-6,credits,\n"
                   "g2,2026-01-05T11:00:00Z,newco,trigger,claude-opus-4-6,credits,\n");
        file.close();
        const QString summary = answerNextMessageBox(QMessageBox::Ok, [&] { m_window->importFile(good); });
        QVERIFY2(summary.startsWith(QStringLiteral("Imported 2 of 2 events (41 credits)")), qPrintable(summary));
        // The page read again: the new tenant is there to choose.
        QVERIFY(find<QComboBox>("tenantCombo")->findData(QStringLiteral("newco")) > 0);

        const QString exported = m_dir.filePath(QStringLiteral("exported.jsonl"));
        m_window->exportTo(exported, UsageFile::Format::JsonLines);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(exported), 10000);
        QFile out(exported);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const auto cli = runCli({QStringLiteral("--db"), m_db, QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("jsonl")});
        QCOMPARE(out.readAll(), cli.out);
    }

    void theWindowRemembersItsSize()
    {
        openWindow();
        m_window->resize(700, 560);
        QVERIFY(m_window->close());
        m_window.reset();
        openWindow();
        QCOMPARE(m_window->size(), QSize(700, 560));
    }

    void aDatabaseThatCannotBeOpenedIsExplained()
    {
        QFile garbage(m_db);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        m_window = std::make_unique<Ui::MainWindow>(m_db);
        QVERIFY(!m_window->session());
        QVERIFY(find<QLabel>("problemLabel")->text().contains(QStringLiteral("cannot be shown")));
    }
};

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
